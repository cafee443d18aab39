// A RegExp source on a real broker: topics created after start are read too, once the
// client looks the pattern up again (every metadataMaxAgeMs), with the state kept.
import { afterAll, describe, expect, it } from 'vitest';
import { Consumed, Materialized, Produced, StreamBuilder } from '../../src/dsl/index.js';
import { StreamsState } from '../../src/runtime/streams-state.js';
import type { StreamsEvent } from '../../src/runtime/streams-event.js';
import type { Topology } from '../../src/topology/topology.js';
import { createTopics, uniqueName } from './kafka.js';
import { produce } from './topic-io.js';
import { L, long, newStateDir, removeStateDirs, running, S, streamsFor, waitForLatest } from './runtime-support.js';

afterAll(removeStateDirs);

/** Counts records per key over every topic matching `^<prefix>-`. */
function countMatching(prefix: string, output: string): Topology {
  const builder = new StreamBuilder();
  builder
    .stream(new RegExp(`^${prefix}-`), Consumed.with(S, S))
    .groupByKey()
    .count(Materialized.as('per-key'))
    .toStream()
    .to(output, Produced.with(S, L));
  return builder.build();
}

describe('RegExp sources at runtime', () => {
  it('reads a matching topic created after start, keeping the counts made so far', async () => {
    const prefix = uniqueName('pattern');
    const output = uniqueName('pattern-out');
    await createTopics([
      { topic: `${prefix}-a`, numPartitions: 2 },
      { topic: output, numPartitions: 1 },
    ]);
    const streams = streamsFor(countMatching(prefix, output), {
      applicationId: uniqueName('pattern-app'),
      stateDir: newStateDir(),
      metadataMaxAgeMs: 1000,
    });
    const changes: StreamsEvent[] = [];
    streams.events$.subscribe((e) => {
      if (e.type === 'topics-changed') changes.push(e);
    });
    await streams.start();
    await running(streams);
    try {
      await produce(`${prefix}-a`, [
        { key: 'k1', value: 'x' },
        { key: 'k1', value: 'x' },
        { key: 'k2', value: 'x' },
      ]);
      await waitForLatest(output, long, new Map([['k1', 2], ['k2', 1]]));

      // Same partition count, so the same key lands in the same task: its count goes on.
      await createTopics([{ topic: `${prefix}-b`, numPartitions: 2 }]);
      await produce(`${prefix}-b`, [
        { key: 'k1', value: 'y' },
        { key: 'k3', value: 'y' },
      ]);
      await waitForLatest(output, long, new Map([['k1', 3], ['k2', 1], ['k3', 1]]));
      expect(changes).toEqual([{ type: 'topics-changed', added: [`${prefix}-b`], removed: [] }]);
      expect(streams.state).toBe(StreamsState.RUNNING);
      // Counters go on across the thread's restart (committed records are not processed again).
      expect(streams.metrics().processTotal).toBe(5);
    } finally {
      expect(await streams.close()).toBe(true);
    }
  }, 90_000);

  it('two instances: a new topic is read in full once both have looked', async () => {
    const prefix = uniqueName('pattern');
    const output = uniqueName('pattern-out');
    const applicationId = uniqueName('pattern-app');
    await createTopics([
      { topic: `${prefix}-a`, numPartitions: 2 },
      { topic: output, numPartitions: 1 },
    ]);
    const instances = [0, 1].map(() => streamsFor(countMatching(prefix, output), { applicationId, stateDir: newStateDir(), metadataMaxAgeMs: 1000 }));
    try {
      for (const streams of instances) await streams.start();
      await Promise.all(instances.map((streams) => running(streams)));
      await produce(`${prefix}-a`, [
        { key: 'k1', value: 'x' },
        { key: 'k2', value: 'x' },
      ]);
      await waitForLatest(output, long, new Map([['k1', 1], ['k2', 1]]));
      await createTopics([{ topic: `${prefix}-b`, numPartitions: 2 }]);
      const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
      await produce(`${prefix}-b`, keys.map((key) => ({ key, value: 'y' })));
      await waitForLatest(output, long, new Map(keys.map((k) => [k, k === 'k1' || k === 'k2' ? 2 : 1])));
    } finally {
      for (const streams of instances) expect(await streams.close()).toBe(true);
    }
  }, 120_000);

  it('fails the client, naming the internal topic, when a new match has more partitions than it has', async () => {
    const prefix = uniqueName('pattern');
    const output = uniqueName('pattern-out');
    await createTopics([
      { topic: `${prefix}-a`, numPartitions: 1 },
      { topic: output, numPartitions: 1 },
    ]);
    const streams = streamsFor(countMatching(prefix, output), {
      applicationId: uniqueName('pattern-app'),
      stateDir: newStateDir(),
      metadataMaxAgeMs: 500,
    });
    const errors: unknown[] = [];
    streams.events$.subscribe((e) => {
      if (e.type === 'error') errors.push(e.error);
    });
    const failed = new Promise<void>((resolve) => streams.state$.subscribe((s) => s === StreamsState.ERROR && resolve()));
    await streams.start();
    await running(streams);
    await createTopics([{ topic: `${prefix}-b`, numPartitions: 3 }]);
    await failed;
    expect(String(errors.map((e) => (e as Error).message))).toMatch(/per-key-changelog \(1 -> 3\)/);
  }, 60_000);
});
