import type { StateStore } from './state-store.js';

/**
 * Builds one store instance per task. `Stores.keyValueStoreBuilder(...)` returns one;
 * caching and change-logging are toggled on the builder.
 */
export interface StoreBuilder<S extends StateStore = StateStore> {
  readonly name: string;
  withCachingEnabled(): StoreBuilder<S>;
  withCachingDisabled(): StoreBuilder<S>;
  withLoggingEnabled(config?: Readonly<{ [key: string]: string }>): StoreBuilder<S>;
  withLoggingDisabled(): StoreBuilder<S>;
  readonly loggingEnabled: boolean;
  readonly cachingEnabled: boolean;
  /** Topic configs for the changelog (e.g. `cleanup.policy`). */
  readonly logConfig: Readonly<{ [key: string]: string }>;
  build(): S;
}
