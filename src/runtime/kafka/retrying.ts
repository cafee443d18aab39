import { setTimeout as delay } from 'node:timers/promises';
import type { KafkaRetryOptions } from './kafka-client.js';
import { DEFAULT_RETRY } from './kafka-client.js';

/**
 * Runs `attempt` until it succeeds, `retriable` says no, or `retries` are used up, waiting
 * `initialRetryTime` doubling (by `multiplier`) up to `maxRetryTime` between attempts.
 * Used where kafkajs itself does not retry (KAFKAJS-NOTES.md §3).
 */
export async function retrying<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  retriable: (error: unknown) => boolean,
  options: KafkaRetryOptions = {},
): Promise<T> {
  const retry = { ...DEFAULT_RETRY, ...options };
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (n >= retry.retries || !retriable(e)) throw e;
      await delay(Math.min(retry.initialRetryTime * retry.multiplier ** n, retry.maxRetryTime));
    }
  }
}
