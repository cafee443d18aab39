import type { StreamsState } from './streams-state.js';
import type { RestoreProgress } from './changelog-restorer.js';

/** What `KafkaStreams.events$` emits: lifecycle, rebalances, restore progress, commits, errors. */
export type StreamsEvent =
  | { readonly type: 'state'; readonly from: StreamsState; readonly to: StreamsState }
  | { readonly type: 'assigned'; readonly tasks: readonly string[]; readonly revoked: readonly string[] }
  | { readonly type: 'restore-start'; readonly taskId: string; readonly stores: readonly string[] }
  | ({ readonly type: 'restore-progress'; readonly taskId: string } & RestoreProgress)
  | { readonly type: 'restore-end'; readonly taskId: string; readonly restored: number; readonly ms: number }
  | { readonly type: 'commit'; readonly tasks: number; readonly ms: number }
  | { readonly type: 'purge'; readonly topic: string; readonly partitions: number }
  /** The topics matching a RegExp source changed; the thread restarts on them. */
  | { readonly type: 'topics-changed'; readonly added: readonly string[]; readonly removed: readonly string[] }
  | { readonly type: 'error'; readonly error: unknown; readonly taskId?: string };
