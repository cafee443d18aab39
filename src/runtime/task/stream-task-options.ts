import type { TaskId } from '../../processor/task-id.js';
import type { Topology } from '../../topology/topology.js';
import type { ResolvedStreamsConfig } from '../streams-config.js';
import type { GlobalStores } from './global-state-task.js';
import type { RecordCollector } from './record-collector.js';
import type { TaskDbBudget } from './task-stores.js';

/** What a task needs besides its topology: where output goes, where state lives, the clock. */
export interface StreamTaskOptions {
  readonly taskId: TaskId;
  readonly topology: Topology;
  /** Node names of this task's sub-topology. */
  readonly nodeNames: readonly string[];
  readonly config: ResolvedStreamsConfig;
  readonly collector: RecordCollector;
  /** Folder of this task's state (`<stateDir>/<applicationId>/<taskId>`). */
  readonly taskDir: string;
  readonly dbBudget: TaskDbBudget;
  /** This task's share of the record cache. */
  readonly cacheMaxBytes: number;
  readonly wallClockMs: () => number;
  /** The instance's global stores, readable by every processor (global tables). */
  readonly globalStores?: GlobalStores | null;
}
