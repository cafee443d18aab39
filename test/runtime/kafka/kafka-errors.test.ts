import { describe, expect, it } from 'vitest';
import { KafkaJSGroupCoordinatorNotFound, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded } from 'kafkajs';
import { isTransientKafkaError, toStreamsError } from '../../../src/runtime/kafka/kafka-errors.js';

const BROKERS = ['127.0.0.1:9092'];

/** kafkajs's typings declare its error constructors without the (message, options) they take. */
function kafkajsError(type: abstract new (...a: never[]) => Error, ...args: unknown[]): Error {
  return new (type as unknown as new (...a: unknown[]) => Error)(...args);
}

describe('toStreamsError / isTransientKafkaError', () => {
  it('treats a missing group or transaction coordinator as transient (a restarting broker answers it for a while)', () => {
    const direct = toStreamsError(kafkajsError(KafkaJSGroupCoordinatorNotFound, 'Failed to find group coordinator'), 'consume', BROKERS);
    const wrapped = toStreamsError(
      kafkajsError(KafkaJSNumberOfRetriesExceeded, kafkajsError(KafkaJSGroupCoordinatorNotFound, 'Failed to find group coordinator'), { retryCount: 5, retryTime: 100 }),
      'produce',
      BROKERS,
    );
    expect([isTransientKafkaError(direct), isTransientKafkaError(wrapped)]).toEqual([true, true]);
    expect(direct.message).toBe('Kafka consume failed: Failed to find group coordinator');
  });

  it('keeps other non-retriable kafkajs errors fatal', () => {
    const error = toStreamsError(kafkajsError(KafkaJSNonRetriableError, 'Invalid partition metadata'), 'consume', BROKERS);
    expect(isTransientKafkaError(error)).toBe(false);
  });
});
