// Kafka: KStreamBranch
import type { Processor } from '../processor.js';
import type { ProcessorContext } from '../processor-context.js';
import type { Record } from '../record.js';

/**
 * Sends each record to the child of the first predicate that holds, or to the default
 * child (the extra last name) when none does; without a default the record is dropped.
 */
export class KStreamBranchProcessor implements Processor<unknown, unknown, unknown, unknown> {
  private context!: ProcessorContext<unknown, unknown>;

  constructor(
    private readonly predicates: readonly ((key: any, value: any) => boolean)[],
    private readonly childNames: readonly string[],
  ) {}

  init(context: ProcessorContext<unknown, unknown>): void {
    this.context = context;
  }

  process(record: Record<unknown, unknown>): void {
    const predicates = this.predicates;
    for (let i = 0; i < predicates.length; i++) {
      if (predicates[i]!(record.key, record.value)) {
        this.context.forward(record, this.childNames[i]);
        return;
      }
    }
    if (this.childNames.length > predicates.length) this.context.forward(record, this.childNames[predicates.length]);
  }
}
