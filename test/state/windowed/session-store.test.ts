import { sessionStoreContract, type SessionStoreUnderTest } from '../../contracts/session-store.contract.js';
import { Serdes } from '../../../src/serdes/serdes.js';
import { Stores } from '../../../src/state/stores.js';
import type { SessionBytesStoreSupplier } from '../../../src/state/windowed-bytes-store.js';
import type { SessionStoreBuilder } from '../../../src/state/builders/session-store-builder.js';
import { FakeStoreContext } from '../fake-store-context.js';
import { CachingWindowedBytesStore } from '../../../src/state/layers/caching-windowed-bytes-store.js';

const RETENTION = 100;

async function setUp(
  supplier: (name: string) => SessionBytesStoreSupplier,
  configure: (b: SessionStoreBuilder<string, number>) => SessionStoreBuilder<string, number>,
  cacheMaxBytes?: number,
): Promise<SessionStoreUnderTest> {
  const context = new FakeStoreContext(cacheMaxBytes);
  const store = configure(Stores.sessionStoreBuilder(supplier('s'), Serdes.String(), Serdes.Long())).build();
  await store.init(context, store);
  return {
    store,
    retentionPeriod: RETENTION,
    cached: store.wrapped instanceof CachingWindowedBytesStore,
    async dispose() {
      await store.close();
      await context.cleanup();
    },
  };
}

const inMemory = (name: string) => Stores.inMemorySessionStore(name, RETENTION);
const leveldb = (name: string) => Stores.persistentSessionStore(name, RETENTION);
const plain = (b: SessionStoreBuilder<string, number>) => b.withLoggingDisabled();
const logged = (b: SessionStoreBuilder<string, number>) => b;
const cached = (b: SessionStoreBuilder<string, number>) => b.withCachingEnabled();

sessionStoreContract('in-memory', () => setUp(inMemory, plain));
sessionStoreContract('leveldb', () => setUp(leveldb, plain));
sessionStoreContract('logging(in-memory)', () => setUp(inMemory, logged));
sessionStoreContract('caching(logging(in-memory))', () => setUp(inMemory, cached));
sessionStoreContract('caching(logging(leveldb))', () => setUp(leveldb, cached));
sessionStoreContract('caching(logging(leveldb)) with a 400-byte cache', () => setUp(leveldb, cached, 400));
