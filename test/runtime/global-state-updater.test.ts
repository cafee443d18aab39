// The global state updater's checkpoints against a stand-in reader and admin (this tests the
// updater, not the Kafka client); the global store is a real LevelDB store in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Materialized, Serdes, StreamBuilder } from '../../src/index.js';
import { EMPTY_HEADERS } from '../../src/processor/headers.js';
import { GlobalStateUpdater } from '../../src/runtime/global-state-updater.js';
import type { EngineAdmin, EnginePartitionReader, ReaderFetch } from '../../src/runtime/kafka/engine.js';
import { resolveStreamsConfig } from '../../src/runtime/streams-config.js';
import type { ConsumedBytes } from '../../src/runtime/task/consumed-record.js';
import type { KeyValueStore } from '../../src/state/key-value-store.js';
import type { ValueAndTimestamp } from '../../src/state/value-and-timestamp.js';

const S = Serdes.String();
const KEY = 'g-0';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Partition `g-0` holding `log` (key = value = the string), served one record per fetch from `position`. */
function readerOver(log: string[], onFetch: () => Promise<void> = async () => undefined): EnginePartitionReader {
  let position = 0n;
  return {
    assign: async (offsets) => {
      const start = offsets.get(KEY)!;
      position = start < 0n ? 0n : start;
    },
    seek: () => undefined,
    position: () => position,
    fetch: async (): Promise<ReaderFetch> => {
      await onFetch();
      const end = BigInt(log.length);
      if (position >= end) return { records: new Map(), positions: new Map([[KEY, position]]), lastStableOffsets: new Map([[KEY, end]]) };
      const text = log[Number(position)]!;
      const record: ConsumedBytes = { topic: 'g', partition: 0, offset: position, timestamp: 1, key: Buffer.from(text), value: Buffer.from(text), headers: EMPTY_HEADERS };
      position++;
      return { records: new Map([[KEY, [record]]]), positions: new Map([[KEY, position]]), lastStableOffsets: new Map([[KEY, end]]) };
    },
    close: async () => undefined,
  };
}

function updater(stateDir: string, log: string[], reader: EnginePartitionReader): GlobalStateUpdater {
  const builder = new StreamBuilder();
  builder.globalTable<string, string>('g', Materialized.as('g-store'));
  const config = resolveStreamsConfig({ applicationId: 'global-test', stateDir, commitIntervalMs: 60_000, defaultKeySerde: S, defaultValueSerde: S });
  const admin = {
    partitionCounts: async () => new Map([['g', 1]]),
    beginningOffsets: async () => new Map([[KEY, 0n]]),
    endOffsets: async () => new Map([[KEY, BigInt(log.length)]]),
  } as unknown as EngineAdmin;
  const emit = () => undefined;
  return GlobalStateUpdater.create({ topology: builder.build({ defaultKeySerde: S, defaultValueSerde: S }), config, admin, newReader: () => reader, emit, onFatal: (e) => { throw e; } })!;
}

function keys(u: GlobalStateUpdater): string[] {
  const store = u.globalStore('g-store') as KeyValueStore<string, ValueAndTimestamp<string>>;
  return [...store.all()].map((kv) => kv.key);
}

describe('GlobalStateUpdater checkpoints', () => {
  it('applies a record fetched while stopping, so the checkpoint never runs ahead of the state', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'kstreams-global-'));
    dirs.push(stateDir);
    const log = ['a', 'b'];
    // After the bootstrap (which reads 'a'), 'b' arrives: the follow loop's fetch returns it
    // only once stop() has begun.
    let stopping: () => void = () => undefined;
    const stopped = new Promise<void>((r) => (stopping = r));
    let fetches = 0;
    const first = updater(stateDir, log.slice(0, 1), readerOver(log, async () => {
      if (++fetches === 2) await stopped;
    }));
    await first.start();
    expect(keys(first)).toEqual(['a']);
    const stop = first.stop(true);
    stopping();
    await stop;

    // A restart reads on from the checkpoint: nothing new to read, and 'b' is in the store.
    const second = updater(stateDir, log, readerOver(log));
    await second.start();
    expect(keys(second)).toEqual(['a', 'b']);
    await second.stop(true);
  });
});
