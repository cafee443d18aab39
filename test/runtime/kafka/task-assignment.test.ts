import { describe, expect, it } from 'vitest';
import {
  assignStandbys,
  assignTasks,
  compareTaskIds,
  computeTasks,
  tasksForPartitions,
  type MemberTasks,
} from '../../../src/runtime/kafka/task-assignment.js';

const tasksOf = (subtopologies: number, partitions: number): string[] =>
  Array.from({ length: subtopologies * partitions }, (_, i) => `${Math.floor(i / partitions)}_${i % partitions}`);

const members = (...spec: Array<[string, string[]]>): MemberTasks[] => spec.map(([memberId, ownedTasks]) => ({ memberId, ownedTasks }));

/** Every task exactly once, and task counts differing by at most one. */
function expectValid(result: Map<string, string[]>, tasks: readonly string[]): void {
  const all = [...result.values()].flat();
  expect(all.sort(compareTaskIds)).toEqual([...tasks].sort(compareTaskIds));
  const sizes = [...result.values()].map((l) => l.length);
  if (sizes.length > 0) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
}

/** Tasks a member had before and still has. */
const keptBy = (before: Map<string, string[]>, after: Map<string, string[]>, member: string): number =>
  (after.get(member) ?? []).filter((t) => (before.get(member) ?? []).includes(t)).length;

describe('computeTasks', () => {
  it('creates task s_p reading partition p of every source topic of sub-topology s', () => {
    const tasks = computeTasks(
      new Map([
        [1, ['orders', 'payments']],
        [0, ['words']],
      ]),
      (t) => ({ orders: 3, payments: 3, words: 2 })[t] ?? 0,
    );
    expect([...tasks.keys()]).toEqual(['0_0', '0_1', '1_0', '1_1', '1_2']);
    expect(tasks.get('1_2')).toEqual([
      { topic: 'orders', partition: 2 },
      { topic: 'payments', partition: 2 },
    ]);
  });

  it('uses the largest partition count and ignores missing topics', () => {
    const tasks = computeTasks(new Map([[0, ['a', 'b', 'missing']]]), (t) => ({ a: 2, b: 3 })[t] ?? 0);
    expect([...tasks.keys()]).toEqual(['0_0', '0_1', '0_2']);
    expect(tasks.get('0_2')).toEqual([{ topic: 'b', partition: 2 }]);
    expect(computeTasks(new Map([[0, ['missing']]]), () => 0).size).toBe(0);
  });
});

describe('tasksForPartitions', () => {
  it('maps assigned partitions back to tasks, ignoring unknown topics', () => {
    const sources = new Map([
      [0, ['a', 'b']],
      [1, ['c']],
    ]);
    expect(tasksForPartitions({ a: [1, 0], b: [1, 0], c: [10, 2], other: [5] }, sources)).toEqual(['0_0', '0_1', '1_2', '1_10']);
  });
});

