import { describe, expect, it } from 'vitest';
import { Change } from '../../src/processor/builtin/change.js';
import { ChangedDeserializer } from '../../src/processor/builtin/changed-deserializer.js';
import { ChangedSerializer } from '../../src/processor/builtin/changed-serializer.js';
import { Consumed, Grouped, StreamBuilder } from '../../src/dsl/index.js';
import { Serdes } from '../../src/serdes/serdes.js';
import { KeyValue } from '../../src/state/key-value.js';
import { collect, driverFor, S } from './driver-helpers.js';

const ser = new ChangedSerializer(S.serializer());
const de = new ChangedDeserializer(S.deserializer());
const hex = (b: Buffer | null): string => b!.toString('hex');

describe('ChangedSerializer / ChangedDeserializer (grouped-table repartition wire format)', () => {
  it('writes Kafka bytes: value + flag 1 (new only), 0 (old only), 2 (zig-zag varint new length, new, old)', () => {
    expect(hex(ser.serialize('t', new Change('ab', null)))).toBe('616201');
    expect(hex(ser.serialize('t', new Change(null, 'ab')))).toBe('616200');
    // zig-zag varint(3) = 0x06
    expect(hex(ser.serialize('t', new Change('new', 'old')))).toBe('066e65776f6c6402');
    const long = 'x'.repeat(100); // zig-zag varint(100) = 200 = 0xc8 0x01
    expect(hex(ser.serialize('t', new Change(long, 'o'))).slice(0, 4)).toBe('c801');
    expect(() => ser.serialize('t', new Change<string>(null, null))).toThrow(/Both old and new values are null/);
  });

  it('round-trips, and reads the isLatest variants (flags 3-5)', () => {
    for (const change of [new Change<string>('a', null), new Change<string>(null, 'b'), new Change('new', 'old'), new Change('x'.repeat(300), '')]) {
      expect(de.deserialize('t', ser.serialize('t', change))).toEqual(change);
    }
    expect(de.deserialize('t', Buffer.from('616200' + '04', 'hex'))).toEqual(new Change('ab', null, false));
    expect(de.deserialize('t', Buffer.from('6f6c64' + '01' + '03', 'hex'))).toEqual(new Change(null, 'old', true));
    expect(de.deserialize('t', Buffer.from('066e65776f6c64' + '00' + '05', 'hex'))).toEqual(new Change('new', 'old', false));
    expect(() => de.deserialize('t', Buffer.from('6109', 'hex'))).toThrow(/Unknown change encoding flag 9/);
  });

  it('is what a KTable.groupBy writes to its repartition topic', async () => {
    const b = new StreamBuilder();
    b.table('t', Consumed.with(S, S))
      .groupBy((k, v) => KeyValue.pair(v, k), Grouped.with(S, S).withName('regroup'))
      .count();
    const driver = driverFor(b.build({ defaultKeySerde: S }), { applicationId: 'app' });
    const repartition = collect(driver, 'app-regroup-repartition', Serdes.ByteArray().deserializer());
    const input = driver.createInputTopic('t', S.serializer(), S.serializer());
    await input.pipeInput('k1', 'A', 1);
    await input.pipeInput('k1', 'B', 2);
    // One record for the insert; a subtract for the old key, then an add for the new key.
    expect(repartition().map((line) => line.split(' ')[0])).toEqual(['A', 'A', 'B']);
  });
});
