// Kafka: Branched
import type { KStream } from './kstream.js';

/**
 * One branch of `KStream.split()`: its name (appended to the split's prefix) and what to
 * do with the branch stream. With a function, the map holds what it returns (nothing when
 * it returns null or undefined); with a consumer, the branch gets no map entry.
 *
 * @example
 * stream.split(Named.as('route-'))
 *   .branch((k, v) => v.startsWith('a'), Branched.as('a'))
 *   .branch((k, v) => v.startsWith('b'), Branched.withConsumer((s) => s.to('b-topic')))
 *   .defaultBranch() // Map { 'route-a' => ..., 'route-0' => ... }
 */
export class Branched<K, V> {
  private constructor(
    readonly name: string | null,
    readonly chainFunction: ((branch: KStream<K, V>) => KStream<K, V> | null | undefined) | null,
    readonly chainConsumer: ((branch: KStream<K, V>) => void) | null,
  ) {}

  static as<K = any, V = any>(name: string): Branched<K, V> {
    return new Branched<K, V>(name, null, null);
  }

  static withFunction<K, V>(chain: (branch: KStream<K, V>) => KStream<K, V> | null | undefined, name?: string): Branched<K, V> {
    return new Branched(name ?? null, chain, null);
  }

  static withConsumer<K, V>(chain: (branch: KStream<K, V>) => void, name?: string): Branched<K, V> {
    return new Branched<K, V>(name ?? null, null, chain);
  }
}
