// Kafka: KTableValueGetter, KTableValueGetterSupplier and the getters of sources, filter, mapValues and transformValues
import type { BaseProcessorContext } from '../../processor-context.js';
import { transformerOf, type ValueTransformerWithKeySupplier } from '../../value-transformer-with-key.js';
import { ValueTransformerContextImpl } from '../value-transformer-context-impl.js';
import type { TimestampedKeyValueStore } from '../../../state/timestamped-key-value-store.js';
import type { ValueAndTimestamp } from '../../../state/value-and-timestamp.js';

/**
 * Reads a KTable's current row for a key, whether or not the table has a store of its own:
 * an unmaterialized `filter` or `mapValues` computes the row from its parent's getter.
 * Joins read the other side through one. `init` runs in the reading processor's `init`.
 */
export interface KTableValueGetter<K = unknown, V = unknown> {
  init(context: BaseProcessorContext): void;
  get(key: K): ValueAndTimestamp<V> | null;
  /** Closes what the getter opened (a `transformValues` getter's transformer); the reading processor's `close` calls it. */
  close?(): void;
}

/**
 * Makes one getter per task, and names the stores the getters read: processors using the
 * getter must be connected to them (global stores need no connection).
 */
export interface KTableValueGetterSupplier<K = unknown, V = unknown> {
  readonly storeNames: readonly string[];
  get(): KTableValueGetter<K, V>;
}

/** Reads a materialized table's timestamped store (Kafka: KTableSourceValueGetterSupplier / KTableMaterializedValueGetterSupplier). */
export function storeGetter(storeName: string): KTableValueGetterSupplier {
  return {
    storeNames: [storeName],
    get() {
      let store: TimestampedKeyValueStore<unknown, unknown>;
      return {
        init(context) {
          store = context.getStateStore<TimestampedKeyValueStore<unknown, unknown>>(storeName);
        },
        get: (key) => store.get(key),
      };
    },
  };
}

/** An unmaterialized `KTable.filter`: the parent's row when it passes, else no row. */
export function filterGetter(parent: KTableValueGetterSupplier, predicate: (key: any, value: any) => boolean, negate: boolean): KTableValueGetterSupplier {
  return derivedGetter(parent, (key, row) => (negate !== Boolean(predicate(key, row.value)) ? row : null));
}

/** An unmaterialized `KTable.mapValues`: the parent's row mapped, keeping its timestamp. */
export function mapValuesGetter(parent: KTableValueGetterSupplier, mapper: (value: any, key: any) => unknown): KTableValueGetterSupplier {
  return derivedGetter(parent, (key, row) => {
    const value = mapper(row.value, key) ?? null;
    return value === null ? null : { value, timestamp: row.timestamp };
  });
}

/**
 * An unmaterialized `KTable.transformValues`: the parent's row (or null) transformed by a
 * transformer of the getter's own, timestamped with the parent row's timestamp (-1 when
 * there is none). The transformer sees no input record while it transforms a stored row.
 */
export function transformValuesGetter(parent: KTableValueGetterSupplier, supplier: ValueTransformerWithKeySupplier): KTableValueGetterSupplier {
  return {
    storeNames: parent.storeNames,
    get() {
      const inner = parent.get();
      const transformer = transformerOf(supplier);
      let context: ValueTransformerContextImpl;
      return {
        init(processorContext) {
          inner.init(processorContext);
          context = new ValueTransformerContextImpl(processorContext);
          transformer.init?.(context);
        },
        get(key) {
          const row = inner.get(key);
          const timestamp = row === null ? -1 : row.timestamp;
          context.enterRow(timestamp);
          const value = transformer.transform(key, row === null ? null : row.value) ?? null;
          return value === null ? null : { value, timestamp };
        },
        close() {
          inner.close?.();
          transformer.close?.();
        },
      };
    },
  };
}

/** A getter whose row is computed from the parent's row; no parent row, no row. */
function derivedGetter(
  parent: KTableValueGetterSupplier,
  derive: (key: unknown, row: ValueAndTimestamp<unknown>) => ValueAndTimestamp<unknown> | null,
): KTableValueGetterSupplier {
  return {
    storeNames: parent.storeNames,
    get() {
      const inner = parent.get();
      return {
        init: (context) => inner.init(context),
        get(key) {
          const row = inner.get(key);
          return row === null ? null : derive(key, row);
        },
        close: () => inner.close?.(),
      };
    },
  };
}
