// Group-wide shutdown (SHUTDOWN_APPLICATION) through the consumer group, as Java spreads it
// through the assignment error code. kafkajs drops assignment userData on the receiving
// side, so every member reads its own assignment back with describeGroup() after a join.
import type { EngineAdmin } from './kafka/engine.js';
import { ASSIGNMENT_SHUTDOWN_REQUESTED, decodeAssignmentInfo } from './kafka/streams-assignor.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Whether the group leader's latest assignment for `memberId` carries the shutdown error
 * code. The coordinator fills assignments only once the group is Stable: retry briefly.
 */
export async function shutdownRequested(admin: EngineAdmin, groupId: string, memberId: string): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const group = await admin.describeGroup(groupId);
    if (group.state === 'Stable') {
      const me = group.members.find((m) => m.memberId === memberId);
      if (me) return decodeAssignmentInfo(me.assignmentUserData)?.errorCode === ASSIGNMENT_SHUTDOWN_REQUESTED;
    }
    await sleep(200);
  }
  return false;
}
