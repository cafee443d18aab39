// Kafka: Change
/**
 * What KTable processors forward to each other: the new value and, when sendOldValues is
 * enabled upstream, the old one (else null). `isLatest` is false for an out-of-order write
 * to a versioned store.
 */
export class Change<T> {
  constructor(
    readonly newValue: T | null,
    readonly oldValue: T | null,
    readonly isLatest: boolean = true,
  ) {}

  /** Kafka's text: `(new<-old)`. */
  toString(): string {
    return `(${String(this.newValue)}<-${String(this.oldValue)})`;
  }
}
