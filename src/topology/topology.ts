// Kafka: Topology + InternalTopologyBuilder (the node registry; describe() lives in describe.ts)
import { TopologyError } from '../errors/topology-error.js';
import type { Deserializer, Serializer } from '../serdes/serde.js';
import type { FixedKeyProcessorSupplier, ProcessorSupplier } from '../processor/processor.js';
import type { TimestampExtractor } from '../processor/timestamp-extractor.js';
import { AutoOffsetReset, type OffsetResetPolicy } from '../processor/auto-offset-reset.js';
import type { StreamPartitioner } from '../processor/stream-partitioner.js';
import type { TopicNameExtractor } from '../processor/topic-name-extractor.js';
import type { StoreBuilder } from '../state/store-builder.js';
import { adaptFixedKeyProcessor } from '../processor/fixed-key-processor-adapter.js';
import type { InternalTopicSpec, NodeSpec, ProcessorNodeSpec, SinkNodeSpec, SourceNodeSpec } from './topology-nodes.js';
import { describeTopology, type TopologyDescription } from './describe.js';
import { computeSubtopologies, type Subtopology } from './subtopologies.js';

/** Options of `Topology.addSource` in its object form. */
export interface SourceOptions {
  readonly keyDeserializer?: Deserializer<any>;
  readonly valueDeserializer?: Deserializer<any>;
  readonly timestampExtractor?: TimestampExtractor;
  readonly offsetReset?: OffsetResetPolicy;
}

/** Options of `Topology.addSink` in its object form. */
export interface SinkOptions {
  readonly keySerializer?: Serializer<any>;
  readonly valueSerializer?: Serializer<any>;
  readonly partitioner?: StreamPartitioner;
}

/** A registered store: its builder and the processors connected to it. */
export interface StoreSpec {
  readonly builder: StoreBuilder<any>;
  readonly users: Set<string>;
  readonly global: boolean;
}

type Topic = string | RegExp;

function isDeserializer(x: unknown): x is Deserializer<any> {
  return typeof x === 'object' && x !== null && typeof (x as Deserializer<any>).deserialize === 'function';
}

function isSerializer(x: unknown): x is Serializer<any> {
  return typeof x === 'object' && x !== null && typeof (x as Serializer<any>).serialize === 'function';
}

function isPartitioner(x: unknown): x is StreamPartitioner {
  return typeof x === 'object' && x !== null && typeof (x as StreamPartitioner).partition === 'function';
}

/** Normalises a supplier to a factory and checks it makes a new processor on every call. */
function toFactory<T extends object>(name: string, supplier: (() => T) | { get(): T }): () => T {
  const factory = typeof supplier === 'function' ? supplier : () => supplier.get();
  const a = factory();
  const b = factory();
  if (a === b) {
    throw new TopologyError([
      {
        code: 'shared-processor',
        node: name,
        message: `The supplier of processor "${name}" returned the same object twice; it must return a new processor each time it is called (one per task).`,
      },
    ]);
  }
  return factory;
}

/**
 * A processor topology (Java's `Topology`): sources, processors, sinks and state stores.
 * Built by hand with the Processor API or by `StreamBuilder.build()`; run by
 * `TopologyTestDriver` or `KafkaStreams`.
 *
 * @example
 * const topology = new Topology()
 *   .addSource('src', Serdes.String().deserializer(), Serdes.String().deserializer(), 'input')
 *   .addProcessor('upper', () => new UpperCase(), 'src')
 *   .addSink('sink', 'output', Serdes.String().serializer(), Serdes.String().serializer(), 'upper');
 */
export class Topology {
  /** Nodes in insertion order (sub-topology ids follow it, as in Kafka). */
  readonly nodes = new Map<string, NodeSpec>();
  readonly stores = new Map<string, StoreSpec>();
  /** Repartition topics declared by the DSL, by name without the application id. */
  readonly internalTopics = new Map<string, InternalTopicSpec>();
  /** Stores restored from their source topic instead of a changelog (`topologyOptimization`). */
  readonly sourceChangelogs = new Map<string, string>();
  /** Groups of source topics that must have equal partition counts (joins). */
  readonly copartitionGroups: string[][] = [];

