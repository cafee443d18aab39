import { keyValueStoreContract, type StoreUnderTest } from '../contracts/key-value-store.contract.js';
import { InMemoryKeyValueBytesStore } from '../../src/state/in-memory/in-memory-key-value-bytes-store.js';
import { LevelDbKeyValueBytesStore } from '../../src/state/leveldb/leveldb-key-value-bytes-store.js';
import { CachingKeyValueStore } from '../../src/state/layers/caching-key-value-store.js';
import { ChangeLoggingKeyValueBytesStore } from '../../src/state/layers/change-logging-key-value-bytes-store.js';
import type { KeyValueBytesStore } from '../../src/state/key-value-bytes-store.js';
import type { KeyValueStore } from '../../src/state/key-value-store.js';
import { Stores } from '../../src/state/stores.js';
import { FakeStoreContext } from './fake-store-context.js';
import { bytesSerde } from './test-serdes.js';

async function setUp(store: KeyValueStore<Buffer, Buffer>, persistent: boolean, cacheMaxBytes?: number): Promise<StoreUnderTest> {
  const context = new FakeStoreContext(cacheMaxBytes);
  await store.init(context, store);
  return {
    store,
    persistent,
    async dispose() {
      await store.close();
      await context.cleanup();
    },
  };
}

const layered = (inner: KeyValueBytesStore): KeyValueBytesStore => new CachingKeyValueStore(new ChangeLoggingKeyValueBytesStore(inner));

keyValueStoreContract('in-memory', () => setUp(new InMemoryKeyValueBytesStore('s'), false));
keyValueStoreContract('leveldb', () => setUp(new LevelDbKeyValueBytesStore('s'), true));
keyValueStoreContract('caching(logging(in-memory))', () => setUp(layered(new InMemoryKeyValueBytesStore('s')), false));
keyValueStoreContract('caching(logging(leveldb))', () => setUp(layered(new LevelDbKeyValueBytesStore('s')), true));
// A tiny cache evicts on nearly every write, so reads and ranges mix cache and store.
keyValueStoreContract('caching(logging(leveldb)) with a 400-byte cache', () => setUp(layered(new LevelDbKeyValueBytesStore('s')), true, 400));
keyValueStoreContract('metered(caching(logging(leveldb))) from Stores', () =>
  setUp(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('s'), bytesSerde(), bytesSerde()).withCachingEnabled().build(), true),
);
keyValueStoreContract('metered(logging(in-memory)) from Stores', () =>
  setUp(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('s'), bytesSerde(), bytesSerde()).build(), false),
);
