import { describe, expect, it } from 'vitest';
import { Serdes } from '../../src/serdes/serdes.js';
import { WindowedSerdes } from '../../src/serdes/windowed-serdes.js';
import { isWindowedSerializer } from '../../src/serdes/time-windowed-serde.js';
import { SessionWindow, TimeWindow } from '../../src/windows/window.js';
import { Windowed } from '../../src/windows/windowed.js';

const hex = (b: Buffer | null): string | null => (b === null ? null : b.toString('hex'));

describe('WindowedSerdes.timeWindowedSerdeFrom', () => {
  const serde = WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), 60_000);

  it("writes Java's bytes: key, then the 8-byte big-endian start", () => {
    const key = new Windowed('ab', new TimeWindow(1_700_000_040_000, 1_700_000_100_000));
    expect(hex(serde.serializer().serialize('t', key))).toBe('6162' + '0000018bcfe60440');
    expect(serde.serializer().serialize('t', null)).toBeNull();
  });

  it('reads the key back with end = start + window size', () => {
    const bytes = Buffer.from('6162' + '0000018bcfe60440', 'hex');
    const key = serde.deserializer().deserialize('t', bytes)!;
    expect(key.key).toBe('ab');
    expect(key.window).toEqual(new TimeWindow(1_700_000_040_000, 1_700_000_100_000));
    expect(key.toString()).toBe('[ab@1700000040000/1700000100000]');
    expect(serde.deserializer().deserialize('t', null)).toBeNull();
    expect(serde.deserializer().deserialize('t', Buffer.alloc(0))).toBeNull();
  });

  it('reads window-store changelog keys (with the 4-byte seqnum) in changelog mode', () => {
    const changelog = serde.forChangelog(true).deserializer();
    const key = changelog.deserialize('t', Buffer.from('61' + '0000000000000064' + '00000007', 'hex'))!;
    expect(key.toString()).toBe('[a@100/60100]');
  });

  it('rejects data too short to be a windowed key', () => {
    expect(() => serde.deserializer().deserialize('t', Buffer.from('0102', 'hex'))).toThrow(/at least 8 bytes/);
  });

  it('serializes the base key for partitioning', () => {
    const ser = serde.serializer();
    expect(isWindowedSerializer(ser)).toBe(true);
    expect(isWindowedSerializer(Serdes.String().serializer())).toBe(false);
    expect(hex(ser.serializeBaseKey('t', new Windowed('ab', new TimeWindow(0, 1))))).toBe('6162');
  });
});

describe('WindowedSerdes.sessionWindowedSerdeFrom', () => {
  const serde = WindowedSerdes.sessionWindowedSerdeFrom(Serdes.String());

  it("writes Java's bytes: key, 8-byte end, 8-byte start", () => {
    const key = new Windowed('k', new SessionWindow(10, 20));
    expect(hex(serde.serializer().serialize('t', key))).toBe('6b' + '0000000000000014' + '000000000000000a');
  });

  it('round-trips sessions, including single-point ones', () => {
    for (const w of [new SessionWindow(10, 20), new SessionWindow(7, 7)]) {
      const key = new Windowed('user-1', w);
      const back = serde.deserializer().deserialize('t', serde.serializer().serialize('t', key))!;
      expect(back.equals(key)).toBe(true);
    }
  });
});
