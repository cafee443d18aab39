// Kafka: TableSuppressNode + KTableSuppressProcessorSupplier
import type { Serde } from '../../serdes/serde.js';
import type { SuppressionSpec } from '../../processor/builtin/ktable-suppress-processor.js';
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** `KTable.suppress`: a buffer holding back updates until a time limit or window close. */
export interface TableSuppressNode extends GraphNodeBase<'table-suppress'> {
  readonly suppression: SuppressionSpec;
  /** The buffer's store: `<name>-store`, or `KTABLE-SUPPRESS-STATE-STORE-<n>`. */
  readonly storeName: string;
  readonly generatedStoreName: boolean;
  readonly keySerde: Serde<any> | null;
  readonly valueSerde: Serde<any> | null;
  readonly loggingEnabled: boolean;
  readonly logConfig: Readonly<{ [key: string]: string }>;
}

export const TableSuppressNode = {
  create(props: Omit<TableSuppressNode, 'kind'>): TableSuppressNode {
    return freezeNode({ kind: 'table-suppress', ...props });
  },
};
