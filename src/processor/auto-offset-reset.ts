// Kafka: org.apache.kafka.streams.AutoOffsetReset (KIP-1106)
import { Duration } from 'luxon';
import { StreamsError } from '../errors/streams-error.js';

/**
 * Where a source starts reading a partition for which the application has no committed
 * offset (Java's `AutoOffsetReset`): `earliest()` (the default, as in Kafka Streams),
 * `latest()`, `byDuration(d)` (the first record not older than `d` before now) or `none()`
 * (the instance stops with an error naming the partition). Given per source with
 * `Consumed.withOffsetResetPolicy` or `Topology.addSource({ offsetReset })`; the strings
 * `'earliest'` and `'latest'` are accepted too.
 *
 * @example builder.stream('clicks', Consumed.with(S, S).withOffsetResetPolicy(AutoOffsetReset.byDuration(Duration.fromObject({ hours: 1 }))))
 */
export class AutoOffsetReset {
  private static readonly EARLIEST = new AutoOffsetReset('earliest', null);
  private static readonly LATEST = new AutoOffsetReset('latest', null);
  private static readonly NONE = new AutoOffsetReset('none', null);

  private constructor(
    readonly type: 'earliest' | 'latest' | 'none' | 'by_duration',
    /** For `byDuration`: how far back from now, in milliseconds. */
    readonly durationMs: number | null,
  ) {}

  static earliest(): AutoOffsetReset {
    return AutoOffsetReset.EARLIEST;
  }

  static latest(): AutoOffsetReset {
    return AutoOffsetReset.LATEST;
  }

  static none(): AutoOffsetReset {
    return AutoOffsetReset.NONE;
  }

  /** From the first record whose timestamp is at most `duration` (ms or luxon Duration) before now. */
  static byDuration(duration: number | Duration): AutoOffsetReset {
    const ms = Duration.isDuration(duration) ? duration.toMillis() : duration;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new StreamsError(`AutoOffsetReset.byDuration needs a non-negative duration (got ${String(duration)}).`);
    }
    return new AutoOffsetReset('by_duration', ms);
  }

  /** @internal The policy a string or policy stands for. */
  static of(policy: OffsetResetPolicy): AutoOffsetReset {
    if (policy instanceof AutoOffsetReset) return policy;
    if (policy === 'earliest') return AutoOffsetReset.EARLIEST;
    if (policy === 'latest') return AutoOffsetReset.LATEST;
    throw new StreamsError(`Unknown offset reset policy ${JSON.stringify(policy)}: use AutoOffsetReset.earliest(), latest(), none() or byDuration(d).`);
  }

  equals(other: AutoOffsetReset | null): boolean {
    return other !== null && other.type === this.type && other.durationMs === this.durationMs;
  }

  toString(): string {
    return this.type === 'by_duration' ? `by_duration:${this.durationMs}ms` : this.type;
  }
}

/** An `AutoOffsetReset`, or its `'earliest'` / `'latest'` shorthand. */
export type OffsetResetPolicy = AutoOffsetReset | 'earliest' | 'latest';
