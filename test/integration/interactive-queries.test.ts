// Interactive queries on the real broker: KafkaStreams.store() serves window and session
// stores across this process's tasks (keys on both partitions, so two tasks answer).
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidStateStoreError, Materialized, QueryableStoreTypes, Serdes, SessionWindows, StoreQueryParameters, StreamBuilder, TimeWindows } from '../../src/index.js';
import type { ReadOnlySessionStore, ReadOnlyWindowStore, ValueAndTimestamp } from '../../src/index.js';
import type { KeyValueIterator } from '../../src/state/key-value-iterator.js';
import type { Windowed } from '../../src/windows/windowed.js';
import { createTopics, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import { newStateDir, removeStateDirs, running, streamsFor } from './runtime-support.js';

afterAll(removeStateDirs);

const S = Serdes.String();
const T = 1_700_000_000_000; // a whole second: tumbling windows start at T + n * 1000

/** `key@start-T..end-T=count` of each windowed entry, in iteration order. */
function entries(it: KeyValueIterator<Windowed<string>, ValueAndTimestamp<number> | number>): string[] {
  return [...it].map(({ key, value }) => `${key.key}@${key.window.start - T}..${key.window.end - T}=${typeof value === 'number' ? value : value.value}`);
}

describe('runtime: interactive queries on windowed stores', () => {
  it('reads window and session stores through KafkaStreams.store()', async () => {
    const input = uniqueName('iq-in');
    await createTopics([{ topic: input, numPartitions: 2 }]);
    const builder = new StreamBuilder();
    const grouped = builder.stream<string, string>(input).groupByKey();
    grouped.windowedBy(TimeWindows.ofSizeWithNoGrace(1000)).count(Materialized.as('iq-windows'));
    grouped.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(500)).count(Materialized.as('iq-sessions'));
    const streams = streamsFor(builder.build({ defaultKeySerde: S, defaultValueSerde: S }), { applicationId: uniqueName('iq-app'), stateDir: newStateDir() });
    await streams.start();
    await running(streams);
    // k0 on partition 0, k1 on partition 1.
    await produce(input, [
      { key: 'k0', value: 'x', partition: 0, timestamp: T + 100 },
      { key: 'k0', value: 'x', partition: 0, timestamp: T + 200 },
      { key: 'k1', value: 'x', partition: 1, timestamp: T + 300 },
      { key: 'k0', value: 'x', partition: 0, timestamp: T + 1100 },
      { key: 'k1', value: 'x', partition: 1, timestamp: T + 2000 },
    ]);

    const windows = streams.store<ReadOnlyWindowStore<string, ValueAndTimestamp<number>>>('iq-windows');
    // The DSL's window stores hold ValueAndTimestamps, its session stores plain aggregates (as Java's).
    const sessions = streams.store<ReadOnlySessionStore<string, number>>('iq-sessions');
    const deadline = Date.now() + 30_000;
    while (!(windows.fetch('k1', T + 2000) !== null && windows.fetch('k0', T + 1000) !== null)) {
      if (Date.now() > deadline) throw new Error('the records were not processed within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }

    // Window store: one window, one key's windows (both directions), every window of both tasks.
    expect(windows.fetch('k0', T)?.value).toBe(2);
    expect(windows.fetch('k0', T + 5000)).toBeNull();
    expect([...windows.fetch('k0', T, T + 5000)].map(({ key, value }) => `${key - T}=${value.value}`)).toEqual(['0=2', '1000=1']);
    expect([...windows.backwardFetch('k0', T, T + 5000)].map(({ key }) => key - T)).toEqual([1000, 0]);
    expect(entries(windows.fetch('k1', 'k1', T, T + 5000))).toEqual(['k1@0..1000=1', 'k1@2000..3000=1']);
    expect(entries(windows.fetchAll(T, T + 5000)).sort()).toEqual(['k0@0..1000=2', 'k0@1000..2000=1', 'k1@0..1000=1', 'k1@2000..3000=1']);
    expect(entries(windows.all()).sort()).toEqual(entries(windows.backwardAll()).sort());

    // Session store (gap 500): k0's first two records merge into [100, 200].
    expect(sessions.fetchSession('k0', T + 100, T + 200)).toBe(2);
    expect(sessions.fetchSession('k0', T + 100, T + 1100)).toBeNull();
    expect(entries(sessions.fetch('k0'))).toEqual(['k0@100..200=2', 'k0@1100..1100=1']);
    expect(entries(sessions.backwardFetch('k0'))).toEqual(['k0@1100..1100=1', 'k0@100..200=2']);
    expect(entries(sessions.findSessions('k1', T, T + 1000))).toEqual(['k1@300..300=1']);
    expect(entries(sessions.fetch(null, null)).sort()).toEqual(['k0@100..200=2', 'k0@1100..1100=1', 'k1@2000..2000=1', 'k1@300..300=1']);

    // Java's StoreQueryParameters: typed views, one partition's task, a checked type.
    const plainWindows = streams.store(StoreQueryParameters.fromNameAndType('iq-windows', QueryableStoreTypes.windowStore<string, number>()));
    expect(plainWindows.fetch('k0', T)).toBe(2);
    const timestamped = streams.store(StoreQueryParameters.fromNameAndType('iq-windows', QueryableStoreTypes.timestampedWindowStore<string, number>()));
    expect(timestamped.fetch('k0', T)).toEqual({ value: 2, timestamp: T + 200 });
    const partition1 = streams.store(StoreQueryParameters.fromNameAndType('iq-windows', QueryableStoreTypes.windowStore<string, number>()).withPartition(1));
    expect([plainWindows.fetch('k1', T), partition1.fetch('k1', T), partition1.fetch('k0', T)]).toEqual([1, 1, null]);
    const partition0 = streams.store(StoreQueryParameters.fromNameAndType('iq-sessions', QueryableStoreTypes.sessionStore<string, number>()).withPartition(0));
    expect(entries(partition0.fetch(null, null))).toEqual(['k0@100..200=2', 'k0@1100..1100=1']);
    expect(() => streams.store(StoreQueryParameters.fromNameAndType('iq-windows', QueryableStoreTypes.keyValueStore()))).toThrow(
      new InvalidStateStoreError(
        'Cannot get state store "iq-windows": QueryableStoreTypes.keyValueStore() does not accept it; it is a timestampedWindowStore (use QueryableStoreTypes.timestampedWindowStore()).',
      ),
    );

    expect(await streams.close({ timeoutMs: 20_000 })).toBe(true);
  }, 90_000);
});
