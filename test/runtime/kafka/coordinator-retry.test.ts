import { describe, expect, it } from 'vitest';
import { retryCoordinatorRequests } from '../../../src/runtime/kafka/coordinator-retry.js';
import type { InternalCluster } from '../../../src/runtime/kafka/kafkajs-internals.js';

const protocolError = (type: string) => Object.assign(new Error(type), { type, name: 'KafkaJSProtocolError' });

/** A cluster whose coordinators fail `endTxn` with the given errors, one per call, then succeed. */
function cluster(errors: Error[]) {
  const calls = { find: 0, endTxn: 0, initProducerId: 0 };
  const broker = (id: number) => ({
    nodeId: id,
    endTxn: () => {
      calls.endTxn++;
      const e = errors.shift();
      return e ? Promise.reject(e) : Promise.resolve({ id });
    },
    initProducerId() {
      calls.initProducerId++;
      return Promise.resolve(this.nodeId);
    },
  });
  const c = {
    findGroupCoordinator: () => Promise.resolve(broker(++calls.find)),
  } as unknown as InternalCluster;
  retryCoordinatorRequests(c, { retries: 3, initialRetryTime: 1, maxRetryTime: 2 });
  return { c, calls };
}

describe('retryCoordinatorRequests', () => {
  it('retries EndTxn on a moved coordinator or a concurrent transaction, finding the coordinator again', async () => {
    const { c, calls } = cluster([protocolError('NOT_COORDINATOR_FOR_GROUP'), protocolError('CONCURRENT_TRANSACTIONS')]);
    const coordinator = await c.findGroupCoordinator({ groupId: 'txn', coordinatorType: 1 });
    await expect(coordinator.endTxn({ transactionResult: true })).resolves.toEqual({ id: 3 });
    expect(calls).toMatchObject({ find: 3, endTxn: 3 });
  });

  it('does not retry fencing and gives up after the configured retries', async () => {
    const fenced = cluster([protocolError('INVALID_PRODUCER_EPOCH')]);
    const coordinator = await fenced.c.findGroupCoordinator({ groupId: 'txn' });
    await expect(coordinator.endTxn({})).rejects.toThrow('INVALID_PRODUCER_EPOCH');
    expect(fenced.calls.endTxn).toBe(1);

    const down = cluster(Array.from({ length: 10 }, () => protocolError('GROUP_COORDINATOR_NOT_AVAILABLE')));
    await expect((await down.c.findGroupCoordinator({ groupId: 'txn' })).endTxn({})).rejects.toThrow('GROUP_COORDINATOR_NOT_AVAILABLE');
    expect(down.calls.endTxn).toBe(4);
  });

  it('leaves other broker calls alone (bound to the real broker)', async () => {
    const { c, calls } = cluster([]);
    const coordinator = (await c.findGroupCoordinator({ groupId: 'txn' })) as unknown as { initProducerId(): Promise<number> };
    await expect(coordinator.initProducerId()).resolves.toBe(1);
    expect(calls.initProducerId).toBe(1);
  });
});
