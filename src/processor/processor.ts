import type { Record } from './record.js';
import type { FixedKeyRecord } from './fixed-key-record.js';
import type { FixedKeyProcessorContext, ProcessorContext } from './processor-context.js';
import type { StoreBuilder } from '../state/store-builder.js';

/**
 * A node of the Processor API: receives records one at a time and may forward any number
 * of records downstream through its context.
 *
 * `process()` should be synchronous: that is the fast path. Returning a Promise is a
 * supported slow path: the task awaits it before the next record, keeping per-task order.
 *
 * @example
 * class Upper implements Processor<string, string, string, string> {
 *   private ctx!: ProcessorContext<string, string>;
 *   init(ctx: ProcessorContext<string, string>) { this.ctx = ctx; }
 *   process(r: Record<string, string>) { this.ctx.forward(r.withValue(r.value.toUpperCase())); }
 * }
 */
export interface Processor<KIn = unknown, VIn = unknown, KOut = unknown, VOut = unknown> {
  init?(context: ProcessorContext<KOut, VOut>): void;
  process(record: Record<KIn, VIn>): void | Promise<void>;
  close?(): void;
}

/** A processor that cannot change keys (`KStream.processValues`). */
export interface FixedKeyProcessor<KIn = unknown, VIn = unknown, VOut = unknown> {
  init?(context: FixedKeyProcessorContext<KIn, VOut>): void;
  process(record: FixedKeyRecord<KIn, VIn>): void | Promise<void>;
  close?(): void;
}

/**
 * Makes a new processor for every task. Either a function, or an object with `get()` and
 * optionally `stores()` (stores added and connected automatically, Java's
 * `ConnectedStoreProvider`).
 */
export type ProcessorSupplier<KIn = any, VIn = any, KOut = any, VOut = any> =
  | (() => Processor<KIn, VIn, KOut, VOut>)
  | { get(): Processor<KIn, VIn, KOut, VOut>; stores?(): readonly StoreBuilder<any>[] };

/** Makes a new fixed-key processor for every task (function or `{ get, stores? }`). */
export type FixedKeyProcessorSupplier<KIn = any, VIn = any, VOut = any> =
  | (() => FixedKeyProcessor<KIn, VIn, VOut>)
  | { get(): FixedKeyProcessor<KIn, VIn, VOut>; stores?(): readonly StoreBuilder<any>[] };
