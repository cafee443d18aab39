import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Headers } from '../../../src/processor/headers.js';
import { InMemoryKeyValueBytesStore } from '../../../src/state/in-memory/in-memory-key-value-bytes-store.js';
import { ChangeLoggingKeyValueBytesStore } from '../../../src/state/layers/change-logging-key-value-bytes-store.js';
import { ChangeLoggingTimestampedKeyValueBytesStore } from '../../../src/state/layers/change-logging-timestamped-key-value-bytes-store.js';
import { withTimestamp } from '../../../src/state/internals/timestamped-bytes.js';
import { b, FakeStoreContext, type LoggedChange } from '../fake-store-context.js';

const show = (c: LoggedChange): string => `${c.topic} ${c.key}=${c.value === null ? 'null' : c.value.toString()}@${c.timestamp}`;

describe('ChangeLoggingKeyValueBytesStore', () => {
  let context: FakeStoreContext;
  let store: ChangeLoggingKeyValueBytesStore;

  beforeEach(async () => {
    context = new FakeStoreContext();
    store = new ChangeLoggingKeyValueBytesStore(new InMemoryKeyValueBytesStore('s'));
    await store.init(context, store);
  });

  afterEach(async () => {
    await store.close();
    await context.cleanup();
  });

  it('logs puts with the record timestamp and headers', () => {
    const headers = new Headers({ h: 'x' });
    context.setRecord(10, headers);
    store.put(b('a'), b('1'));
    expect(context.logged.map(show)).toEqual(['app-s-changelog a=1@10']);
    expect(context.logged[0]!.headers).toBe(headers);
    expect(store.get(b('a'))!.toString()).toBe('1');
  });

  it('logs deletes as tombstones, also for absent keys', () => {
    context.setRecord(20);
    store.put(b('a'), b('1'));
    store.delete(b('a'));
    store.delete(b('never'));
    store.put(b('b'), null);
    expect(context.logged.map(show)).toEqual([
      'app-s-changelog a=1@20',
      'app-s-changelog a=null@20',
      'app-s-changelog never=null@20',
      'app-s-changelog b=null@20',
    ]);
  });

  it('logs putIfAbsent only when it wrote, and every putAll entry', () => {
    store.putIfAbsent(b('a'), b('1'));
    store.putIfAbsent(b('a'), b('2'));
    store.putAll([
      { key: b('x'), value: b('9') },
      { key: b('a'), value: null },
    ]);
    expect(context.logged.map(show)).toEqual(['app-s-changelog a=1@0', 'app-s-changelog x=9@0', 'app-s-changelog a=null@0']);
  });
});

describe('ChangeLoggingTimestampedKeyValueBytesStore', () => {
  it('logs the raw value with the stored timestamp as record timestamp', async () => {
    const context = new FakeStoreContext();
    const inner = new InMemoryKeyValueBytesStore('t');
    const store = new ChangeLoggingTimestampedKeyValueBytesStore(inner);
    await store.init(context, store);
    context.setRecord(99);
    store.put(b('k'), withTimestamp(b('raw'), 1234));
    store.put(b('neg'), withTimestamp(b('old'), -1));
    store.delete(b('k'));
    expect(context.logged.map(show)).toEqual(['app-t-changelog k=raw@1234', 'app-t-changelog neg=old@-1', 'app-t-changelog k=null@99']);
    // Inside the store the value keeps Java's layout: 8-byte big-endian timestamp + raw value.
    expect(inner.get(b('neg'))!.toString('hex')).toBe('ffffffffffffffff' + b('old').toString('hex'));
    await store.close();
    await context.cleanup();
  });
});
