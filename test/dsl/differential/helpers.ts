// What the differential programs share (see differential.test.ts): input topics in0, in1,
// ..., the output topic `out` with Java's text forms, and the program table's type.
import {
  Consumed,
  Grouped,
  JoinWindows,
  KeyValue,
  Produced,
  StreamBuilder,
  Windowed,
  type KGroupedStream,
  type KStream,
  type KTable,
} from '../../../src/index.js';
import { S } from '../driver-helpers.js';

export const digit = (v: string): number => v.charCodeAt(1) - 48;
export const windowed = (k: Windowed<string>): string => `${k.key}@${k.window.start}/${k.window.end}`;
export const joined = (l: string | null, r: string | null): string => `${l}/${r}`;
export const text = (v: unknown): string | null => (v === null ? null : String(v));

export function tableOut<V>(table: KTable<string, V>): void {
  table
    .toStream()
    .mapValues((v) => text(v))
    .to('out', Produced.with(S, S));
}

export function windowedOut<V>(table: KTable<Windowed<string>, V>): void {
  table
    .toStream()
    .map((k, v) => KeyValue.pair(windowed(k), text(v)))
    .to('out', Produced.with(S, S));
}

export const grouped = (b: StreamBuilder): KGroupedStream<string, string> => b.stream('in0', Consumed.with(S, S)).groupByKey(Grouped.with(S, S));
export const stream = (b: StreamBuilder, i: number): KStream<string, string> => b.stream(`in${i}`, Consumed.with(S, S));
export const table = (b: StreamBuilder, i: number): KTable<string, string> => b.table(`in${i}`, Consumed.with(S, S));
export const joinWindows = (): JoinWindows => JoinWindows.ofTimeDifferenceAndGrace(5, 3);

/**
 * Programs by name, each with the number of input topics it reads (in0, in1, ...) and its
 * wall-clock step: none = emit intervals 0 and a clock that stands still; otherwise the
 * default emit intervals, and the driver's clock advanced by that many ms before each record.
 */
export type Programs = { readonly [name: string]: readonly [topics: number, build: (b: StreamBuilder) => void, wallClockStepMs?: number] };
