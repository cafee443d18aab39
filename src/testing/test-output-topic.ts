// Kafka: TestOutputTopic
import type { Deserializer } from '../serdes/serde.js';
import { KeyValue } from '../state/key-value.js';
import { StreamsError } from '../errors/streams-error.js';
import { fieldDecoder, type FieldDecoder } from './output-queue.js';
import { TestRecord } from './test-record.js';
import type { TopologyTestDriver } from './topology-test-driver.js';

/** Reads what a topology wrote to one topic of a `TopologyTestDriver`, oldest first. */
export class TestOutputTopic<K, V> {
  private readonly key: FieldDecoder<K>;
  private readonly value: FieldDecoder<V>;

  /** @internal Use `driver.createOutputTopic`. */
  constructor(
    private readonly driver: TopologyTestDriver,
    readonly name: string,
    keyDeserializer: Deserializer<K>,
    valueDeserializer: Deserializer<V>,
  ) {
    this.key = fieldDecoder(name, keyDeserializer);
    this.value = fieldDecoder(name, valueDeserializer);
  }

  /** Reads the next value; throws when the topic is empty. */
  readValue(): V | null {
    return this.readRecord().value;
  }

  /** Reads the next key and value; throws when the topic is empty. */
  readKeyValue(): KeyValue<K | null, V | null> {
    const r = this.readRecord();
    return KeyValue.pair(r.key, r.value);
  }

  /** Reads the next record with timestamp and headers; throws when the topic is empty. */
  readRecord(): TestRecord<K, V> {
    const record = this.driver.outputQueue(this.name).read(this.key, this.value);
    if (record === null) throw new StreamsError(`No more records in topic ${this.name}.`);
    return record;
  }

  /** Reads every remaining value. */
  readValuesToList(): (V | null)[] {
    return this.readRecordsToList().map((r) => r.value);
  }

  /** Reads every remaining key-value pair. */
  readKeyValuesToList(): KeyValue<K | null, V | null>[] {
    return this.readRecordsToList().map((r) => KeyValue.pair(r.key, r.value));
  }

  /** Reads every remaining record into a Map: the latest value per key (null values kept). */
  readKeyValuesToMap(): Map<K, V | null> {
    const out = new Map<K, V | null>();
    for (const r of this.readRecordsToList()) {
      if (r.key === null) throw new StreamsError(`readKeyValuesToMap: topic ${this.name} has a record with a null key; use readKeyValuesToList.`);
      out.set(r.key, r.value);
    }
    return out;
  }

  /** Reads every remaining record. */
  readRecordsToList(): TestRecord<K, V>[] {
    const out = new Array<TestRecord<K, V>>(this.getQueueSize());
    for (let i = 0; i < out.length; i++) out[i] = this.readRecord();
    return out;
  }

  isEmpty(): boolean {
    return this.getQueueSize() === 0;
  }

  /** Records not yet read. */
  getQueueSize(): number {
    return this.driver.outputQueue(this.name).size;
  }
}
