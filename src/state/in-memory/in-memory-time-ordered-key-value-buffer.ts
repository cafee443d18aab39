// Kafka: InMemoryTimeOrderedKeyValueChangeBuffer
import { OrderedMap } from '@js-sdsl/ordered-map';
import { Headers } from '../../processor/headers.js';
import type { Deserializer, Serde, Serializer } from '../../serdes/serde.js';
import type { StateStore } from '../state-store.js';
import type { RecordContext, StateStoreContext } from '../state-store-context.js';
import type { BufferEviction, TimeOrderedKeyValueBuffer } from '../time-ordered-key-value-buffer.js';
import { keyBytes, keyString } from '../internals/byte-keys.js';
import { bufferEntrySize, deserializeBufferValue, serializeBufferValue, type BufferValue } from '../internals/buffer-value.js';
import { defaultSerde } from '../internals/default-serde.js';

/** Changelog records carry header `v` = 3 (the format version), as Java's do. */
const CHANGELOG_HEADERS = Object.freeze(new Headers([{ key: 'v', value: Buffer.from([3]) }])) as Headers;

interface Entry {
  readonly time: number;
  /** Order key: sortable time + key (string form). */
  readonly order: string;
  readonly key: Buffer;
  value: BufferValue;
  size: number;
}

/** 8 chars that sort like the signed 64-bit time (sign bit flipped, big-endian). */
function timeOrder(time: number): string {
  const high = Math.floor(time / 4294967296);
  const low = time - high * 4294967296;
  const h = (high ^ 0x80000000) >>> 0;
  return String.fromCharCode(h >>> 24, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff, low >>> 24, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff);
}

/**
 * The suppression buffer: in memory, ordered by (buffer time, key bytes), with a changelog.
 * Dirty keys are logged on `flush()` (every commit): the latest entry, or a tombstone for a
 * key evicted since. Restore replays the changelog (version-3 records; older formats from
 * Kafka versions before 2.6 are not read).
 */
export class InMemoryTimeOrderedKeyValueBuffer<K, V> implements TimeOrderedKeyValueBuffer<K, V> {
  private readonly index = new Map<string, Entry>();
  private readonly sorted = new OrderedMap<string, Entry>();
  private readonly dirty = new Set<string>();
  private memBufferSize = 0;
  private open = false;
  private context: StateStoreContext | null = null;
  private topic = '';
  private keySer: Serializer<K> | null = null;
  private keyDe: Deserializer<K> | null = null;
  private valueSer: Serializer<V> | null = null;
  private valueDe: Deserializer<V> | null = null;

  constructor(
    readonly name: string,
    private readonly loggingEnabled: boolean,
    private readonly keySerde: Serde<K> | null,
    private readonly valueSerde: Serde<V> | null,
  ) {}

  init(context: StateStoreContext, root: StateStore): void {
    this.context = context;
    this.topic = context.changelogTopic(this.name);
    const keys = this.keySerde ?? (defaultSerde(context, 'key', this.name) as Serde<K>);
    const values = this.valueSerde ?? (defaultSerde(context, 'value', this.name) as Serde<V>);
    this.keySer = keys.serializer();
    this.keyDe = keys.deserializer();
    this.valueSer = values.serializer();
    this.valueDe = values.deserializer();
    context.register(root, this.loggingEnabled ? (records) => this.restore(records) : null);
    this.open = true;
  }

  put(time: number, key: K, newValue: V | null, oldValue: V | null, recordContext: RecordContext): void {
    const keyBuf = this.keySer!.serialize(this.topic, key);
    if (keyBuf === null) throw new Error(`Suppression buffer ${this.name}: a key may not serialize to null.`);
    const k = keyString(keyBuf);
    const newBytes = newValue === null ? null : this.valueSer!.serialize(this.topic, newValue);
    const oldBytes = oldValue === null ? null : this.valueSer!.serialize(this.topic, oldValue);
    const buffered = this.index.get(k);
    // The prior value is what the key had before it entered the buffer.
    const prior = buffered === undefined ? oldBytes : buffered.value.prior;
    this.cleanPut(time, k, keyBuf, { prior, old: oldBytes, new: newBytes, context: recordContext });
    if (this.loggingEnabled) this.dirty.add(k);
  }

  evictWhile(predicate: () => boolean, callback: (eviction: BufferEviction<K, V>) => void): void {
    while (this.sorted.size() > 0 && predicate()) {
      const entry = this.sorted.front()![1];
      const k = entry.order.slice(8);
      callback({
        key: this.keyDe!.deserialize(this.topic, entry.key) as K,
        newValue: entry.value.new === null ? null : this.valueDe!.deserialize(this.topic, entry.value.new),
        oldValue: entry.value.old === null ? null : this.valueDe!.deserialize(this.topic, entry.value.old),
        recordContext: entry.value.context,
      });
      this.remove(k, entry);
      if (this.loggingEnabled) this.dirty.add(k);
    }
  }

  numRecords(): number {
    return this.index.size;
  }

  bufferSize(): number {
    return this.memBufferSize;
  }

  minTimestamp(): number {
    return this.sorted.size() === 0 ? Number.POSITIVE_INFINITY : this.sorted.front()![1].time;
  }

  /** Logs each key changed since the last flush (before the record collector flushes). */
  flush(): void {
    if (!this.loggingEnabled || this.dirty.size === 0) return;
    const context = this.context!;
    const timestamp = context.recordContext().timestamp;
    for (const k of this.dirty) {
      const entry = this.index.get(k);
      if (entry === undefined) context.logChange(this.topic, keyBytes(k), null, Math.max(0, timestamp), new Headers());
      else context.logChange(this.topic, entry.key, serializeBufferValue(entry.value, entry.time), Math.max(0, timestamp), CHANGELOG_HEADERS);
    }
    this.dirty.clear();
  }

  close(): void {
    this.open = false;
    this.index.clear();
    this.sorted.clear();
    this.dirty.clear();
    this.memBufferSize = 0;
  }

  persistent(): boolean {
    return false;
  }

  isOpen(): boolean {
    return this.open;
  }

  private restore(records: readonly { key: Buffer; value: Buffer | null }[]): void {
    for (const r of records) {
      const k = keyString(r.key);
      if (r.value === null) {
        const entry = this.index.get(k);
        if (entry !== undefined) this.remove(k, entry);
      } else {
        const { value, time } = deserializeBufferValue(r.value);
        this.cleanPut(time, k, Buffer.from(r.key), value);
      }
    }
  }

  /** Inserts, or replaces the value of a buffered key in place (its time is kept). */
  private cleanPut(time: number, k: string, key: Buffer, value: BufferValue): void {
    const previous = this.index.get(k);
    const size = bufferEntrySize(key, value);
    if (previous === undefined) {
      const entry: Entry = { time, order: timeOrder(time) + k, key, value, size };
      this.index.set(k, entry);
      this.sorted.setElement(entry.order, entry);
      this.memBufferSize += size;
    } else {
      this.memBufferSize += size - previous.size;
      previous.value = value;
      previous.size = size;
    }
  }

  private remove(k: string, entry: Entry): void {
    this.index.delete(k);
    this.sorted.eraseElementByKey(entry.order);
    this.memBufferSize -= entry.size;
  }
}