describe('assignTasks', () => {
  it('gives a single member everything, and handles no members or no tasks', () => {
    expect(assignTasks(tasksOf(2, 3), members(['m1', []])).get('m1')).toEqual(tasksOf(2, 3));
    expect(assignTasks(tasksOf(1, 2), []).size).toBe(0);
    expect(assignTasks([], members(['a', ['0_0']]))).toEqual(new Map([['a', []]]));
  });

  it('balances a fresh group and spreads every sub-topology over members', () => {
    const result = assignTasks(tasksOf(2, 4), members(['a', []], ['b', []]));
    expectValid(result, tasksOf(2, 4));
    expect(result.get('a')).toEqual(['0_0', '0_2', '1_0', '1_2']);
    expect(result.get('b')).toEqual(['0_1', '0_3', '1_1', '1_3']);
  });

  it('keeps everything in place when the current assignment is balanced (a fixed point)', () => {
    const tasks = tasksOf(3, 5);
    const first = assignTasks(tasks, members(['a', []], ['b', []], ['c', []]));
    const again = assignTasks(tasks, [...first].map(([memberId, owned]) => ({ memberId, ownedTasks: owned })));
    expect(again).toEqual(first);
  });

  it('moves only what balance needs when a member joins', () => {
    const tasks = tasksOf(2, 4);
    const before = new Map([['a', tasks]]);
    const after = assignTasks(tasks, members(['a', tasks], ['b', []]));
    expectValid(after, tasks);
    expect(keptBy(before, after, 'a')).toBe(4);
    expect(after.get('b')).toHaveLength(4);
    // Each sub-topology is split too (b does not get every task of one of them).
    expect(after.get('a')).toEqual(['0_0', '0_1', '1_0', '1_1']);
    expect(after.get('b')).toEqual(['0_2', '0_3', '1_2', '1_3']);
  });

  it('keeps survivors\' tasks when a member leaves, spreading only the orphans', () => {
    const tasks = tasksOf(1, 9);
    const before = assignTasks(tasks, members(['a', []], ['b', []], ['c', []]));
    const after = assignTasks(tasks, members(['a', before.get('a')!], ['c', before.get('c')!]));
    expectValid(after, tasks);
    expect(keptBy(before, after, 'a')).toBe(3);
    expect(keptBy(before, after, 'c')).toBe(3);
  });

  it('with more members than tasks, leaves members idle but keeps owners', () => {
    const result = assignTasks(['0_0', '0_1'], members(['a', []], ['b', ['0_1']], ['c', ['0_0']]));
    expect(result).toEqual(
      new Map([
        ['a', []],
        ['b', ['0_1']],
        ['c', ['0_0']],
      ]),
    );
  });

  it('ignores owned tasks that no longer exist and resolves double claims deterministically', () => {
    const result = assignTasks(['0_0', '0_1'], members(['b', ['0_0', '9_9']], ['a', ['0_0']]));
    expect(result.get('a')).toEqual(['0_0']);
    expect(result.get('b')).toEqual(['0_1']);
    const reversed = assignTasks(['0_0', '0_1'], members(['a', ['0_0']], ['b', ['0_0', '9_9']]));
    expect(reversed).toEqual(result);
  });

  it('takes back tasks from an overloaded member but no more than needed', () => {
    const tasks = tasksOf(1, 7);
    const result = assignTasks(tasks, members(['a', tasks.slice(0, 6)], ['b', ['0_6']], ['c', []]));
    expectValid(result, tasks);
    expect(result.get('a')!.every((t) => tasks.slice(0, 6).includes(t))).toBe(true);
    expect(result.get('a')).toHaveLength(3);
    expect(result.get('b')).toContain('0_6');
  });

  it('is valid and deterministic for random groups and ownerships', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const tasks = tasksOf(1 + random(3), 1 + random(12));
      const group = Array.from({ length: 1 + random(6) }, (_, i) => ({
        memberId: `m${i}`,
        ownedTasks: tasks.filter(() => random(3) === 0),
      }));
      const result = assignTasks(tasks, group);
      expectValid(result, tasks);
      expect(assignTasks(tasks, [...group].reverse())).toEqual(result);
      // Stickiness: a member keeps at least min(its unique owned tasks, floor) of them.
      const floor = Math.floor(tasks.length / group.length);
      const claimedBefore = new Set<string>();
      for (const m of [...group].sort((x, y) => (x.memberId < y.memberId ? -1 : 1))) {
        const unique = m.ownedTasks.filter((t) => !claimedBefore.has(t));
        unique.forEach((t) => claimedBefore.add(t));
        const kept = result.get(m.memberId)!.filter((t) => m.ownedTasks.includes(t)).length;
        expect(kept).toBeGreaterThanOrEqual(Math.min(unique.length, floor));
      }
    }
  });
});

describe('assignStandbys', () => {
  const active = new Map([
    ['a', ['0_0', '1_0']],
    ['b', ['0_1', '1_1']],
    ['c', ['0_2']],
  ]);
  const all = members(['a', []], ['b', []], ['c', []]);

  it('puts each replica of a stateful task on another member than its owner, spread evenly', () => {
    const result = assignStandbys(['0_0', '0_1', '0_2'], active, all, 1);
    for (const [member, standbys] of result) for (const t of standbys) expect(active.get(member)).not.toContain(t);
    expect([...result.values()].flat().sort(compareTaskIds)).toEqual(['0_0', '0_1', '0_2']);
    expect([...result.values()].map((l) => l.length)).toEqual([1, 1, 1]);
  });

  it('gives as many replicas as there are other members, at most', () => {
    const result = assignStandbys(['0_0'], active, all, 5);
    expect(result).toEqual(new Map([['a', []], ['b', ['0_0']], ['c', ['0_0']]]));
    expect(assignStandbys(['0_0'], active, all, 0)).toEqual(new Map([['a', []], ['b', []], ['c', []]]));
  });

  it('keeps a standby where it is', () => {
    const withStandbys: MemberTasks[] = [
      { memberId: 'a', ownedTasks: [] },
      { memberId: 'b', ownedTasks: [] },
      { memberId: 'c', ownedTasks: [], standbyTasks: ['0_0', '0_1'] },
    ];
    expect(assignStandbys(['0_0', '0_1'], active, withStandbys, 1).get('c')).toEqual(['0_0', '0_1']);
  });
});

describe('assignTasks with standby replicas', () => {
  it('moves an orphaned task to the member whose standby has its state, within balance', () => {
    // b left; its tasks 0_1 and 1_1 had standbys on c and a.
    const result = assignTasks(['0_0', '0_1', '1_0', '1_1'], [
      { memberId: 'a', ownedTasks: ['0_0'], standbyTasks: ['1_1'] },
      { memberId: 'c', ownedTasks: ['1_0'], standbyTasks: ['0_1'] },
    ]);
    expect(result).toEqual(new Map([['a', ['0_0', '1_1']], ['c', ['0_1', '1_0']]]));
  });
});
