const NO_HEADERS: Header[] = [];

/** One Kafka record header: a key and raw bytes (or null). */
export interface Header {
  readonly key: string;
  readonly value: Buffer | null;
}

/**
 * Kafka record headers: an ordered list where a key may repeat (Java's `RecordHeaders`).
 * Mapped one to one onto Kafka headers when records are produced and consumed.
 */
export class Headers implements Iterable<Header> {
  // Allocated on first add: most records carry no headers.
  private list: Header[] = NO_HEADERS;

  constructor(headers?: Iterable<Header> | Readonly<Record<string, string | Buffer | null>>) {
    if (headers === undefined) return;
    this.list = [];
    if (Symbol.iterator in headers) {
      for (const h of headers as Iterable<Header>) this.list.push({ key: h.key, value: h.value });
    } else {
      for (const [key, value] of Object.entries(headers)) this.add(key, value);
    }
  }

  /** Appends a header; strings are stored as UTF-8. Returns `this`. */
  add(key: string, value: string | Buffer | null): this {
    if (this.list === NO_HEADERS) this.list = [];
    this.list.push({ key, value: typeof value === 'string' ? Buffer.from(value, 'utf8') : value });
    return this;
  }

  /** Removes every header with this key. Returns `this`. */
  remove(key: string): this {
    if (this.list === NO_HEADERS) return this;
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i]!.key === key) this.list.splice(i, 1);
    return this;
  }

  /** The last header with this key, or null. */
  lastHeader(key: string): Header | null {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i]!.key === key) return this.list[i]!;
    return null;
  }

  /** Every header with this key, in order. */
  headers(key: string): Header[] {
    return this.list.filter((h) => h.key === key);
  }

  /** All headers, in order. */
  toArray(): Header[] {
    return [...this.list];
  }

  get size(): number {
    return this.list.length;
  }

  [Symbol.iterator](): Iterator<Header> {
    return this.list[Symbol.iterator]();
  }
}

/** A shared empty header list for records that carry none; copy before adding. */
export const EMPTY_HEADERS: Headers = Object.freeze(new Headers()) as Headers;
