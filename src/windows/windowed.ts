// Kafka: Windowed
import type { Window } from './window.js';

/**
 * The key of a windowed aggregation's result: the record key and its window. Printed as
 * Kafka prints it, `[key@start/end]`.
 *
 * @example table.toStream().map((wk, count) => KeyValue.pair(`${wk.key}@${wk.window.start}`, count))
 */
export class Windowed<K> {
  constructor(
    readonly key: K,
    readonly window: Window,
  ) {}

  /** Equal windows and keys (keys compared with `===`). */
  equals(other: unknown): boolean {
    return other instanceof Windowed && other.key === this.key && this.window.equals(other.window);
  }

  toString(): string {
    return `[${String(this.key)}@${this.window.start}/${this.window.end}]`;
  }
}
