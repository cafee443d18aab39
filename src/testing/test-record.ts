import { Headers } from '../processor/headers.js';

/** A record piped into or read from a test topic. */
export class TestRecord<K, V> {
  readonly headers: Headers;

  constructor(
    readonly key: K | null,
    readonly value: V | null,
    /** Epoch ms; undefined lets the input topic pick (its current time). */
    readonly timestamp?: number,
    headers?: Headers,
  ) {
    this.headers = headers ?? new Headers();
  }
}
