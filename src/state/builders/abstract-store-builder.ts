// Kafka: AbstractStoreBuilder
import { TopologyError } from '../../errors/topology-error.js';
import type { StateStore } from '../state-store.js';
import type { StoreBuilder } from '../store-builder.js';

/** The switchable parts of a store builder. */
export interface StoreBuilderOptions {
  readonly cachingEnabled: boolean;
  readonly loggingEnabled: boolean;
  readonly logConfig: Readonly<{ [key: string]: string }>;
}

/** Changelog topic configs every key-value changelog gets unless overridden. */
const KEY_VALUE_CHANGELOG_DEFAULTS = Object.freeze({ 'cleanup.policy': 'compact' });

/** PAPI defaults, as in Java: logging on (compacted changelog), caching off. */
export const DEFAULT_BUILDER_OPTIONS: StoreBuilderOptions = Object.freeze({
  cachingEnabled: false,
  loggingEnabled: true,
  logConfig: KEY_VALUE_CHANGELOG_DEFAULTS,
});

/**
 * Shared part of the store builders. Builders are immutable: every `with*` returns a new
 * builder and leaves the receiver unchanged, so one builder can be shared between
 * topologies. (Unlike Java, where they mutate and return `this`: a ported statement like
 * `builder.withLoggingDisabled();` must become `builder = builder.withLoggingDisabled();`.)
 */
export abstract class AbstractStoreBuilder<S extends StateStore, B extends AbstractStoreBuilder<S, B>> implements StoreBuilder<S> {
  readonly cachingEnabled: boolean;
  readonly loggingEnabled: boolean;
  readonly logConfig: Readonly<{ [key: string]: string }>;

  constructor(
    readonly name: string,
    options: StoreBuilderOptions,
  ) {
    if (typeof name !== 'string' || name.length === 0) {
      throw new TopologyError([{ code: 'invalid-store-name', message: 'A store name must be a non-empty string.' }]);
    }
    this.cachingEnabled = options.cachingEnabled;
    this.loggingEnabled = options.loggingEnabled;
    this.logConfig = options.logConfig;
  }

  /** Adds a record cache (dedupes updates between commits; the DSL's default). */
  withCachingEnabled(): B {
    return this.copy({ ...this.options(), cachingEnabled: true });
  }

  withCachingDisabled(): B {
    return this.copy({ ...this.options(), cachingEnabled: false });
  }

  /** Logs writes to `<applicationId>-<name>-changelog`; `config` adds or overrides topic configs. */
  withLoggingEnabled(config: Readonly<{ [key: string]: string }> = {}): B {
    return this.copy({ ...this.options(), loggingEnabled: true, logConfig: Object.freeze({ ...this.changelogDefaults(), ...config }) });
  }

  /** No changelog: the store is not restored after its local state is lost. */
  withLoggingDisabled(): B {
    return this.copy({ ...this.options(), loggingEnabled: false, logConfig: Object.freeze({}) });
  }

  abstract build(): S;

  /** Topic configs every changelog of this kind of store gets unless overridden. */
  protected changelogDefaults(): Readonly<{ [key: string]: string }> {
    return KEY_VALUE_CHANGELOG_DEFAULTS;
  }

  /** A builder of the same kind with `options`. */
  protected abstract copy(options: StoreBuilderOptions): B;

  private options(): StoreBuilderOptions {
    return { cachingEnabled: this.cachingEnabled, loggingEnabled: this.loggingEnabled, logConfig: this.logConfig };
  }
}
