// Kafka: TopologyTestDriver (kafka-streams-test-utils)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Topology } from '../topology/topology.js';
import type { Deserializer, Serializer } from '../serdes/serde.js';
import type { Headers } from '../processor/headers.js';
import { TaskId } from '../processor/task-id.js';
import type { StateStore } from '../state/state-store.js';
import type { KeyValueStore } from '../state/key-value-store.js';
import type { TimestampedKeyValueStore } from '../state/timestamped-key-value-store.js';
import { StreamsError } from '../errors/streams-error.js';
import { resolveStreamsConfig, type StreamsConfig } from '../runtime/streams-config.js';
import { StreamTask } from '../runtime/task/stream-task.js';
import { GlobalStateTask } from '../runtime/task/global-state-task.js';
import type { ConsumedBytes } from '../runtime/task/consumed-record.js';
import { InMemoryRecordCollector } from './in-memory-record-collector.js';
import { OutputQueue } from './output-queue.js';
import { TestInputTopic } from './test-input-topic.js';
import { TestOutputTopic } from './test-output-topic.js';
import { unwrapTimestamps } from '../state/internals/timestamp-unwrapping-store.js';
import { unwrapWindowTimestamps } from '../state/internals/window-store-facades.js';
import type { TimestampedWindowStore, WindowStore } from '../state/window-store.js';
import type { SessionStore } from '../state/session-store.js';

/** Config of the test driver: any `StreamsConfig` key; `applicationId` may be omitted. */
export type TestDriverConfig = Partial<StreamsConfig> & {
  /** Start of the mocked wall clock (epoch ms; default: now). */
  initialWallClockTimeMs?: number;
};

import { RESOLVED } from './resolved.js';

/**
 * Runs a topology in-process without a broker, on the same engine as `KafkaStreams`: the
 * whole topology is one task, every topic has one partition, each piped record is
 * processed, then stream-time punctuation runs and the task commits (caches flush), and
 * records written to internal or input topics are fed back in. State lives in a
 * temporary folder (LevelDB) removed on `close()`.
 *
 * Output is kept only for topics with a `createOutputTopic` — create them before piping.
 *
 * @example
 * const driver = new TopologyTestDriver(topology);
 * const input = driver.createInputTopic('in', Serdes.String().serializer(), Serdes.String().serializer());
 * const output = driver.createOutputTopic('out', Serdes.String().deserializer(), Serdes.String().deserializer());
 * await input.pipeInput('k', 'v', 0);
 * expect(output.readKeyValue()).toEqual({ key: 'k', value: 'V' });
 * await driver.close();
 */
export class TopologyTestDriver {
  private readonly task: StreamTask;
  private readonly collector = new InMemoryRecordCollector((topic) =>
    this.task.consumes(topic) || (this.global?.consumes(topic) ?? false) ? 'drain' : (this.outputs.get(topic) ?? 'drop'),
  );
  private readonly outputs = new Map<string, OutputQueue>();
  private readonly stateDir: string;
  private readonly ownsStateDir: boolean;
  private wallClock: number;
  private initialized = false;
  private closed = false;
  private failure: unknown = null;
  private chain: Promise<void>;
  private inflight = 0;
  private readonly inputTopics = new Map<string, string>();
  /** Global stores, fed by piping their topics; bootstrapped (empty) before the task starts. */
  private readonly global: GlobalStateTask | null;

  constructor(
    private readonly topology: Topology,
    config: TestDriverConfig = {},
  ) {
    const { initialWallClockTimeMs, ...streamsConfig } = config;
    this.wallClock = initialWallClockTimeMs ?? Date.now();
    this.ownsStateDir = streamsConfig.stateDir === undefined;
    this.stateDir = streamsConfig.stateDir ?? mkdtempSync(join(tmpdir(), 'kstreams-driver-'));
    const resolved = resolveStreamsConfig({
      // Java's driver turns off both emit throttles (its clock is mocked): closed outer-join
      // windows and, for emit-on-close aggregations, closed windows are looked for on every record.
      emitIntervalMsKstreamsOuterJoinSpuriousResultsFix: 0,
      emitIntervalMsKstreamsWindowedAggregation: 0,
      ...streamsConfig,
      applicationId: streamsConfig.applicationId ?? 'dummy-topology-test-driver-app-id',
      stateDir: this.stateDir,
      maxTaskIdleMs: -1,
    } as StreamsConfig);
    const nodeNames = topology.subtopologies().filter((s) => !s.global).flatMap((s) => s.nodes);
    const taskId = new TaskId(0, 0);
    this.global = GlobalStateTask.create(topology, resolved, join(this.stateDir, resolved.applicationId, 'global'), () => this.wallClock);
    this.task = new StreamTask({
      taskId,
      topology,
      nodeNames,
      config: resolved,
      collector: this.collector,
      taskDir: join(this.stateDir, resolved.applicationId, taskId.toString()),
      dbBudget: { cacheSize: 8 << 20, writeBufferSize: 4 << 20, maxOpenFiles: 100 },
      cacheMaxBytes: resolved.cacheMaxBytes,
      wallClockMs: () => this.wallClock,
      globalStores: this.global,
    });
    this.chain = RESOLVED;
    // Initialisation never rejects: a failure is kept and reported by every later call.
    void this.track(
      // Global stores are created first (synchronously): the task's processors look them up in init.
      Promise.all([this.global?.initialize(), this.task.initialize()]).then(
        () => {
          this.initialized = true;
        },
        (error: unknown) => {
          this.failure = error;
        },
      ),
    );
  }

