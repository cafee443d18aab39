import type { Record } from '../../processor/record.js';

/** A node of a task's instantiated topology. */
export abstract class RuntimeNode {
  children: RuntimeNode[] = [];
  readonly childByName = new Map<string, RuntimeNode>();

  constructor(readonly name: string) {}

  addChild(child: RuntimeNode): void {
    this.children.push(child);
    this.childByName.set(child.name, child);
  }

  abstract process(record: Record<unknown, unknown>): void;
}
