// Kafka: TableProcessorNode + KTableTransformValues
import type { ValueTransformerWithKeySupplier } from '../../processor/value-transformer-with-key.js';
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { StoreSpec } from './store-spec.js';

/** `KTable.transformValues`: a user transformer computes each row's value, with access to `storeNames`. */
export interface TableTransformValuesNode extends GraphNodeBase<'table-transform-values'> {
  readonly supplier: ValueTransformerWithKeySupplier;
  /** Stores connected to the transformer (added by `addStateStore`). */
  readonly storeNames: readonly string[];
  /** Present only when materialized under a user-given name. */
  readonly store: StoreSpec | null;
}

export const TableTransformValuesNode = {
  create(props: Omit<TableTransformValuesNode, 'kind'>): TableTransformValuesNode {
    return freezeNode({ kind: 'table-transform-values', ...props });
  },
};