  /** Adds a source reading `topics` with the default (config) deserializers. */
  addSource(name: string, ...topics: Topic[]): this;
  /** Adds a source reading `topics` with the given deserializers. */
  addSource(name: string, keyDeserializer: Deserializer<any>, valueDeserializer: Deserializer<any>, ...topics: Topic[]): this;
  /** Adds a source with options (deserializers, timestamp extractor, offset reset). */
  addSource(name: string, options: SourceOptions, ...topics: Topic[]): this;
  addSource(name: string, ...args: unknown[]): this {
    let options: SourceOptions = {};
    if (isDeserializer(args[0]) || isDeserializer(args[1])) {
      options = { keyDeserializer: args[0] as Deserializer<any>, valueDeserializer: args[1] as Deserializer<any> };
      args = args.slice(2);
    } else if (typeof args[0] === 'object' && args[0] !== null && !(args[0] instanceof RegExp)) {
      options = args[0] as SourceOptions;
      args = args.slice(1);
    }
    this.addSourceNode(name, args as Topic[], options, false);
    return this;
  }

  private addSourceNode(name: string, topicArgs: Topic[], options: SourceOptions, global: boolean): SourceNodeSpec {
    this.checkNewName(name);
    const patterns = topicArgs.filter((t): t is RegExp => t instanceof RegExp);
    const topics = topicArgs.filter((t): t is string => typeof t === 'string');
    if (topicArgs.length === 0) throw new TopologyError(`Source "${name}" needs at least one topic or a pattern.`);
    if (patterns.length > 1 || (patterns.length === 1 && topics.length > 0)) {
      throw new TopologyError(`Source "${name}" takes either topic names or one RegExp, not both.`);
    }
    for (const topic of topics) {
      for (const node of this.nodes.values()) {
        if (node.kind === 'source' && node.topics?.includes(topic)) {
          throw new TopologyError(`Topic "${topic}" has already been registered by source "${node.name}"; a topic can be read by only one source.`);
        }
      }
    }
    const spec: SourceNodeSpec = {
      kind: 'source',
      name,
      topics: patterns.length ? null : topics,
      pattern: patterns[0] ?? null,
      keyDeserializer: options.keyDeserializer ?? null,
      valueDeserializer: options.valueDeserializer ?? null,
      timestampExtractor: options.timestampExtractor ?? null,
      offsetReset: options.offsetReset === undefined ? null : AutoOffsetReset.of(options.offsetReset),
      global,
    };
    this.nodes.set(name, spec);
    return spec;
  }

  /**
   * Adds a processor fed by `parentNames`. The supplier must make a new processor per call
   * (one per task). Stores returned by `supplier.stores()` are added and connected.
   */
  addProcessor(name: string, supplier: ProcessorSupplier, ...parentNames: string[]): this {
    this.checkNewName(name);
    this.checkParents(name, parentNames);
    const spec: ProcessorNodeSpec = {
      kind: 'processor',
      name,
      supplier: toFactory(name, supplier),
      parents: parentNames,
      stores: [],
    };
    this.nodes.set(name, spec);
    if (typeof supplier === 'object' && supplier.stores) {
      for (const builder of supplier.stores()) this.addStateStore(builder, name);
    }
    return this;
  }

  /** @internal Adds a `FixedKeyProcessor` node (used by `KStream.processValues`). */
  addFixedKeyProcessor(name: string, supplier: FixedKeyProcessorSupplier, ...parentNames: string[]): this {
    const factory = toFactory(name, supplier);
    const adapted = { get: () => adaptFixedKeyProcessor(factory()), stores: typeof supplier === 'object' ? supplier.stores?.bind(supplier) : undefined };
    return this.addProcessor(name, adapted, ...parentNames);
  }

