import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Materialized, StreamBuilder, TableJoined } from '../../src/dsl/index.js';
import { Serdes } from '../../src/serdes/serdes.js';
import { murmur3Hash128 } from '../../src/processor/builtin/joins/foreign-key/murmur3.js';
import { subscriptionResponseWrapperSerde } from '../../src/processor/builtin/joins/foreign-key/subscription-response-wrapper.js';
import { Instruction, subscriptionWrapperSerde } from '../../src/processor/builtin/joins/foreign-key/subscription-wrapper.js';
import { collect, driverFor, pipe, STRING_DEFAULTS } from './join-helpers.js';

// Expected outputs and describe() texts: Java Kafka Streams 4.4 (test/joins/java/Joins.java, run.sh).
const customerOf = (order: string): string | null => (order.includes(':') ? order.split(':')[0]! : null);
const FJ = (order: string | null, customer: string | null): string => `${order}/${customer}`;
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/java-describe/${name}.txt`, import.meta.url), 'utf8');

describe('KTable foreign-key join', () => {
  it('subscribes, answers, follows foreign-key changes and deletes (inner and left)', async () => {
    const b = new StreamBuilder();
    const orders = b.table<string, string>('orders');
    const customers = b.table<string, string>('customers');
    orders.join(customers, customerOf, FJ).toStream().to('inner');
    orders.leftJoin(customers, customerOf, FJ).toStream().to('left');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const [inner, left] = [collect(driver, 'inner'), collect(driver, 'left')];
    await pipe(
      driver,
      'customers c1 Alice @1', 'orders o1 c1:book @2', 'orders o2 c2:pen @3', 'customers c2 Bob @4', 'orders o1 c2:book @5',
      'customers c1 Alicia @6', 'customers c2 - @7', 'orders o2 - @8', 'orders o3 nofk @9', 'customers c2 Bobby @3',
      'orders o1 c1:lamp @4', 'orders o3 c1:cup @10', 'orders o1 c1:lamp @11', 'orders - c1:x @12',
    );
    // A foreign row's update carries its own timestamp; a subscription's answer the later of both.
    expect(inner()).toEqual([
      'o1 c1:book/Alice @2', 'o2 c2:pen/Bob @4', 'o1 c2:book/Bob @5', 'o1 null @7', 'o2 null @7', 'o2 null @8',
      'o1 c2:book/Bobby @3', 'o1 c1:lamp/Alicia @6', 'o3 c1:cup/Alicia @10', 'o1 c1:lamp/Alicia @11',
    ]);
    expect(left()).toEqual([
      'o1 c1:book/Alice @2', 'o2 c2:pen/null @3', 'o2 c2:pen/Bob @4', 'o1 c2:book/Bob @5', 'o1 c2:book/null @7', 'o2 c2:pen/null @7',
      'o2 null @8', 'o3 nofk/null @9', 'o1 c2:book/Bobby @3', 'o1 c1:lamp/Alicia @6', 'o3 c1:cup/Alicia @10', 'o1 c1:lamp/Alicia @11',
    ]);
  });

  it('drops a response made for an older version of the row (hash check)', async () => {
    const b = new StreamBuilder();
    const orders = b.table<string, string>('orders');
    orders.join(b.table<string, string>('customers'), customerOf, FJ).toStream().to('out');
    const driver = driverFor(b.build(STRING_DEFAULTS));
    const out = collect(driver, 'out');
    await pipe(driver, 'customers c1 Alice @1', 'orders o1 c1:book @2', 'orders o1 c1:lamp @3');
    expect(out()).toEqual(['o1 c1:book/Alice @2', 'o1 c1:lamp/Alice @3']);
    // A late response to o1's first version: its hash is that of "c1:book", not the current row.
    const response = driver.createInputTopic('KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000014-topic', Serdes.String().serializer(), subscriptionResponseWrapperSerde(Serdes.String()).serializer());
    await response.pipeInput('o1', { originalValueHash: murmur3Hash128(Buffer.from('c1:book')), foreignValue: 'Stale', primaryPartition: 0 }, 4);
    expect(out()).toEqual([]);
    await response.pipeInput('o1', { originalValueHash: murmur3Hash128(Buffer.from('c1:lamp')), foreignValue: 'Fresh', primaryPartition: 0 }, 5);
    expect(out()).toEqual(['o1 c1:lamp/Fresh @5']);
  });

  it('describe() equals Java: fk-join fixture (unnamed)', () => {
    const b = new StreamBuilder();
    const orders = b.table<string, string>('orders');
    const customers = b.table<string, string>('customers');
    orders.join(customers, customerOf, FJ).toStream().to('orders-enriched');
    expect(b.build(STRING_DEFAULTS).describe().toString()).toBe(fixture('fk-join'));
  });

  it('describe(): named by TableJoined, result materialized', () => {
    const b = new StreamBuilder();
    const orders = b.table<string, string>('orders');
    const customers = b.table<string, string>('customers');
    orders.leftJoin(customers, customerOf, FJ, TableJoined.as('fk'), Materialized.as('fk-result')).toStream().to('out');
    expect(b.build(STRING_DEFAULTS).describe().toString()).toBe(`Topologies:
   Sub-topology: 0
    Source: fk-subscription-response-source (topics: [fk-subscription-response-topic])
      --> fk-subscription-response-resolver
    Source: KSTREAM-SOURCE-0000000001 (topics: [orders])
      --> KTABLE-SOURCE-0000000002
    Processor: fk-subscription-response-resolver (stores: [orders-STATE-STORE-0000000000])
      --> fk-result
      <-- fk-subscription-response-source
    Processor: KTABLE-SOURCE-0000000002 (stores: [orders-STATE-STORE-0000000000])
      --> fk-subscription-registration-processor
      <-- KSTREAM-SOURCE-0000000001
    Processor: fk-result (stores: [fk-result])
      --> KTABLE-TOSTREAM-0000000019
      <-- fk-subscription-response-resolver
    Processor: KTABLE-TOSTREAM-0000000019 (stores: [])
      --> KSTREAM-SINK-0000000020
      <-- fk-result
    Processor: fk-subscription-registration-processor (stores: [])
      --> fk-subscription-registration-sink
      <-- KTABLE-SOURCE-0000000002
    Sink: KSTREAM-SINK-0000000020 (topic: out)
      <-- KTABLE-TOSTREAM-0000000019
    Sink: fk-subscription-registration-sink (topic: fk-subscription-registration-topic)
      <-- fk-subscription-registration-processor

  Sub-topology: 1
    Source: KSTREAM-SOURCE-0000000004 (topics: [customers])
      --> KTABLE-SOURCE-0000000005
    Source: fk-subscription-registration-source (topics: [fk-subscription-registration-topic])
      --> fk-subscription-receive
    Processor: KTABLE-SOURCE-0000000005 (stores: [customers-STATE-STORE-0000000003])
      --> fk-foreign-join-subscription
      <-- KSTREAM-SOURCE-0000000004
    Processor: fk-subscription-receive (stores: [fk-subscription-store])
      --> fk-subscription-join-foreign
      <-- fk-subscription-registration-source
    Processor: fk-foreign-join-subscription (stores: [fk-subscription-store])
      --> fk-subscription-response-sink
      <-- KTABLE-SOURCE-0000000005
    Processor: fk-subscription-join-foreign (stores: [customers-STATE-STORE-0000000003])
      --> fk-subscription-response-sink
      <-- fk-subscription-receive
    Sink: fk-subscription-response-sink (topic: fk-subscription-response-topic)
      <-- fk-subscription-join-foreign, fk-foreign-join-subscription

