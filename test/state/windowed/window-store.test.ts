import { describe, expect, it } from 'vitest';
import { windowStoreContract, type WindowStoreUnderTest } from '../../contracts/window-store.contract.js';
import { Serdes } from '../../../src/serdes/serdes.js';
import { Stores } from '../../../src/state/stores.js';
import type { WindowBytesStoreSupplier } from '../../../src/state/windowed-bytes-store.js';
import type { WindowStoreBuilder } from '../../../src/state/builders/window-store-builder.js';
import { FakeStoreContext } from '../fake-store-context.js';
import { CachingWindowedBytesStore } from '../../../src/state/layers/caching-windowed-bytes-store.js';

const SIZE = 10;
const RETENTION = 100;
const S = Serdes.String();

async function setUp(
  supplier: (name: string) => WindowBytesStoreSupplier,
  configure: (b: WindowStoreBuilder<string, string>) => WindowStoreBuilder<string, string>,
  cacheMaxBytes?: number,
): Promise<WindowStoreUnderTest> {
  const context = new FakeStoreContext(cacheMaxBytes);
  const store = configure(Stores.windowStoreBuilder(supplier('w'), S, S)).build();
  await store.init(context, store);
  return {
    store,
    windowSize: SIZE,
    retentionPeriod: RETENTION,
    cached: store.wrapped instanceof CachingWindowedBytesStore,
    persistent: store.persistent(),
    async dispose() {
      await store.close();
      await context.cleanup();
    },
  };
}

const inMemory = (name: string) => Stores.inMemoryWindowStore(name, RETENTION, SIZE);
const leveldb = (name: string) => Stores.persistentWindowStore(name, RETENTION, SIZE);
const plain = (b: WindowStoreBuilder<string, string>) => b.withLoggingDisabled();
const logged = (b: WindowStoreBuilder<string, string>) => b;
const cached = (b: WindowStoreBuilder<string, string>) => b.withCachingEnabled();

windowStoreContract('in-memory', () => setUp(inMemory, plain));
windowStoreContract('leveldb', () => setUp(leveldb, plain));
windowStoreContract('logging(in-memory)', () => setUp(inMemory, logged));
windowStoreContract('caching(logging(in-memory))', () => setUp(inMemory, cached));
windowStoreContract('caching(logging(leveldb))', () => setUp(leveldb, cached));
// A tiny cache evicts on nearly every write, so reads mix cache and store.
windowStoreContract('caching(logging(leveldb)) with a 400-byte cache', () => setUp(leveldb, cached, 400));

describe('caching window store and retention', () => {
  it('serves a cached window after the store below expired it, as Kafka does', async () => {
    const sut = await setUp(inMemory, cached);
    const store = sut.store;
    store.put('k', 'old', 0);
    store.flush();
    store.put('k', 'new', RETENTION + 50);
    store.flush();
    expect(store.fetch('k', 0)).toBe('old');
    // The store below dropped it: a fresh read path (no cache) does not see it.
    const below = (store as unknown as { wrapped: { wrapped: { get(k: Buffer): Buffer | null } } }).wrapped.wrapped;
    expect(below.get(Buffer.from('6b' + '0000000000000000' + '00000000', 'hex'))).toBeNull();
    await sut.dispose();
  });
});
