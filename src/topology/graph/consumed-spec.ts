import type { Serde } from '../../serdes/serde.js';
import type { TimestampExtractor } from '../../processor/timestamp-extractor.js';
import type { AutoOffsetReset } from '../../processor/auto-offset-reset.js';

/** How a source reads its topic (parsed `Consumed`); null serdes fall back to the defaults. */
export interface ConsumedSpec {
  readonly keySerde: Serde<any> | null;
  readonly valueSerde: Serde<any> | null;
  readonly timestampExtractor: TimestampExtractor | null;
  readonly offsetReset: AutoOffsetReset | null;
}
