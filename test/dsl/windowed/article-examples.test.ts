import { describe, expect, it } from 'vitest';
import {
  buildFiveMinuteAggregates,
  buildMinuteClickCounts,
  buildSessionCounts,
  config,
  fiveMinuteKeys,
  minuteKeys,
  sessionKeys,
  type Event,
} from '../../../examples/windowed-aggregations.js';
import { Serdes } from '../../../src/serdes/serdes.js';
import type { Deserializer } from '../../../src/serdes/serde.js';
import type { Windowed } from '../../../src/windows/windowed.js';
import type { TopologyTestDriver } from '../../../src/testing/index.js';
import { driverFor, S } from '../driver-helpers.js';

const DAY = Date.UTC(2026, 0, 1);
/** Epoch ms of a wall-clock time on the test day: `at('12:01:05')`. */
const at = (hms: string): number => {
  const [h, m, s = '0'] = hms.split(':');
  return DAY + ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
};
/** `HH:MM:SS` of an epoch-ms time on the test day. */
const clock = (t: number): string => new Date(t).toISOString().slice(11, 19);

/** Reads `[key@start-end] value` lines, times as clock times. */
function reader(driver: TopologyTestDriver, topic: string, keys: Deserializer<Windowed<string>>): () => string[] {
  const out = driver.createOutputTopic(topic, keys, Serdes.Long().deserializer());
  return () =>
    out.readRecordsToList().map((r) => `[${r.key!.key}@${clock(r.key!.window.start)}-${clock(r.key!.window.end)}] ${String(r.value)}`);
}

describe('examples/windowed-aggregations: clicks -> minute-click-counts (1 min windows, 10 s grace)', () => {
  it('counts clicks per user and minute, accepts late clicks within grace, drops later ones', async () => {
    const driver = driverFor(buildMinuteClickCounts(), config);
    const clicks = driver.createInputTopic('clicks', S.serializer(), S.serializer());
    const out = reader(driver, 'minute-click-counts', minuteKeys.deserializer());
    const click = (user: string, time: string) => clicks.pipeInput(user, '/home', at(time));

    await click('alice', '12:00:05');
    await click('bob', '12:00:30');
    await click('alice', '12:00:59');
    await click('alice', '12:01:00'); // the next window starts at 12:01:00 (end is exclusive)
    expect(out()).toEqual([
      '[alice@12:00:00-12:01:00] 1',
      '[bob@12:00:00-12:01:00] 1',
      '[alice@12:00:00-12:01:00] 2',
      '[alice@12:01:00-12:02:00] 1',
    ]);
    await click('alice', '12:00:50'); // 10 s after 12:01:00 the 12:00 window still accepts clicks
    expect(out()).toEqual(['[alice@12:00:00-12:01:00] 3']);
    await click('alice', '12:01:20'); // stream time passes 12:01:10: the 12:00 window is closed
    await click('alice', '12:00:40'); // too late: dropped and counted
    expect(out()).toEqual(['[alice@12:01:00-12:02:00] 2']);
    expect(driver.metrics.droppedRecordsTotal).toBe(1);

    const store = driver.getWindowStore<string, number>('minute-click-counts-store');
    expect(store.fetch('alice', at('12:00'))).toBe(3);
    expect([...store.fetch('alice', at('12:00'), at('12:01'))].map((kv) => `${clock(kv.key)}=${kv.value}`)).toEqual(['12:00:00=3', '12:01:00=2']);
  });
});

describe('examples/windowed-aggregations: events -> five-minute-aggregates (5 min windows every minute)', () => {
  it('adds each event to the five windows that contain it', async () => {
    const driver = driverFor(buildFiveMinuteAggregates(), config);
    const events = driver.createInputTopic('events', S.serializer(), Serdes.Json<Event>().serializer());
    const out = reader(driver, 'five-minute-aggregates', fiveMinuteKeys.deserializer());

    await events.pipeInput('sensor-1', { value: 5 }, at('12:02:00'));
    expect(out()).toEqual([
      '[sensor-1@11:58:00-12:03:00] 5',
      '[sensor-1@11:59:00-12:04:00] 5',
      '[sensor-1@12:00:00-12:05:00] 5',
      '[sensor-1@12:01:00-12:06:00] 5',
      '[sensor-1@12:02:00-12:07:00] 5',
    ]);
    await events.pipeInput('sensor-1', { value: 3 }, at('12:04:30'));
    expect(out()).toEqual([
      '[sensor-1@12:00:00-12:05:00] 8',
      '[sensor-1@12:01:00-12:06:00] 8',
      '[sensor-1@12:02:00-12:07:00] 8',
      '[sensor-1@12:03:00-12:08:00] 3',
      '[sensor-1@12:04:00-12:09:00] 3',
    ]);
    await events.pipeInput('sensor-2', { value: 10 }, at('12:07:00'));
    expect(out()).toHaveLength(5);
    // Stream time is 12:07 and there is no grace: every window holding 12:02 has closed
    await events.pipeInput('sensor-1', { value: 1 }, at('12:02:00'));
    expect(out()).toEqual([]);
    expect(driver.metrics.droppedRecordsTotal).toBe(5);
    const store = driver.getWindowStore<string, number>('five-minute-aggregates-store');
    expect(store.fetch('sensor-1', at('12:00'))).toBe(8);
    expect(store.fetch('sensor-2', at('12:07'))).toBe(10);
  });
});

describe('examples/windowed-aggregations: user-actions -> session-counts (5 min inactivity gap)', () => {
  it('counts actions per session, merging and splitting sessions by the gap', async () => {
    const driver = driverFor(buildSessionCounts(), config);
    const actions = driver.createInputTopic('user-actions', S.serializer(), S.serializer());
    const out = reader(driver, 'session-counts', sessionKeys.deserializer());
    const act = (user: string, time: string) => actions.pipeInput(user, 'click', at(time));

    await act('alice', '12:00');
    await act('alice', '12:03'); // within 5 minutes: the session grows to 12:00-12:03
    await act('bob', '12:04');
    expect(out()).toEqual([
      '[alice@12:00:00-12:00:00] 1',
      '[alice@12:00:00-12:00:00] null',
      '[alice@12:00:00-12:03:00] 2',
      '[bob@12:04:00-12:04:00] 1',
    ]);
    await act('alice', '12:10'); // 7 minutes of inactivity: a new session
    await act('alice', '12:14');
    expect(out()).toEqual(['[alice@12:10:00-12:10:00] 1', '[alice@12:10:00-12:10:00] null', '[alice@12:10:00-12:14:00] 2']);
    const sessions = driver.getSessionStore<string, number>('session-counts-store');
    expect(sessions.fetchSession('alice', at('12:10'), at('12:14'))).toBe(2);
    expect(sessions.fetchSession('bob', at('12:04'), at('12:04'))).toBe(1);
  });
});
