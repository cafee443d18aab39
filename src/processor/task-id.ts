/** A task: one partition of one sub-topology, printed `subtopology_partition` (e.g. `1_3`). */
export class TaskId {
  constructor(
    readonly subtopology: number,
    readonly partition: number,
  ) {}

  /** Parses `"1_3"`. */
  static parse(text: string): TaskId {
    const m = /^(\d+)_(\d+)$/.exec(text);
    if (!m) throw new Error(`Task id must look like "<subtopology>_<partition>", got "${text}".`);
    return new TaskId(Number(m[1]), Number(m[2]));
  }

  equals(other: TaskId): boolean {
    return this.subtopology === other.subtopology && this.partition === other.partition;
  }

  toString(): string {
    return `${this.subtopology}_${this.partition}`;
  }
}
