// Kafka: KafkaStreams (the client: lifecycle, threads, local stores)
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type { Topology } from '../topology/topology.js';
import type { Serializer } from '../serdes/serde.js';
import type { StreamPartitioner } from '../processor/stream-partitioner.js';
import { StreamsError } from '../errors/streams-error.js';
import { resolveStreamsConfig, ConfigError, type ResolvedStreamsConfig, type StreamsConfig } from './streams-config.js';
import { StreamsState, canTransition } from './streams-state.js';
import type { StreamsEvent } from './streams-event.js';
import { TopicPlanError, type TopicPlan } from './topic-plan.js';
import { createInternalTopics, planOnBroker } from './plan-on-broker.js';
import { sourceTopicChanges } from './source-topic-changes.js';
import { announceApplicationShutdown } from './announce-shutdown.js';
import { prometheusText } from './prometheus-metrics.js';
import { totalMetrics, type TaskManager } from './task-manager.js';
import { TaskMetrics } from './task/task-metrics.js';
import type { StreamThread } from './stream-thread.js';
import { assembleThread } from './thread-assembly.js';
import { GlobalStateUpdater } from './global-state-updater.js';
import { readOwnAssignment } from './own-assignment.js';
import { PeriodicRefresh } from './periodic-refresh.js';
import { StandbyTasks } from './standby-tasks.js';
import type { StateRestoreListener } from './state-restore-listener.js';
import type { StandbyUpdateListener } from './standby-update-listener.js';
import type { StoreQueryParameters } from './store-query-parameters.js';
import { queryLocalStore } from './local-store-query.js';
import { ASSIGNMENT_SHUTDOWN_REQUESTED } from './kafka/streams-assignor.js';
import { HostInfo } from './metadata/host-info.js';
import { StreamsMetadataState } from './metadata/streams-metadata-state.js';
import type { LagInfo } from './metadata/lag-info.js';
import { storePartitionLags, type LocalTask } from './metadata/store-partition-lags.js';
import type { KeyQueryMetadata, StreamsMetadata } from './metadata/streams-metadata.js';
import { connectEngine, ENGINE_CONFIG_KEYS, type Engine } from './engine-factory.js';
import { KafkaClientError } from './kafka/kafka-errors.js';

/** Pause before a thread replaced after a transient broker error starts again. */
const TRANSIENT_RETRY_MS = 1000;

/** What the uncaught-exception handler decides (Java's `StreamThreadExceptionResponse`). */
export type StreamsUncaughtExceptionResponse = 'REPLACE_THREAD' | 'SHUTDOWN_CLIENT' | 'SHUTDOWN_APPLICATION';

/** Called with an error no task could handle; the default is `'SHUTDOWN_CLIENT'`. */
export type StreamsUncaughtExceptionHandler = (error: unknown) => StreamsUncaughtExceptionResponse;

/**
 * Runs a topology against a Kafka cluster as one member of the application's consumer
 * group (`applicationId`). Start more processes with the same config to share the work:
 * tasks (`subtopology_partition`) move between them with their state, restored from
 * changelog topics into LevelDB under `stateDir`.
 *
 * @example
 * const streams = new KafkaStreams(builder.build(), { applicationId: 'wc', bootstrapServers: 'localhost:9092' });
 * streams.state$.subscribe((s) => console.log(s));
 * await streams.start();
 * process.on('SIGTERM', () => void streams.close());
 */