  /** Adds a sink writing to `topic` (or the topic an extractor picks) with the default serializers. */
  addSink(name: string, topic: string | TopicNameExtractor, ...parentNames: string[]): this;
  /** Adds a sink with serializers. */
  addSink(name: string, topic: string | TopicNameExtractor, keySerializer: Serializer<any>, valueSerializer: Serializer<any>, ...parentNames: string[]): this;
  /** Adds a sink with a partitioner. */
  addSink(name: string, topic: string | TopicNameExtractor, partitioner: StreamPartitioner, ...parentNames: string[]): this;
  /** Adds a sink with options (serializers, partitioner). */
  addSink(name: string, topic: string | TopicNameExtractor, options: SinkOptions, ...parentNames: string[]): this;
  addSink(name: string, topic: string | TopicNameExtractor, ...args: unknown[]): this {
    let options: SinkOptions = {};
    if (isSerializer(args[0]) || isSerializer(args[1])) {
      options = { keySerializer: args[0] as Serializer<any>, valueSerializer: args[1] as Serializer<any> };
      args = args.slice(2);
      if (isPartitioner(args[0])) {
        options = { ...options, partitioner: args[0] };
        args = args.slice(1);
      }
    } else if (isPartitioner(args[0])) {
      options = { partitioner: args[0] };
      args = args.slice(1);
    } else if (typeof args[0] === 'object' && args[0] !== null) {
      options = args[0] as SinkOptions;
      args = args.slice(1);
    }
    const parentNames = args as string[];
    this.checkNewName(name);
    this.checkParents(name, parentNames);
    const spec: SinkNodeSpec = {
      kind: 'sink',
      name,
      topic: typeof topic === 'string' ? topic : null,
      extractor: typeof topic === 'string' ? null : topic,
      keySerializer: options.keySerializer ?? null,
      valueSerializer: options.valueSerializer ?? null,
      partitioner: options.partitioner ?? null,
      parents: parentNames,
    };
    this.nodes.set(name, spec);
    return this;
  }

  /** Adds a store and connects it to the named processors. */
  addStateStore(builder: StoreBuilder<any>, ...processorNames: string[]): this {
    const existing = this.stores.get(builder.name);
    if (existing && existing.builder !== builder) {
      throw new TopologyError(`A different store named "${builder.name}" has already been added; store names must be unique.`);
    }
    if (!existing) this.stores.set(builder.name, { builder, users: new Set(), global: false });
    if (processorNames.length) this.connectProcessorAndStateStores(processorNames[0]!, builder.name);
    for (const p of processorNames.slice(1)) this.connectProcessorAndStateStores(p, builder.name);
    return this;
  }

  /** Connects an existing processor to stores already added with `addStateStore`. */
  connectProcessorAndStateStores(processorName: string, ...storeNames: string[]): this {
    const node = this.nodes.get(processorName);
    if (!node || node.kind !== 'processor') {
      throw new TopologyError(`Cannot connect stores to "${processorName}": no processor with that name has been added.`);
    }
    for (const storeName of storeNames) {
      const store = this.stores.get(storeName);
      if (!store) throw new TopologyError(`Store "${storeName}" is not added yet; call addStateStore(builder) first.`);
      if (!node.stores.includes(storeName)) node.stores.push(storeName);
      store.users.add(processorName);
    }
    return this;
  }

  /**
   * Adds a global store: `topic` is read by every instance in full into the store, through
   * `stateUpdateSupplier`'s processor (which writes the store). Logging must be disabled:
   * the topic is the changelog.
   */
  addGlobalStore(
    builder: StoreBuilder<any>,
    sourceName: string,
    options: SourceOptions,
    topic: string,
    processorName: string,
    stateUpdateSupplier: ProcessorSupplier,
  ): this {
    if (this.stores.has(builder.name)) throw new TopologyError(`Store "${builder.name}" has already been added.`);
    this.addSourceNode(sourceName, [topic], options, true);
    this.checkNewName(processorName);
    this.nodes.set(processorName, {
      kind: 'processor',
      name: processorName,
      supplier: toFactory(processorName, stateUpdateSupplier),
      parents: [sourceName],
      stores: [builder.name],
    });
    this.stores.set(builder.name, { builder, users: new Set([processorName]), global: true });
    return this;
  }

