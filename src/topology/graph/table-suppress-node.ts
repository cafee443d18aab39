// Kafka: TableSuppressNode + KTableSuppressProcessorSupplier
import type { Serde } from '../../serdes/serde.js';
import type { SuppressionSpec } from '../../processor/builtin/ktable-suppress-processor.js';
import type { SessionWindows } from '../../windows/session-windows.js';
import type { SlidingWindows } from '../../windows/sliding-windows.js';
import type { TimeWindows } from '../../windows/time-windows.js';
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';

/** `KTable.suppress`: a buffer holding back updates until a time limit or window close. */
export interface TableSuppressNode extends GraphNodeBase<'table-suppress'> {
  readonly suppression: SuppressionSpec;
  /** The buffer's store: `<name>-store`, or `KTABLE-SUPPRESS-STATE-STORE-<n>`. */
  readonly storeName: string;
  readonly generatedStoreName: boolean;
  readonly keySerde: Serde<any> | null;
  /**
   * The windows of the windowed table being suppressed (null otherwise): without a key serde
   * the buffer uses the default key serde wrapped as a windowed serde (Kafka would use the
   * plain default and fail on the first windowed key).
   */
  readonly windows: TimeWindows | SlidingWindows | SessionWindows | null;
  readonly valueSerde: Serde<any> | null;
  readonly loggingEnabled: boolean;
  readonly logConfig: Readonly<{ [key: string]: string }>;
}

export const TableSuppressNode = {
  create(props: Omit<TableSuppressNode, 'kind'>): TableSuppressNode {
    return freezeNode({ kind: 'table-suppress', ...props });
  },
};