export class KafkaStreams {
  readonly config: ResolvedStreamsConfig;
  private readonly stateSubject = new BehaviorSubject<StreamsState>(StreamsState.CREATED);
  private readonly eventSubject = new Subject<StreamsEvent>();
  private handler: StreamsUncaughtExceptionHandler = () => 'SHUTDOWN_CLIENT';
  private engine: Engine | null = null;
  private thread: StreamThread | null = null;
  private tasks: TaskManager | null = null;
  private plan: TopicPlan | null = null;
  private closing: Promise<boolean> | null = null;
  private global: GlobalStateUpdater | null = null;
  /** Set with `setGlobalStateRestoreListener`. */
  private restoreListener: StateRestoreListener | null = null;
  /** Set with `setStandbyUpdateListener`. */
  private standbyListener: StandbyUpdateListener | null = null;
  /** `pause()` is in effect (until `resume()`). */
  private paused = false;
  /** When the current run of transient consumer failures began (null: none). */
  private transientSince: number | null = null;
  /** Looks up the topics RegExp sources match every `metadataMaxAgeMs` (null: no RegExp source). */
  private readonly patternRefresh: PeriodicRefresh | null;
  /** This instance's `applicationServer`, or null. */
  private readonly applicationServer: HostInfo | null;
  /** Which instance holds which stores (interactive-query metadata). */
  private readonly metadataState: StreamsMetadataState;
  /** Counters of closed tasks, across thread restarts. */
  private readonly retired = new TaskMetrics();
  /** This instance's standby replicas (`numStandbyReplicas` > 0), across thread restarts. */
  private standbys: StandbyTasks | null = null;

  /** Lifecycle states as they happen (the current one first). */
  readonly state$: Observable<StreamsState> = this.stateSubject.asObservable();
  /** Rebalances, restore progress, commits, purges and errors. */
  readonly events$: Observable<StreamsEvent> = this.eventSubject.asObservable();

  constructor(
    private readonly topology: Topology,
    config: StreamsConfig,
  ) {
    this.config = resolveStreamsConfig(config, ENGINE_CONFIG_KEYS);
    if (this.config.bootstrapServers.length === 0) {
      throw new ConfigError('bootstrapServers is required: a "host:port" string or a list of them.');
    }
    this.applicationServer = this.config.applicationServer === null ? null : HostInfo.parse(this.config.applicationServer);
    this.metadataState = new StreamsMetadataState(topology, () => this.plan);
    // Java's consumer looks a pattern up again at each metadata refresh: topics created or
    // deleted later are picked up. Topics that cannot work together end the client; a
    // failed look-up is tried again.
    const hasPattern = [...topology.nodes.values()].some((n) => n.kind === 'source' && n.pattern !== null);
    this.patternRefresh = !hasPattern
      ? null
      : new PeriodicRefresh(
          this.config.metadataMaxAgeMs,
          () => this.refreshPatternTopics(),
          (error) => {
            if (error instanceof TopicPlanError) {
              void this.onFatal(error);
              return false;
            }
            this.emit({ type: 'error', error });
            return true;
          },
        );
  }

  get state(): StreamsState {
    return this.stateSubject.value;
  }

  /** Decides what happens after an error no handler dealt with (must be set before `start`). */
  setUncaughtExceptionHandler(handler: StreamsUncaughtExceptionHandler): void {
    if (this.state !== StreamsState.CREATED) throw new StreamsError('setUncaughtExceptionHandler must be called before start().');
    this.handler = handler;
  }

  /**
   * Calls `listener(newState, oldState)` on every state change (Java's `setStateListener`;
   * `state$` is the rxjs form). Only before `start()`, as in Java.
   *
   * @example streams.setStateListener((to, from) => console.log(`${from} -> ${to}`))
   */
  setStateListener(listener: ((newState: StreamsState, oldState: StreamsState) => void) | { onChange(newState: StreamsState, oldState: StreamsState): void }): void {
    if (this.state !== StreamsState.CREATED) throw new StreamsError('setStateListener must be called before start().');
    const onChange = typeof listener === 'function' ? listener : (to: StreamsState, from: StreamsState) => listener.onChange(to, from);
    this.eventSubject.subscribe((event) => {
      if (event.type === 'state') onChange(event.to, event.from);
    });
  }

  /**
   * Calls `listener` as active tasks restore their stores (Java's
   * `setGlobalStateRestoreListener`): per changelog partition a start, each restored batch,
   * and an end or a suspension; global tables' stores report their loading at start the same
   * way. Only before `start()`, as in Java.
   */
  setGlobalStateRestoreListener(listener: StateRestoreListener): void {
    if (this.state !== StreamsState.CREATED) throw new StreamsError('setGlobalStateRestoreListener must be called before start().');
    this.restoreListener = listener;
  }