`);
  });
});

describe('foreign-key join wire formats (byte-compatible with Java)', () => {
  it('murmur3 hash128 equals Java Murmur3.hash128 (seed 104729)', () => {
    const vectors: [string, string][] = [
      ['', '9d2764a018e329428c3cf3b035938518'],
      ['a', '3361634e7e0f5188e9c7dda24eae326b'],
      ['hello', '30bfb4f39919e764566aea857401d1c6'],
      ['0123456789abcdef', '1a6e941ec6a76967d7d82808f505d6b1'],
      ['0123456789abcdefXYZ', 'bb31fe14c8ec1d0e325aa157c895f535'],
      ['c1:book', '1077f6e185c91d84ffd349f8aec3f77e'],
      ['a much longer value, more than thirty-two bytes long!', 'ee145006354ba51cfb9c01e98653a41c'],
    ];
    for (const [text, hex] of vectors) expect(murmur3Hash128(Buffer.from(text)).toString('hex')).toBe(hex);
  });

  it('subscription and response wrappers round-trip (hash, null hash, version 1 partition)', () => {
    const sub = subscriptionWrapperSerde(Serdes.String(), 'pk');
    const hash = murmur3Hash128(Buffer.from('x'));
    const bytes = sub.serializer().serialize('t', { hash, instruction: Instruction.PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE, primaryKey: 'o1', primaryPartition: 2 })!;
    expect(bytes.toString('hex')).toBe(`0103${hash.toString('hex')}${Buffer.from('o1').toString('hex')}00000002`);
    expect(sub.deserializer().deserialize('t', bytes)).toEqual({ hash, instruction: 3, primaryKey: 'o1', primaryPartition: 2 });
    const noHash = sub.serializer().serialize('t', { hash: null, instruction: Instruction.DELETE_KEY_AND_PROPAGATE, primaryKey: 'k', primaryPartition: 0 })!;
    expect(noHash.toString('hex')).toBe('81016b00000000');
    const res = subscriptionResponseWrapperSerde(Serdes.String());
    const r = res.serializer().serialize('t', { originalValueHash: null, foreignValue: 'v', primaryPartition: 1 })!;
    expect(r.toString('hex')).toBe('8076');
    expect(res.deserializer().deserialize('t', r)).toEqual({ originalValueHash: null, foreignValue: 'v', primaryPartition: null });
  });
});
