// Kafka: ProcessorContextImpl (one per processor node, so forwarding needs no lookup of the current node)
import { Duration } from 'luxon';
import type { ProcessorContext } from '../../processor/processor-context.js';
import type { Record } from '../../processor/record.js';
import type { RecordMetadata } from '../../processor/record-metadata.js';
import { PunctuationType, type Cancellable, type Punctuator } from '../../processor/punctuation-type.js';
import type { StateStore } from '../../state/state-store.js';
import { ProcessorStateError } from '../../errors/processor-state-error.js';
import { StreamsError } from '../../errors/streams-error.js';
import type { TaskId } from '../../processor/task-id.js';
import type { RuntimeNode } from './runtime-node.js';
import type { StreamTask } from './stream-task.js';

/** Milliseconds from a number or a luxon Duration. */
export function toMillis(d: number | Duration, what: string): number {
  const ms = Duration.isDuration(d) ? d.toMillis() : d;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new StreamsError(`${what} must be a non-negative number of milliseconds or a luxon Duration (got ${String(d)}).`);
  }
  return ms;
}

/** The `ProcessorContext` of one processor node in one task. */
export class NodeContext implements ProcessorContext<unknown, unknown> {
  readonly applicationId: string;
  readonly taskId: TaskId;
  readonly appConfigs: Readonly<{ [key: string]: unknown }>;

  constructor(
    private readonly task: StreamTask,
    private readonly node: RuntimeNode,
    private readonly storeNames: readonly string[],
  ) {
    this.applicationId = task.config.applicationId;
    this.taskId = task.taskId;
    this.appConfigs = task.config.raw;
  }

  forward(record: Record<unknown, unknown>, childName?: string): void {
    if (childName !== undefined) {
      const child = this.node.childByName.get(childName);
      if (!child) {
        throw new StreamsError(
          `Processor ${this.node.name} has no child named "${childName}"; its children are: ${[...this.node.childByName.keys()].join(', ') || 'none'}.`,
        );
      }
      child.process(record);
      return;
    }
    const children = this.node.children;
    for (let i = 0; i < children.length; i++) children[i]!.process(record);
  }

  recordMetadata(): RecordMetadata | null {
    const c = this.task.currentContext;
    return c.topic === null ? null : { topic: c.topic, partition: c.partition, offset: c.offset };
  }

  schedule(interval: number | Duration, type: PunctuationType, punctuator: Punctuator): Cancellable {
    const ms = toMillis(interval, 'Punctuation interval');
    if (ms < 1) throw new StreamsError('Punctuation interval must be at least 1 ms.');
    return this.task.schedule(this.node.name, ms, type, punctuator);
  }

  getStateStore<S extends StateStore>(name: string): S {
    // Global stores are readable by every processor, without connecting (as in Kafka).
    const global = this.storeNames.includes(name) ? null : this.task.globalStore(name);
    if (global !== null) return global as S;
    if (!this.storeNames.includes(name)) {
      throw new ProcessorStateError(
        `Processor ${this.node.name} has no access to state store "${name}": connect it with addStateStore(builder, "${this.node.name}") or connectProcessorAndStateStores.`,
      );
    }
    return this.task.store(name) as S;
  }

  commit(): void {
    this.task.requestCommit();
  }

  currentStreamTimeMs(): number {
    return this.task.streamTime();
  }

  currentSystemTimeMs(): number {
    return this.task.wallClockMs();
  }

  /** @internal The task's processor metadata under `key` (Kafka's `InternalProcessorContext`), or null. */
  processorMetadataForKey(key: string): bigint | null {
    return this.task.processorMetadata.get(key) ?? null;
  }

  /** @internal Sets processor metadata; it is committed with the task's next offsets. */
  addProcessorMetadataKeyValue(key: string, value: bigint): void {
    this.task.processorMetadata.set(key, value);
  }

  /** Counts a record a builtin processor skipped (late, null key...): the task's dropped-records metric. */
  recordDropped(): void {
    this.task.metrics.droppedRecordsTotal++;
  }
}