  /**
   * Calls `listener` as standby replicas follow their changelogs (Java's
   * `setStandbyUpdateListener`): per changelog partition a start, each applied batch, and a
   * suspension (`'PROMOTED'`: the task became active here, `'MIGRATED'`: it moved away).
   * Only before `start()`, as in Java.
   */
  setStandbyUpdateListener(listener: StandbyUpdateListener): void {
    if (this.state !== StreamsState.CREATED) throw new StreamsError('setStandbyUpdateListener must be called before start().');
    this.standbyListener = listener;
  }

  /**
   * Checks topics, creates missing internal topics, joins the group and starts processing.
   * Resolves once the consumer joined; rejects (state ERROR) on a missing source topic or
   * an unreachable cluster.
   */
  async start(): Promise<void> {
    if (this.state !== StreamsState.CREATED) throw new StreamsError(`start() can only be called once (state is ${this.state}).`);
    this.transition(StreamsState.REBALANCING);
    try {
      this.engine = await connectEngine(this.config);
      this.plan = await planOnBroker(this.engine.admin, this.topology, this.config.applicationId);
      const engine = this.engine;
      if (this.config.numStandbyReplicas > 0) {
        this.standbys = new StandbyTasks({
          topology: this.topology,
          config: this.config,
          plan: () => this.plan,
          admin: engine.admin,
          newReader: () => engine.newReader(),
          emit: (e) => this.emit(e),
          // A revoked task still closing is not active: the standby waits for its LevelDB.
          isActive: (id) => ['running', 'restoring'].includes(this.tasks?.tasks.get(id)?.state ?? 'closed'),
          paused: () => this.paused,
          updateListener: () => this.standbyListener,
        });
      }
      await createInternalTopics(engine.admin, this.plan, this.config.replicationFactor);
      await this.startGlobalState(this.engine);
      await this.startThread(this.engine, this.plan);
      this.patternRefresh?.start();
    } catch (error) {
      this.emit({ type: 'error', error });
      await this.shutdown(false, StreamsState.PENDING_ERROR);
      throw error;
    }
  }

  /** Global tables are read in full before any task processes (GlobalStreamThread). */
  private async startGlobalState(engine: Engine): Promise<void> {
    const deps = { topology: this.topology, config: this.config, admin: engine.admin, newReader: () => engine.newReader() };
    this.global = GlobalStateUpdater.create({ ...deps, emit: (e) => this.emit(e), onFatal: (error) => void this.onFatal(error), restoreListener: this.restoreListener });
    await this.global?.start();
  }

  /**
   * When the topics matching a RegExp source changed: a new plan, and the thread restarts on
   * it (its tasks commit and close cleanly, and reopen from their local state). As in Kafka
   * Streams, a change that would need more partitions in the existing internal topics (a new
   * matching topic with more partitions than the sub-topology has tasks) is an error.
   */
  private async refreshPatternTopics(): Promise<void> {
    const { engine, plan: current, thread } = this;
    if (!engine || !current || !thread || this.closing || this.state !== StreamsState.RUNNING) return;
    const plan = await planOnBroker(engine.admin, this.topology, this.config.applicationId);
    const { added, removed } = sourceTopicChanges(current, plan);
    if (added.length === 0 && removed.length === 0) return;
    this.emit({ type: 'topics-changed', added, removed });
    await createInternalTopics(engine.admin, plan, this.config.replicationFactor);
    this.plan = plan;
    await thread.stop(true);
    // A fatal error or close() during the stop decides what happens next.
    const live = this.state === StreamsState.RUNNING || this.state === StreamsState.REBALANCING;
    if (this.thread !== thread || this.closing || !live) return;
    this.transition(StreamsState.REBALANCING);
    try {
      await this.startThread(engine, plan);
    } catch (error) {
      // As a thread that fails to start anywhere else (not awaited: it waits for this refresh).
      void this.onFatal(error);
    }
  }

