// Kafka: the outer join store of a stream-stream join (ListValueStore over TimestampedKeyAndJoinSide -> LeftOrRightValue)
import { StreamsError } from '../../../../errors/streams-error.js';
import type { Deserializer, Serde, Serializer } from '../../../../serdes/serde.js';
import type { KeyValueStore } from '../../../../state/key-value-store.js';

/** A record parked until its window closes: its key, timestamp, side and value. */
export interface OuterRecord {
  readonly key: unknown;
  readonly timestamp: number;
  readonly left: boolean;
  readonly value: unknown;
}

/** Serdes of the join key and of each side's values. */
export interface OuterJoinSerdes {
  readonly key: Serde<any>;
  readonly left: Serde<any>;
  readonly right: Serde<any>;
}

interface SerDe {
  readonly ser: Serializer<unknown>;
  readonly de: Deserializer<unknown>;
}

const serDe = (serde: Serde<any>): SerDe => ({ ser: serde.serializer(), de: serde.deserializer() });

/** Java's `ListSerde` strategy flag for variable-size entries. */
const VARIABLE_SIZE = 1;

/**
 * The records of a left or outer stream-stream join that have no partner yet, in a bytes
 * key-value store with Java's layout (so changelogs are compatible): key = 8-byte timestamp,
 * side byte (1 left, 0 right), key bytes; value = a `ListSerde` list of side byte + value
 * bytes. Keys order by timestamp first, which lets the emitter stop at the first record
 * whose window is still open.
 */
export class OuterJoinStore {
  private readonly key: SerDe;
  private readonly left: SerDe;
  private readonly right: SerDe;

  constructor(
    private readonly store: KeyValueStore<Buffer, Buffer>,
    serdes: OuterJoinSerdes,
    private readonly topic: string,
  ) {
    this.key = serDe(serdes.key);
    this.left = serDe(serdes.left);
    this.right = serDe(serdes.right);
  }

  private keyBytes(key: unknown, timestamp: number, left: boolean): Buffer {
    const k = this.key.ser.serialize(this.topic, key);
    if (k === null) throw new StreamsError('A stream-stream join key serialized to null.');
    const out = Buffer.allocUnsafe(9 + k.length);
    out.writeBigInt64BE(BigInt(timestamp), 0);
    out[8] = left ? 1 : 0;
    k.copy(out, 9);
    return out;
  }

  /** Parks a record (appended to those already parked under the same key, time and side). */
  add(record: OuterRecord): void {
    const value = (record.left ? this.left : this.right).ser.serialize(this.topic, record.value);
    if (value === null) return;
    const entry = Buffer.concat([Buffer.of(record.left ? 1 : 0), value]);
    const key = this.keyBytes(record.key, record.timestamp, record.left);
    const old = this.store.get(key);
    const list = old === null ? [] : decodeList(old);
    list.push(entry);
    this.store.put(key, encodeList(list));
  }

  /** Drops every record parked under `key` at `timestamp` on one side (it found a partner). */
  remove(key: unknown, timestamp: number, left: boolean): void {
    const k = this.keyBytes(key, timestamp, left);
    if (this.store.get(k) !== null) this.store.put(k, null);
  }

  /** Deletes one stored key (all its records). */
  delete(keyBytes: Buffer): void {
    this.store.put(keyBytes, null);
  }

  /** Parked keys in time order, each with the number of its records and the records in arrival order. */
  *keys(): Generator<{ readonly bytes: Buffer; readonly timestamp: number; readonly left: boolean; readonly count: number; records(): OuterRecord[] }> {
    const it = this.store.all();
    try {
      while (it.hasNext()) {
        const { key: bytes, value } = it.next();
        const timestamp = Number(bytes.readBigInt64BE(0));
        const left = bytes[8] === 1;
        yield { bytes, timestamp, left, count: listSize(value), records: () => this.decode(bytes, timestamp, left, value) };
      }
    } finally {
      it.close();
    }
  }

  private decode(bytes: Buffer, timestamp: number, left: boolean, value: Buffer): OuterRecord[] {
    const key = this.key.de.deserialize(this.topic, Buffer.from(bytes.subarray(9)));
    return decodeList(value).map((entry) => {
      const side = entry[0] === 1 ? this.left : this.right;
      return { key, timestamp, left, value: side.de.deserialize(this.topic, Buffer.from(entry.subarray(1))) };
    });
  }
}

function encodeList(entries: readonly Buffer[]): Buffer {
  const out = Buffer.allocUnsafe(5 + entries.reduce((n, e) => n + 4 + e.length, 0));
  out[0] = VARIABLE_SIZE;
  out.writeInt32BE(entries.length, 1);
  let at = 5;
  for (const e of entries) {
    out.writeInt32BE(e.length, at);
    e.copy(out, at + 4);
    at += 4 + e.length;
  }
  return out;
}

function listSize(bytes: Buffer): number {
  if (bytes[0] !== VARIABLE_SIZE) throw new StreamsError(`Unexpected list encoding ${bytes[0]} in a stream-stream join's outer store.`);
  return bytes.readInt32BE(1);
}

function decodeList(bytes: Buffer): Buffer[] {
  const size = listSize(bytes);
  const out: Buffer[] = [];
  let at = 5;
  for (let i = 0; i < size; i++) {
    const length = bytes.readInt32BE(at);
    out.push(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return out;
}
