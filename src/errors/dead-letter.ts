import { Headers } from '../processor/headers.js';

/** Header names of a dead-letter record (Kafka's KIP-1034 names). */
export const DEAD_LETTER_HEADERS = {
  exception: '__streams.errors.exception',
  message: '__streams.errors.message',
  stacktrace: '__streams.errors.stacktrace',
  topic: '__streams.errors.topic',
  partition: '__streams.errors.partition',
  offset: '__streams.errors.offset',
} as const;

/**
 * The headers of a dead-letter record: the failed record's own headers plus the error's
 * class, message and stack and the input coordinates.
 */
export function deadLetterHeaders(
  original: Headers,
  error: unknown,
  coordinates: { topic: string | null; partition: number; offset: bigint } | null,
): Headers {
  const headers = new Headers(original);
  const e = error instanceof Error ? error : new Error(String(error));
  headers.add(DEAD_LETTER_HEADERS.exception, e.name);
  headers.add(DEAD_LETTER_HEADERS.message, e.message);
  if (e.stack) headers.add(DEAD_LETTER_HEADERS.stacktrace, e.stack);
  if (coordinates?.topic) {
    headers.add(DEAD_LETTER_HEADERS.topic, coordinates.topic);
    headers.add(DEAD_LETTER_HEADERS.partition, String(coordinates.partition));
    headers.add(DEAD_LETTER_HEADERS.offset, String(coordinates.offset));
  }
  return headers;
}