  /** Resolves once stores are open and processors initialised (input methods wait for it too). */
  get ready(): Promise<void> {
    return this.chain.then(() => {
      if (this.failure !== null) throw this.failure;
    });
  }

  /** A topic to pipe input into (serializers turn keys and values into bytes). */
  createInputTopic<K, V>(
    topic: string,
    keySerializer: Serializer<K>,
    valueSerializer: Serializer<V>,
    startTimestampMs?: number,
    autoAdvanceMs = 0,
  ): TestInputTopic<K, V> {
    const global = this.global?.consumes(topic) ?? false;
    if (!global && !this.task.consumes(StreamTask.runtimeTopic(this.topology, this.task.applicationId, topic)) && !this.task.consumes(topic)) {
      throw new StreamsError(`Unknown topic: ${topic}. The topology reads: ${this.sourceTopics().join(', ') || 'nothing'}.`);
    }
    return new TestInputTopic(this, topic, keySerializer, valueSerializer, startTimestampMs ?? this.wallClock, autoAdvanceMs);
  }

  /** A topic to read output from. Records are kept only for topics created here. */
  createOutputTopic<K, V>(topic: string, keyDeserializer: Deserializer<K>, valueDeserializer: Deserializer<V>): TestOutputTopic<K, V> {
    if (!this.outputs.has(topic)) {
      this.outputs.set(topic, new OutputQueue());
      this.collector.readersChanged();
    }
    return new TestOutputTopic(this, topic, keyDeserializer, valueDeserializer);
  }

