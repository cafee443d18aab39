/** Base class of every error kstreams throws. `cause` carries the underlying error (ES2022). */
export class StreamsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
