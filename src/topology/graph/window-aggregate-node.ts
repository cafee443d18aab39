// Kafka: StatefulProcessorNode + KStreamWindowAggregate / KStreamSlidingWindowAggregate / KStreamSessionWindowAggregate
import type { EmitStrategy } from '../../windows/emit-strategy.js';
import type { SessionWindows } from '../../windows/session-windows.js';
import type { SlidingWindows } from '../../windows/sliding-windows.js';
import type { TimeWindows } from '../../windows/time-windows.js';
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { WindowedStoreSpec } from './windowed-store-spec.js';

/** `windowedBy(...).count/reduce/aggregate` (and each input of a windowed cogroup): a windowed table in a store. */
export interface WindowAggregateNode extends GraphNodeBase<'window-aggregate'> {
  readonly windows: TimeWindows | SlidingWindows | SessionWindows;
  readonly initializer: () => unknown;
  readonly aggregator: (key: any, value: any, aggregate: any) => unknown;
  /** Combines two session aggregates (session windows only). */
  readonly merger: ((key: any, aggregate1: any, aggregate2: any) => unknown) | null;
  readonly emitStrategy: EmitStrategy;
  readonly storeName: string;
  /** The store this node adds; null when another node of the same cogroup adds it. */
  readonly store: WindowedStoreSpec | null;
}

export const WindowAggregateNode = {
  create(props: Omit<WindowAggregateNode, 'kind'>): WindowAggregateNode {
    return freezeNode({ kind: 'window-aggregate', ...props });
  },
};
