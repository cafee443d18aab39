// KIP-811 purging: committed offsets of repartition topics become deleteRecords calls once per
// interval; other topics are never purged. The admin is a stand-in (this tests the purger).
import { describe, expect, it } from 'vitest';
import { RepartitionPurger } from '../../src/runtime/repartition-purger.js';
import type { EngineAdmin } from '../../src/runtime/kafka/engine.js';
import type { StreamsEvent } from '../../src/runtime/streams-event.js';

describe('RepartitionPurger', () => {
  it('deletes committed repartition records once the interval has passed, then starts afresh', async () => {
    const deleted: string[] = [];
    const admin = {
      deleteRecords: async (topic: string, offsets: ReadonlyMap<number, bigint>) => {
        for (const [p, o] of offsets) deleted.push(`${topic}-${p}@${o}`);
      },
    } as unknown as EngineAdmin;
    const events: StreamsEvent[] = [];
    const purger = new RepartitionPurger(new Set(['app-by-word-repartition']), admin, (e) => events.push(e));
    const start = Date.now();
    purger.committedAt('app-by-word-repartition-0', 10n);
    purger.committedAt('app-by-word-repartition-1', 7n);
    purger.committedAt('app-by-word-repartition-0', 12n);
    purger.committedAt('text-lines-0', 99n);

    await purger.maybePurge(start + 1_000); // within repartition.purge.interval.ms (30 s)
    expect(deleted).toEqual([]);
    await purger.maybePurge(start + 30_001);
    expect(deleted).toEqual(['app-by-word-repartition-0@12', 'app-by-word-repartition-1@7']);
    expect(events).toEqual([{ type: 'purge', topic: 'app-by-word-repartition', partitions: 2 }]);
    await purger.maybePurge(start + 60_002); // nothing committed since
    expect(deleted).toHaveLength(2);
  });
});
