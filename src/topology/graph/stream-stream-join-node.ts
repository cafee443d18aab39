// Kafka: StreamStreamJoinNode + KStreamJoinWindow + KStreamKStreamJoin{Left,Right}Side (KStreamImplJoin)
import type { Serde } from '../../serdes/serde.js';
import type { WindowBytesStoreSupplier } from '../../state/windowed-bytes-store.js';
import type { JoinWindows } from '../../windows/join-windows.js';
import { freezeNode, type GraphNodeBase } from './graph-node-base.js';
import type { TableJoinType } from './table-table-join-node.js';

/** A window store of one side: its name, or a user supplier (named after itself). */
export interface JoinStoreSpec {
  readonly name: string;
  readonly supplier: WindowBytesStoreSupplier | null;
  readonly valueSerde: Serde<any> | null;
}

/**
 * `KStream.join/leftJoin/outerJoin(KStream, joiner, JoinWindows)`: each side's records go
 * through a windowing processor into that side's window store (duplicates kept), then to a
 * join processor that fetches the other side's store; both join processors feed the merge
 * (`name`). Left and outer joins park unmatched records in `outerStore` until their window
 * closes (the spurious-result fix). Parents: [this stream, other stream].
 */
export interface StreamStreamJoinNode extends GraphNodeBase<'stream-stream-join'> {
  readonly thisWindowedName: string;
  readonly otherWindowedName: string;
  readonly thisJoinName: string;
  readonly otherJoinName: string;
  readonly windows: JoinWindows;
  readonly joinType: TableJoinType;
  readonly joiner: (value: any, otherValue: any, key: any) => unknown;
  readonly keySerde: Serde<any> | null;
  readonly thisStore: JoinStoreSpec;
  readonly otherStore: JoinStoreSpec;
  /** The shared store of unmatched records (left and outer joins), else null. */
  readonly outerStore: string | null;
  /** True when the store names derive from generated names (no `StreamJoined` store name or supplier). */
  readonly generatedStoreNames: boolean;
  readonly loggingEnabled: boolean;
  readonly logConfig: Readonly<{ [key: string]: string }>;
}

export const StreamStreamJoinNode = {
  create(props: Omit<StreamStreamJoinNode, 'kind'>): StreamStreamJoinNode {
    return freezeNode({ kind: 'stream-stream-join', ...props });
  },
};