  /** @internal Pipes one serialized record and processes everything it causes. */
  pipeRaw(topic: string, key: Buffer | null, value: Buffer | null, timestamp: number, headers: Headers): Promise<void> {
    if (this.initialized && this.inflight === 0 && !this.closed && this.failure === null) {
      // The fast path: no closure, no Promise unless a processor or checkpoint is async.
      try {
        const result = this.pipeNow(topic, key, value, timestamp, headers);
        return result === undefined ? RESOLVED : this.track(result);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.enqueue(() => this.pipeNow(topic, key, value, timestamp, headers));
  }

  private pipeNow(topic: string, key: Buffer | null, value: Buffer | null, timestamp: number, headers: Headers): void | Promise<void> {
    if (this.global?.consumes(topic)) return this.updateGlobal({ topic, partition: 0, offset: this.collector.nextOffset(topic), timestamp, key, value, headers });
    const runtimeTopic = this.inputTopics.get(topic) ?? this.resolveInputTopic(topic);
    const offset = this.collector.nextOffset(runtimeTopic);
    this.task.addRecord(runtimeTopic, 0, { topic: runtimeTopic, partition: 0, offset, timestamp, key, value, headers });
    return this.completeAllProcessableWork();
  }

  private resolveInputTopic(topic: string): string {
    const runtimeTopic = this.task.consumes(topic) ? topic : StreamTask.runtimeTopic(this.topology, this.task.applicationId, topic);
    this.inputTopics.set(topic, runtimeTopic);
    return runtimeTopic;
  }

  /** Advances the mocked wall clock, firing wall-clock punctuations, then commits. */
  advanceWallClockTime(ms: number): Promise<void> {
    return this.enqueue(async () => {
      this.wallClock += ms;
      await this.task.maybePunctuateSystemTime();
      await this.commit();
      await this.completeAllProcessableWork();
    });
  }

  /** Runs `work` after earlier work, synchronously when nothing is in flight (the fast path). */
  private enqueue(work: () => void | Promise<void>): Promise<void> {
    if (this.closed) return Promise.reject(new StreamsError('The TopologyTestDriver is closed.'));
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.initialized && this.inflight === 0) {
      let result: void | Promise<void>;
      try {
        result = work();
      } catch (error) {
        return Promise.reject(error);
      }
      return result === undefined ? RESOLVED : this.track(result);
    }
    return this.track(
      this.chain.then(() => {
        if (this.failure !== null) throw this.failure;
        return work();
      }),
    );
  }

  /** Keeps later work behind `p`; a failure is reported to the caller, not to later work. */
  private track(p: Promise<void>): Promise<void> {
    this.inflight++;
    const done = (): void => {
      this.inflight--;
    };
    this.chain = p.then(done, done);
    return p;
  }

  private completeAllProcessableWork(): void | Promise<void> {
    const task = this.task;
    this.captureOutputs();
    while (task.partitionGroup.size > 0) {
      const processed = task.process(1);
      if (typeof processed !== 'number') return processed.then(() => this.finishRecord()).then(() => this.completeAllProcessableWork());
      const finished = this.finishRecord();
      if (finished) return finished.then(() => this.completeAllProcessableWork());
    }
  }

  /** After one record: stream-time punctuation, commit, feed outputs back. */
  private finishRecord(): Promise<void> | null {
    const punctuated = this.task.maybePunctuateStreamTime();
    if (punctuated) return punctuated.then(() => this.commit() ?? undefined);
    return this.commit();
  }

  private commit(): Promise<void> | null {
    const prepared = this.task.prepareCommit();
    if (prepared) return prepared.then(() => this.afterCommit() ?? undefined);
    return this.afterCommit();
  }

  private afterCommit(): Promise<void> | null {
    const checkpoint = this.task.postCommit(false);
    this.captureOutputs();
    return checkpoint;
  }

  private captureOutputs(): void {
    if (this.collector.count > 0) this.collector.drain(this.capture);
  }

  /** Keeps a produced record for its output topic and feeds it back if the topology reads it. */
  private readonly capture = (record: ConsumedBytes): void => {
    this.outputs.get(record.topic)?.push(record.key, record.value, record.timestamp, record.headers);
    if (this.task.consumes(record.topic)) this.task.addRecord(record.topic, 0, record);
    else if (this.global?.consumes(record.topic)) {
      this.updateGlobal(record)?.catch((error: unknown) => {
        this.failure = error;
      });
    }
  };

  /** A record of a global topic updates the global store at once (and is flushed), as in Java's driver. */
  private updateGlobal(record: ConsumedBytes): void | Promise<void> {
    const global = this.global!;
    const updated = global.update(record.topic, 0, [record]);
    if (updated) return updated.then(() => global.flush() ?? undefined);
    return global.flush() ?? undefined;
  }

  /** @internal Output records of a topic not yet read. */
  outputQueue(topic: string): OutputQueue {
    return this.outputs.get(topic)!;
  }

  /** A state store by name, as the processors see it. */
  getStateStore<S extends StateStore = StateStore>(name: string): S {
    this.checkReady();
    return (this.global?.globalStore(name) ?? this.task.store(name)) as S;
  }

  /** A key-value store; timestamped stores are unwrapped to plain values, as in Java. */
  getKeyValueStore<K, V>(name: string): KeyValueStore<K, V> {
    const store = this.getStateStore<StateStore>(name);
    return unwrapTimestamps(store) as KeyValueStore<K, V>;
  }

  /** A timestamped key-value store (values with the timestamp of the record that wrote them). */
  getTimestampedKeyValueStore<K, V>(name: string): TimestampedKeyValueStore<K, V> {
    return this.getStateStore<TimestampedKeyValueStore<K, V>>(name);
  }

  /** A window store; timestamped window stores (the DSL's) are unwrapped to plain values, as in Java. */
  getWindowStore<K, V>(name: string): WindowStore<K, V> {
    return unwrapWindowTimestamps<K, V>(this.getStateStore<StateStore>(name));
  }

  /** A timestamped window store (values with the timestamp of the record that last updated them). */
  getTimestampedWindowStore<K, V>(name: string): TimestampedWindowStore<K, V> {
    return this.getStateStore<TimestampedWindowStore<K, V>>(name);
  }

  /** A session store (the stores of session-windowed aggregations). */
  getSessionStore<K, AGG>(name: string): SessionStore<K, AGG> {
    return this.getStateStore<SessionStore<K, AGG>>(name);
  }

  /** All store names of the topology's task. */
  getAllStateStores(): string[] {
    this.checkReady();
    return [...(this.global?.storeNames() ?? []), ...this.task.storeNames()];
  }

  /** Names of topics the topology wrote to that have an output topic. */
  producedTopicNames(): string[] {
    return [...this.outputs.entries()].filter(([, q]) => q.size > 0).map(([t]) => t);
  }

  /** Stream time / metrics of the driver's task (for tests of the engine). */
  get metrics(): StreamTask['metrics'] {
    return this.task.metrics;
  }

  /** Closes the task (flushing and checkpointing) and removes the temporary state folder. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.chain.catch(() => undefined);
    this.closed = true;
    if (this.initialized) await this.task.close(this.failure === null);
    if (this.initialized) await this.global?.close(this.failure === null);
    if (this.ownsStateDir) rmSync(this.stateDir, { recursive: true, force: true });
  }

  private checkReady(): void {
    if (this.failure !== null) throw this.failure;
    if (!this.initialized) {
      throw new StreamsError('The driver is still opening its state stores: await driver.ready (or any pipeInput) before reading stores.');
    }
  }

  private sourceTopics(): string[] {
    return [...this.topology.nodes.values()].flatMap((n) => (n.kind === 'source' ? (n.topics ?? [n.pattern!.source]) : []));
  }
}
