// Kafka: ProcessorNode
import type { Processor } from '../../processor/processor.js';
import type { Record } from '../../processor/record.js';
import { RuntimeNode } from './runtime-node.js';
import type { TaskRuntime } from './task-runtime.js';

/** Runs one user or built-in processor. */
export class ProcessorNode extends RuntimeNode {
  constructor(
    name: string,
    private readonly task: TaskRuntime,
    readonly processor: Processor<unknown, unknown, unknown, unknown>,
    readonly storeNames: readonly string[],
  ) {
    super(name);
  }

  override process(record: Record<unknown, unknown>): void {
    const task = this.task;
    const previous = task.currentNode;
    task.currentNode = this.name;
    const result = this.processor.process(record);
    // The slow path: the task awaits it before the next record, keeping per-task order.
    if (result !== undefined) task.pending.push(result);
    task.currentNode = previous;
  }
}
