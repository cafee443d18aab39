// Kafka: StreamsBuilder
import type { StoreBuilder } from '../state/store-builder.js';
import { TopologyError } from '../errors/topology-error.js';
import type { Topology } from '../topology/topology.js';
import { StateStoreNode } from '../topology/graph/state-store-node.js';
import { StreamSourceNode } from '../topology/graph/stream-source-node.js';
import { TableSourceNode } from '../topology/graph/table-source-node.js';
import { GlobalTableSourceNode } from '../topology/graph/global-table-source-node.js';
import { compileGraph } from '../topology/compile/compile-graph.js';
import { optimizeGraph, parseOptimizations } from '../topology/optimize/optimize-graph.js';
import type { BuildConfig } from './build-config.js';
import { Consumed } from './consumed.js';
import type { KStream } from './kstream.js';
import type { KTable } from './ktable.js';
import type { GlobalKTable } from './global-ktable.js';
import { GlobalKTableImpl } from './internal/global-ktable-impl.js';
import { Materialized } from './materialized.js';
import { DslGraphBuilder } from './internal/dsl-graph-builder.js';
import { KStreamImpl } from './internal/kstream-impl.js';
import { KTableImpl } from './internal/ktable-impl.js';
import { materializedInternal, toStoreSpec } from './internal/materialized-internal.js';

/**
 * The entry point of the DSL (Kafka's `StreamsBuilder`): creates streams and tables from
 * topics, records every operator applied to them, and compiles the program into a
 * `Topology` with `build()`. The only mutable DSL object.
 *
 * @example
 * const builder = new StreamBuilder();
 * builder.stream('in', Consumed.with(Serdes.String(), Serdes.String()))
 *   .mapValues((v) => v.toUpperCase())
 *   .to('out');
 * const topology = builder.build();
 */
export class StreamBuilder {
  private readonly graph = new DslGraphBuilder();

  /** A stream of the records of one topic, several topics, or every topic matching a RegExp. */
  stream<K = unknown, V = unknown>(topics: string | readonly string[] | RegExp, consumed?: Consumed<K, V>): KStream<K, V> {
    const list = typeof topics === 'string' ? [topics] : topics instanceof RegExp ? null : [...topics];
    if (list !== null && (list.length === 0 || list.some((t) => typeof t !== 'string' || t.length === 0))) {
      throw new TopologyError([{ code: 'invalid-topic', message: 'stream() needs at least one non-empty topic name (or a RegExp).' }]);
    }
    const name = this.graph.nameOrGenerate(consumed?.name ?? null, 'KSTREAM-SOURCE-');
    const node = this.graph.add(
      StreamSourceNode.create({
        id: this.graph.nextId(),
        name,
        parents: [],
        topics: list,
        pattern: list === null ? (topics as RegExp) : null,
        consumed: {
          keySerde: consumed?.keySerde ?? null,
          valueSerde: consumed?.valueSerde ?? null,
          timestampExtractor: consumed?.timestampExtractor ?? null,
          offsetReset: consumed?.offsetReset ?? null,
        },
      }),
    );
    return new KStreamImpl<K, V>(this.graph, node, consumed?.keySerde ?? null, consumed?.valueSerde ?? null, [name], false);
  }

  /**
   * A table of the latest value per key of a topic (null keys dropped, null values delete).
   * Materialized in a store when named by `Materialized`, or when an operator needs it.
   */
  table<K = unknown, V = unknown>(topic: string, consumed?: Consumed<K, V> | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    if (typeof topic !== 'string' || topic.length === 0) {
      throw new TopologyError([{ code: 'invalid-topic', message: 'table() needs a non-empty topic name.' }]);
    }
    const c = consumed instanceof Consumed ? consumed : undefined;
    const m = consumed instanceof Materialized ? consumed : materialized;
    // Kafka reserves the store name first (counter order), then the source and processor names.
    const mi = materializedInternal(m ?? Materialized.with(c?.keySerde ?? null, c?.valueSerde ?? null), this.graph, `${topic}-`);
    // Consumed's serdes win, as in Kafka; Materialized's fill in where Consumed has none.
    const keySerde = c?.keySerde ?? mi.keySerde;
    const valueSerde = c?.valueSerde ?? mi.valueSerde;
    const sourceName = this.graph.suffixedOrGenerate(c?.name ?? null, '-source', 'KSTREAM-SOURCE-');
    const name = this.graph.nameOrGenerate(c?.name ?? null, 'KTABLE-SOURCE-');
    const node = this.graph.add(
      TableSourceNode.create({
        id: this.graph.nextId(),
        name,
        parents: [],
        sourceName,
        topic,
        consumed: { keySerde, valueSerde, timestampExtractor: c?.timestampExtractor ?? null, offsetReset: c?.offsetReset ?? null },
        store: toStoreSpec({ ...mi, keySerde, valueSerde }),
        reuseSourceTopic: false,
      }),
    );
    return new KTableImpl<K, V>(this.graph, node, keySerde, valueSerde, [sourceName], mi.generatedName ? null : mi.name);
  }

