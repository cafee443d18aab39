// Kafka: the exception-handler calls of StreamTask and RecordCollectorImpl
import type { TaskId } from '../../processor/task-id.js';
import type { Record } from '../../processor/record.js';
import type { RecordMetadata } from '../../processor/record-metadata.js';
import type { RecordContext } from '../../state/state-store-context.js';
import { deadLetterHeaders } from '../../errors/dead-letter.js';
import { SerializationError } from '../../errors/serialization-error.js';
import { TaskError } from '../../errors/task-error.js';
import type { ResolvedStreamsConfig } from '../streams-config.js';
import type { ConsumedBytes } from './consumed-record.js';
import type { RecordCollector } from './record-collector.js';
import type { TaskMetrics } from './task-metrics.js';

/**
 * How one task answers a failure: the configured processing or production handler decides
 * between dropping the input record (counted, and written to the dead-letter topic when
 * one is configured) and failing the task. Runs only after something threw, never per record.
 */
export class TaskErrorPolicy {
  constructor(
    private readonly taskId: TaskId,
    private readonly config: ResolvedStreamsConfig,
    private readonly collector: RecordCollector,
    private readonly metrics: TaskMetrics,
  ) {}

  /**
   * User code threw in `process()` or a punctuator (`record` and `raw` null there): returns
   * when the handler says 'continue', otherwise throws a `TaskError` with the coordinates.
   */
  processingFailed(error: unknown, record: Record<unknown, unknown> | null, context: RecordContext, node: string, raw: ConsumedBytes | null): void {
    if (error instanceof TaskError) throw error;
    const handler = this.config.processingExceptionHandler;
    const metadata: RecordMetadata | null = context.topic === null ? null : { topic: context.topic, partition: context.partition, offset: context.offset };
    // Output that cannot be produced was already judged by the production handler.
    const verdict =
      error instanceof SerializationError
        ? 'fail'
        : typeof handler === 'function'
          ? handler({ taskId: this.taskId, processorNode: node, record, recordMetadata: metadata, error })
          : handler;
    if (verdict === 'continue') {
      this.metrics.droppedRecordsTotal++;
      if (metadata && raw) this.deadLetter(raw, error);
      return;
    }
    const where = metadata ? `, topic=${metadata.topic}, partition=${metadata.partition}, offset=${metadata.offset}` : ' (punctuation)';
    throw new TaskError(
      `Exception caught in process. taskId=${this.taskId}, processor=${node}${where}: ${error instanceof Error ? error.message : String(error)}`,
      this.taskId,
      metadata ?? undefined,
      { cause: error },
    );
  }

  /** A sink could not serialize a record: the production handler decides (rethrows on 'fail'). */
  productionFailed(sinkNode: string, record: Record<unknown, unknown>, error: unknown, raw: ConsumedBytes | null): void {
    const handler = this.config.productionExceptionHandler;
    const verdict = typeof handler === 'function' ? handler({ taskId: this.taskId, sinkNode, record, error }) : handler;
    if (verdict !== 'continue') throw error;
    this.metrics.droppedRecordsTotal++;
    if (raw) this.deadLetter(raw, error);
  }

  /** Writes a skipped input record to the dead-letter topic, when one is configured. */
  deadLetter(raw: ConsumedBytes, error: unknown): void {
    const topic = this.config.deadLetterQueueTopic;
    if (topic === null) return;
    const headers = deadLetterHeaders(raw.headers, error, { topic: raw.topic, partition: raw.partition, offset: raw.offset });
    this.collector.send(topic, raw.key, raw.value, headers, raw.timestamp, null);
  }
}
