// Kafka: KTableImpl.suppress + GraphGraceSearchUtil
import { TopologyError } from '../../errors/topology-error.js';
import type { SuppressionSpec } from '../../processor/builtin/ktable-suppress-processor.js';
import { MAX_TIME } from '../../serdes/internal/long-bytes.js';
import type { GraphNode } from '../../topology/graph/graph-node.js';
import { TableSuppressNode } from '../../topology/graph/table-suppress-node.js';
import type { KTable } from '../ktable.js';
import type { Suppressed } from '../suppressed.js';
import type { DslGraphBuilder } from './dsl-graph-builder.js';
import { KTableImpl } from './ktable-impl.js';
import { windowCloseGrace, type AnyWindows } from './windowed-store.js';

/**
 * The grace after which the windows feeding `node` close: the windowed aggregation above it
 * (through any table operators; with several parents, the largest grace). A table that is
 * not windowed has no window close time.
 */
function findWindowGrace(builder: DslGraphBuilder, node: GraphNode, chain: string): number {
  if (node.kind === 'window-aggregate') return windowCloseGrace(node.windows);
  const path = chain === '' ? node.name : `${node.name}->${chain}`;
  if (node.parents.length === 0 || node.kind === 'stream-aggregate' || node.kind === 'table-aggregate' || node.kind === 'table-source') {
    throw new TopologyError([
      {
        code: 'not-windowed',
        node: node.name,
        message: `Window close time is only defined for windowed computations. Got [${path}]: use Suppressed.untilTimeLimit for a table that is not windowed.`,
      },
    ]);
  }
  return Math.max(...node.parents.map((p) => findWindowGrace(builder, builder.node(p), path)));
}

/** The windows of the nearest windowed aggregation above `node` (through table operators), if any. */
function findWindows(builder: DslGraphBuilder, node: GraphNode): AnyWindows | null {
  if (node.kind === 'window-aggregate') return node.windows;
  if (node.kind === 'stream-aggregate' || node.kind === 'table-aggregate' || node.kind === 'table-source' || node.parents.length === 0) return null;
  return findWindows(builder, builder.node(node.parents[0]!));
}

/** `KTable.suppress`: a buffer node after `table`, named and configured as Kafka does. */
export function suppressTable<K, V>(table: KTableImpl<K, V>, suppressed: Suppressed<K>): KTable<K, V> {
  const builder = table.builder;
  const name = suppressed.name ?? builder.newProcessorName('KTABLE-SUPPRESS-');
  const kind = suppressed.kind;
  const buffer = kind.bufferConfig;
  const finalResults = kind.type === 'until-window-closes';
  const suppression: SuppressionSpec = Object.freeze({
    suppressDurationMs: finalResults ? findWindowGrace(builder, table.node, '') : Math.min(kind.timeToWaitMs, MAX_TIME),
    timeDefinition: finalResults ? 'window-end' : 'record-time',
    maxRecords: buffer.maxRecords,
    maxBytes: buffer.maxBytes,
    bufferFullStrategy: buffer.bufferFullStrategy,
    safeToDropTombstones: finalResults,
  });
  const storeName = suppressed.name !== null ? `${suppressed.name}-store` : builder.newStoreName('KTABLE-SUPPRESS-');
  const node = builder.add(
    TableSuppressNode.create({
      id: builder.nextId(),
      name,
      parents: [table.node.id],
      suppression,
      storeName,
      generatedStoreName: suppressed.name === null,
      keySerde: table.keySerde,
      windows: table.keySerde === null ? findWindows(builder, table.node) : null,
      valueSerde: table.valueSerde,
      loggingEnabled: buffer.logConfig !== null,
      logConfig: buffer.logConfig ?? {},
    }),
  );
  return new KTableImpl<K, V>(builder, node, table.keySerde, table.valueSerde, [table.node.name], null);
}
