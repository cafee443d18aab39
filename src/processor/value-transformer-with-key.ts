// Kafka: ValueTransformerWithKey, ValueTransformerWithKeySupplier (and the old ProcessorContext they receive)
import type { Headers } from './headers.js';
import type { BaseProcessorContext } from './processor-context.js';

/**
 * The context a `ValueTransformerWithKey` receives in `init` (Java's old-style
 * `ProcessorContext` as `KTable.transformValues` wraps it): stores, scheduling and the
 * current record's metadata, but no forwarding, since the transformer returns its result.
 * `timestamp()` and `headers()` describe the record being transformed.
 */
export interface ValueTransformerContext extends BaseProcessorContext {
  /** The timestamp of the record being transformed (-1 when unknown: a row read by a join). */
  timestamp(): number;
  /** The headers of the record being transformed (empty for a row read by a join). */
  headers(): Headers;
  /** Always throws: a value transformer returns its result instead (as in Java). */
  forward(...args: unknown[]): never;
}

/**
 * Computes a table row's new value from its key and value (`KTable.transformValues`), with
 * access to state stores through its context. Unlike `mapValues` it is also called for
 * deletes (`value` null): return null to keep the row deleted. The key is read-only.
 *
 * @example
 * class Enrich implements ValueTransformerWithKey<string, string, string> {
 *   private names!: KeyValueStore<string, string>;
 *   init(context: ValueTransformerContext) { this.names = context.getStateStore('names'); }
 *   transform(key: string, value: string | null) { return value === null ? null : `${value}/${this.names.get(key) ?? '?'}`; }
 * }
 */
export interface ValueTransformerWithKey<K = unknown, V = unknown, VR = unknown> {
  init?(context: ValueTransformerContext): void;
  transform(readOnlyKey: K, value: V | null): VR | null;
  close?(): void;
}

/**
 * Makes a new transformer for every task (and one more for every join reading the
 * unmaterialized table): a function, or an object with `get()`. As in Java, stores are
 * not added from the supplier: add them with `StreamBuilder.addStateStore` and pass their
 * names to `transformValues`.
 */
export type ValueTransformerWithKeySupplier<K = any, V = any, VR = any> =
  | (() => ValueTransformerWithKey<K, V, VR>)
  | { get(): ValueTransformerWithKey<K, V, VR> };

/** @internal A new transformer from `supplier`. */
export function transformerOf<K, V, VR>(supplier: ValueTransformerWithKeySupplier<K, V, VR>): ValueTransformerWithKey<K, V, VR> {
  return typeof supplier === 'function' ? supplier() : supplier.get();
}