  /**
   * A table of the whole topic on every instance (Kafka's `GlobalKTable`): read in full before
   * processing starts and followed afterwards, so streams can join it by any key without
   * co-partitioning. Always materialized (the store has no changelog: the topic is one);
   * `Materialized.as(name)` makes it queryable. Consumed's serdes win over Materialized's.
   *
   * @example const products = builder.globalTable('products', Consumed.with(Serdes.String(), productSerde));
   */
  globalTable<K = unknown, V = unknown>(topic: string, consumed?: Consumed<K, V> | Materialized<K, V>, materialized?: Materialized<K, V>): GlobalKTable<K, V> {
    if (typeof topic !== 'string' || topic.length === 0) {
      throw new TopologyError([{ code: 'invalid-topic', message: 'globalTable() needs a non-empty topic name.' }]);
    }
    const c = consumed instanceof Consumed ? consumed : undefined;
    const m = consumed instanceof Materialized ? consumed : materialized;
    const mi = materializedInternal(m ?? Materialized.with(c?.keySerde ?? null, c?.valueSerde ?? null), this.graph, `${topic}-`);
    // Kafka overwrites Materialized's serdes with Consumed's whenever a Consumed is given.
    const keySerde = c === undefined ? mi.keySerde : c.keySerde;
    const valueSerde = c === undefined ? mi.valueSerde : c.valueSerde;
    const sourceName = this.graph.suffixedOrGenerate(c?.name ?? null, '-source', 'KSTREAM-SOURCE-');
    const name = this.graph.nameOrGenerate(c?.name ?? null, 'KTABLE-SOURCE-');
    const node = this.graph.add(
      GlobalTableSourceNode.create({
        id: this.graph.nextId(),
        name,
        parents: [],
        sourceName,
        topic,
        consumed: { keySerde, valueSerde, timestampExtractor: c?.timestampExtractor ?? null, offsetReset: null },
        store: toStoreSpec({ ...mi, keySerde, valueSerde, loggingEnabled: false, logConfig: {} }),
      }),
    );
    return new GlobalKTableImpl<K, V>(this.graph, node, mi.generatedName ? null : mi.name);
  }

  /** Adds a store for `KStream.process`/`processValues` to connect to by name. */
  addStateStore(builder: StoreBuilder<any>): this {
    this.graph.add(StateStoreNode.create({ id: this.graph.nextId(), name: builder.name, parents: [], builder }));
    return this;
  }

  /**
   * Compiles everything built so far into a `Topology`: applies the optimisations the
   * config enables, names nodes, stores and topics as Kafka does, and throws one
   * `TopologyError` listing every problem (missing serdes, duplicate names, stores used
   * but never added, generated names under `ensureExplicitInternalResourceNaming`).
   */
  build(config: BuildConfig = {}): Topology {
    const graph = optimizeGraph(this.graph.graph(), parseOptimizations(config.topologyOptimization));
    return compileGraph(graph, {
      defaultKeySerde: config.defaultKeySerde ?? null,
      defaultValueSerde: config.defaultValueSerde ?? null,
      defaultDslStore: config.defaultDslStore ?? 'persistent',
      ensureExplicitInternalResourceNaming: config.ensureExplicitInternalResourceNaming ?? false,
    });
  }
}
