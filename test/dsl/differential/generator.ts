// The differential runs' input (see differential.test.ts): the generator of
// tools/java-reference/src/main/java/kstreams/reference/Differential.java, drawn in its order.

/** Records per seed (as in Differential.java). */
const RECORDS = 80;

/** Differential.java's generator: a 32-bit LCG, drawing from its high bits. */
function random(seed: number): (bound: number) => number {
  let state = seed >>> 0;
  return (bound) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % bound;
  };
}

export interface Input {
  readonly topic: number;
  readonly key: string;
  readonly value: string | null;
  readonly timestamp: number;
}

/** The input of one seed, drawn in Differential.java's order. */
export function inputs(seed: number, topics: number): Input[] {
  const next = random(seed);
  const letter = (): string => String.fromCharCode(97 + next(4));
  const out: Input[] = [];
  let time = 0;
  for (let i = 0; i < RECORDS; i++) {
    time += next(5);
    const topic = next(topics);
    const key = letter();
    const value = next(8) === 0 ? null : `${letter()}${next(10)}`;
    const timestamp = Math.max(0, time - (next(4) === 0 ? next(12) : 0));
    out.push({ topic, key, value, timestamp });
  }
  return out;
}