  private async startThread(engine: Engine, plan: TopicPlan): Promise<void> {
    const { tasks, thread, consumer } = await assembleThread(engine, plan, {
      topology: this.topology,
      config: this.config,
      globalStores: this.global,
      retired: this.retired,
      applicationServer: this.applicationServer?.toString() ?? null,
      standbys: () => this.standbys,
      emit: (e) => this.emit(e),
      onFatal: (error) => void this.onFatal(error),
      onRunning: (running) => this.transition(running ? StreamsState.RUNNING : StreamsState.REBALANCING),
      onJoined: (memberId) => void this.afterJoin(engine, memberId),
      paused: () => this.paused,
      restoreListener: () => this.restoreListener,
    });
    this.tasks = tasks;
    this.thread = thread;
    thread.start(consumer);
    await consumer.start();
  }

  /**
   * After each join, reads this member's assignment back: the instances' tasks by endpoint
   * (interactive-query metadata), and whether another member asked the whole application to
   * stop (SHUTDOWN_APPLICATION), in which case this instance stops too.
   */
  private async afterJoin(engine: Engine, memberId: string): Promise<void> {
    let info;
    try {
      info = await readOwnAssignment(engine.admin, this.config.applicationId, memberId);
    } catch {
      return;
    }
    if (info === null) return;
    this.metadataState.update(info.hosts ?? {}, info.standbyHosts ?? {});
    await this.standbys?.update(info.standbyTasks ?? []).catch((error: unknown) => this.emit({ type: 'error', error }));
    if (info.errorCode !== ASSIGNMENT_SHUTDOWN_REQUESTED) return;
    this.emit({ type: 'error', error: new StreamsError('Another instance requested SHUTDOWN_APPLICATION: shutting down.') });
    await this.shutdown(false, StreamsState.PENDING_ERROR);
  }

  /**
   * SHUTDOWN_APPLICATION: this instance stops processing, then joins the group once more
   * with the shutdown flag in its subscription; the leader answers every member with the
   * shutdown error code, and each member (this one included) shuts down.
   */
  private async requestApplicationShutdown(engine: Engine, plan: TopicPlan): Promise<void> {
    await this.thread?.stop(false).catch(() => undefined);
    this.thread = null;
    await announceApplicationShutdown(engine, this.config.applicationId, plan);
  }

  private async onFatal(error: unknown): Promise<void> {
    this.emit({ type: 'error', error });
    if (this.closing || this.state === StreamsState.PENDING_ERROR || this.state === StreamsState.ERROR) return;
    if (await this.recoverTransient(error)) return;
    let response: StreamsUncaughtExceptionResponse = 'SHUTDOWN_CLIENT';
    try {
      response = this.handler(error);
    } catch (handlerError) {
      this.emit({ type: 'error', error: handlerError });
    }
    if (response === 'REPLACE_THREAD' && this.engine && this.plan) {
      await this.patternRefresh?.inFlight;
      await this.thread?.stop(false).catch(() => undefined);
      this.transition(StreamsState.REBALANCING);
      await this.startThread(this.engine, this.plan).catch((e: unknown) => this.onFatal(e));
      return;
    }
    if (response === 'SHUTDOWN_APPLICATION' && this.engine && this.plan) {
      this.transition(StreamsState.PENDING_ERROR);
      await this.requestApplicationShutdown(this.engine, this.plan).catch((e: unknown) => this.emit({ type: 'error', error: e }));
    }
    await this.shutdown(false, StreamsState.PENDING_ERROR);
  }

  /**
   * A running client whose consumer gave up on a transient broker error (kafkajs does not
   * restart on a missing coordinator, which a restarting broker answers while it loads)
   * replaces its thread after a second, as Java's clients keep retrying: tasks close dirty and
   * reopen from their changelogs and committed offsets. Gives up (false) once such errors
   * have lasted `taskTimeoutMs`, or for any other error.
   */
  private async recoverTransient(error: unknown): Promise<boolean> {
    const running = this.state === StreamsState.RUNNING || this.state === StreamsState.REBALANCING;
    if (!running || !(error instanceof KafkaClientError) || !error.retriable || !this.engine || !this.plan) return false;
    const now = Date.now();
    if (this.transientSince !== null && now - this.transientSince > this.config.taskTimeoutMs) return false;
    this.transientSince ??= now;
    await this.patternRefresh?.inFlight;
    await this.thread?.stop(false).catch(() => undefined);
    this.transition(StreamsState.REBALANCING);
    await new Promise((r) => setTimeout(r, TRANSIENT_RETRY_MS));
    if (this.closing) return true;
    await this.startThread(this.engine, this.plan).then(
      () => void (this.transientSince = null),
      (e: unknown) => this.onFatal(e),
    );
    return true;
  }

