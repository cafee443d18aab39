// The leader's assignment userData of this member, read back through describeGroup():
// kafkajs drops assignment userData on the receiving side (KAFKAJS-NOTES.md §2). It carries
// the group-wide shutdown code (SHUTDOWN_APPLICATION, as Java spreads it through the
// assignment error code) and every instance's tasks by endpoint (interactive-query metadata).
import type { EngineAdmin } from './kafka/engine.js';
import { sleep } from './sleep.js';
import { decodeAssignmentInfo, type AssignmentInfo } from './kafka/streams-assignor.js';


/**
 * The latest assignment userData of `memberId`, or null when the group did not settle (or
 * moved on) within about two seconds. The coordinator fills assignments only once the group
 * is Stable: retry briefly.
 */
export async function readOwnAssignment(admin: EngineAdmin, groupId: string, memberId: string): Promise<AssignmentInfo | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const group = await admin.describeGroup(groupId);
    if (group.state === 'Stable') {
      const me = group.members.find((m) => m.memberId === memberId);
      if (me) return decodeAssignmentInfo(me.assignmentUserData);
    }
    await sleep(200);
  }
  return null;
}
