import type { StateStoreContext } from './state-store-context.js';

/**
 * A named piece of task-local state. Stores are created per task by a `StoreBuilder` and
 * initialised by the task before any record is processed.
 */
export interface StateStore {
  readonly name: string;
  /** Opens the store; the engine awaits it before processing. */
  init(context: StateStoreContext, root: StateStore): void | Promise<void>;
  /** Writes anything buffered to the next layer (caches forward downstream here). */
  flush(): void;
  /** Closes the store; further use throws. */
  close(): void | Promise<void>;
  /** Whether data survives a restart without restoring from the changelog. */
  persistent(): boolean;
  isOpen(): boolean;
}