  /**
   * Stops processing: commits, closes tasks cleanly (checkpointing state) and leaves the
   * group. Resolves true when everything closed within `timeoutMs`.
   */
  close(options: { timeoutMs?: number } = {}): Promise<boolean> {
    this.closing ??= (async () => {
      const timeoutMs = options.timeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const done = this.shutdown(true, StreamsState.PENDING_SHUTDOWN).then(() => true);
      const result = await Promise.race([done, timedOut]);
      clearTimeout(timer);
      return result;
    })();
    return this.closing;
  }

  private async shutdown(clean: boolean, via: StreamsState.PENDING_SHUTDOWN | StreamsState.PENDING_ERROR): Promise<void> {
    if (this.state === StreamsState.NOT_RUNNING || this.state === StreamsState.ERROR) return;
    this.transition(via);
    this.patternRefresh?.stop();
    // A thread restart on new topics finishes first (it sees the state and starts nothing).
    await this.patternRefresh?.inFlight;
    try {
      await this.thread?.stop(clean);
    } catch (error) {
      this.emit({ type: 'error', error });
    }
    await this.standbys?.close().catch((error: unknown) => this.emit({ type: 'error', error }));
    await this.global?.stop(clean).catch((error: unknown) => this.emit({ type: 'error', error }));
    await this.engine?.close().catch(() => undefined);
    this.engine = null;
    this.transition(via === StreamsState.PENDING_SHUTDOWN ? StreamsState.NOT_RUNNING : StreamsState.ERROR);
    this.eventSubject.complete();
    this.stateSubject.complete();
  }

  /**
   * Pauses processing on this instance (Java's `pause()`): tasks stop processing and
   * punctuating, active tasks stop restoring, and standby replicas stop following their
   * changelogs. The consumer stays in the group (rebalances and commits go on) and fetched
   * records wait in bounded task buffers. A running client stays RUNNING; one with tasks
   * still to restore stays REBALANCING until `resume()`, as in Java. Not shared with other
   * instances, and may be called before `start()` to start paused.
   */
  pause(): void {
    this.paused = true;
  }

  /** Whether `pause()` is in effect. */
  isPaused(): boolean {
    return this.paused;
  }

  /** Ends a `pause()`: processing, punctuation, restoration and standby updates carry on where they stopped. */
  resume(): void {
    this.paused = false;
  }

  /** Deletes this application's local state folder. Only when not running. */
  cleanUp(): void {
    if (this.state !== StreamsState.CREATED && this.state !== StreamsState.NOT_RUNNING && this.state !== StreamsState.ERROR) {
      throw new StreamsError(`cleanUp() needs a client that is not running (state is ${this.state}); call close() first.`);
    }
    rmSync(join(this.config.stateDir, this.config.applicationId), { recursive: true, force: true });
  }

  /**
   * A read-only view of a store across this process's tasks (local state only): a
   * `ReadOnlyKeyValueStore`, or for window and session stores a `ReadOnlyWindowStore` or
   * `ReadOnlySessionStore`. Values are as stored: the DSL's key-value and window stores hold
   * `ValueAndTimestamp`s (Java's `QueryableStoreTypes.timestamped*`), its session stores plain
   * aggregates. Reads go through each task's store; a key lives in exactly one task.
   *
   * With `StoreQueryParameters` (as in Java), the type is checked and chosen:
   * `QueryableStoreTypes.keyValueStore()` gives the plain values of a timestamped store; and
   * the view can be limited to one partition's task, or include tasks still restoring and
   * standby replicas (`enableStaleStores`).
   *
   * @example streams.store<ReadOnlyWindowStore<string, ValueAndTimestamp<number>>>('clicks-per-minute').fetch('alice', from, to)
   * @example streams.store(StoreQueryParameters.fromNameAndType('counts-store', QueryableStoreTypes.keyValueStore<string, number>())).get('kafka')
   */
  store<S = unknown>(name: string): S;
  store<T>(parameters: StoreQueryParameters<T>): T;
  store(target: string | StoreQueryParameters<unknown>): unknown {
    return queryLocalStore(
      {
        topology: this.topology,
        tasks: () => this.tasks?.tasks.values() ?? [],
        standbys: (name, partition) => this.standbys?.stores(name, partition) ?? [],
        global: (name) => this.global?.globalStore(name) ?? null,
      },
      target,
    );
  }