  /**
   * Adds a read-only store fed from `topic` (Java's `addReadOnlyStateStore`): a source reads
   * the topic from its beginning (when the application has no committed offset) and
   * `stateUpdateSupplier`'s processor writes each record into the store. The topic is the
   * store's changelog (no `-changelog` topic; make it compacted) and restores it. Unlike a
   * global store it is partitioned like the topic: processors connected to it
   * (`connectProcessorAndStateStores`) must read co-partitioned topics.
   *
   * @example topology.addReadOnlyStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('rates'), S, S), 'rates-source', S.deserializer(), S.deserializer(), 'rates', 'rates-updater', () => new RateUpdater())
   */
  addReadOnlyStateStore(
    builder: StoreBuilder<any>,
    sourceName: string,
    keyDeserializer: Deserializer<any>,
    valueDeserializer: Deserializer<any>,
    topic: string,
    processorName: string,
    stateUpdateSupplier: ProcessorSupplier,
  ): this;
  addReadOnlyStateStore(
    builder: StoreBuilder<any>,
    sourceName: string,
    timestampExtractor: TimestampExtractor | null,
    keyDeserializer: Deserializer<any>,
    valueDeserializer: Deserializer<any>,
    topic: string,
    processorName: string,
    stateUpdateSupplier: ProcessorSupplier,
  ): this;
  addReadOnlyStateStore(builder: StoreBuilder<any>, sourceName: string, ...rest: unknown[]): this {
    const [timestampExtractor, ...args] = rest.length === 5 ? [null, ...rest] : rest;
    const [keyDeserializer, valueDeserializer, topic, processorName, stateUpdateSupplier] = args as [Deserializer<any>, Deserializer<any>, string, string, ProcessorSupplier];
    if (this.stores.has(builder.name)) throw new TopologyError(`Store "${builder.name}" has already been added.`);
    const options: SourceOptions = { keyDeserializer, valueDeserializer, offsetReset: AutoOffsetReset.earliest(), ...(timestampExtractor ? { timestampExtractor: timestampExtractor as TimestampExtractor } : {}) };
    this.addSourceNode(sourceName, [topic], options, false);
    this.addProcessor(processorName, stateUpdateSupplier, sourceName);
    this.addStateStore(builder.withLoggingDisabled(), processorName);
    this.sourceChangelogs.set(builder.name, topic);
    return this;
  }

  /** @internal Declares a repartition topic (by name without the application id). */
  addInternalTopic(spec: InternalTopicSpec): this {
    this.internalTopics.set(spec.name, spec);
    return this;
  }

  /** The sub-topologies (connected components) and global store groups, in Kafka's id order. */
  subtopologies(): Subtopology[] {
    return computeSubtopologies(this);
  }

  /** Describes the topology; `toString()` prints the same text as Java's `Topology.describe()`. */
  describe(): TopologyDescription {
    return describeTopology(this);
  }

  private checkNewName(name: string): void {
    if (!name) throw new TopologyError('Node names must be non-empty strings.');
    if (this.nodes.has(name)) throw new TopologyError(`Processor "${name}" is already added; node names must be unique.`);
  }

  private checkParents(name: string, parents: readonly string[]): void {
    if (parents.length === 0) throw new TopologyError(`"${name}" needs at least one parent node.`);
    for (const parent of parents) {
      if (parent === name) throw new TopologyError(`"${name}" cannot be its own parent.`);
      const node = this.nodes.get(parent);
      if (!node) throw new TopologyError(`Parent "${parent}" of "${name}" has not been added yet; add parents before their children.`);
      if (node.kind === 'sink') throw new TopologyError(`Sink "${parent}" cannot be the parent of "${name}": sinks have no children.`);
    }
  }
}