  /**
   * How far each local copy of a store partition is behind its changelog: active tasks
   * (0 once running), tasks still restoring, and standby replicas; by store name, then
   * partition. Use it to decide whether a stale copy may answer a query. Asynchronous here
   * (it asks the brokers for the changelogs' ends), synchronous in Java.
   */
  async allLocalStorePartitionLags(): Promise<Map<string, Map<number, LagInfo>>> {
    const { engine, plan } = this;
    if (engine === null || plan === null) return new Map();
    const tasks: LocalTask[] = [...(this.tasks?.tasks.values() ?? [])]
      .filter((t) => t.state === 'running' || t.state === 'restoring')
      .map((t) => ({ task: t.task, running: t.state === 'running' }));
    for (const { task, positions } of this.standbys?.standbyTasks() ?? []) tasks.push({ task, running: false, positions });
    return storePartitionLags(tasks, plan, engine.admin);
  }

  /**
   * Every instance of the application that set `applicationServer`, with the stores and
   * partitions of its tasks, as the latest rebalance assigned them (empty until this
   * instance's first assignment).
   */
  metadataForAllStreamsClients(): StreamsMetadata[] {
    return this.metadataState.all();
  }

  /** The instances (with `applicationServer`) that hold a part of `storeName`. */
  streamsMetadataForStore(storeName: string): StreamsMetadata[] {
    return this.metadataState.forStore(storeName);
  }

  /**
   * The instance that holds `key` in `storeName`, to route an interactive query to it: the
   * key's partition is computed with the default partitioner from `keySerializer`, or with
   * `partitioner` when the store's input was partitioned by one. `KeyQueryMetadata.NOT_AVAILABLE`
   * for an unknown store, before the first assignment, or when no instance with an
   * `applicationServer` holds the key's task.
   *
   * @example
   * const { activeHost } = streams.queryMetadataForKey('counts-store', 'kafka', Serdes.String().serializer());
   * if (activeHost.toString() !== myEndpoint) return forward(activeHost, 'kafka');
   */
  queryMetadataForKey<K>(storeName: string, key: K, keySerializer: Serializer<K>): KeyQueryMetadata;
  queryMetadataForKey<K>(storeName: string, key: K, partitioner: StreamPartitioner<K>): KeyQueryMetadata;
  queryMetadataForKey<K>(storeName: string, key: K, by: Serializer<K> | StreamPartitioner<K>): KeyQueryMetadata {
    return this.metadataState.forKey(storeName, key, by, this.applicationServer);
  }

  /**
   * Counters of this process (Kafka's task-level names): records processed, punctuations,
   * commits, and records dropped (invalid timestamps, handler 'continue' decisions).
   */
  metrics(): { processTotal: number; punctuateTotal: number; commitTotal: number; droppedRecordsTotal: number; state: StreamsState; tasks: string[] } {
    const m = this.tasks ? totalMetrics(this.tasks) : null;
    return {
      processTotal: m?.processTotal ?? 0,
      punctuateTotal: m?.punctuateTotal ?? 0,
      commitTotal: m?.commitTotal ?? 0,
      droppedRecordsTotal: m?.droppedRecordsTotal ?? 0,
      state: this.state,
      tasks: [...(this.tasks?.tasks.keys() ?? [])],
    };
  }

  /** `metrics()` in Prometheus's text format (for a `/metrics` endpoint). */
  prometheusMetrics(): string {
    return prometheusText(this.config.applicationId, this.metrics());
  }

  private emit(event: StreamsEvent): void {
    this.eventSubject.next(event);
  }

  private transition(to: StreamsState): void {
    const from = this.state;
    if (from === to || !canTransition(from, to)) return;
    this.stateSubject.next(to);
    this.emit({ type: 'state', from, to });
  }
}
