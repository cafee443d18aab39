// Kafka: StringSerializer, StringDeserializer, Serdes.StringSerde (UTF-8 only)
import { SerializationError } from '../errors/serialization-error.js';
import { describeValue } from './internal/describe-value.js';
import type { RangeDeserializer } from './internal/range-deserializer.js';
import { scratchBuffer, type ScratchSerializer, type ScratchSlot } from './internal/scratch-serializer.js';
import type { Serde } from './serde.js';

// Java's UTF-8 encoder writes '?' for an unpaired surrogate where Node writes U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `String.prototype.isWellFormed` (Node 20+), missing from the ES2022 lib typings. */
interface WellFormedCheck {
  isWellFormed(): boolean;
}

/**
 * Writes a string as UTF-8, byte for byte like Java's `StringSerializer` (an unpaired
 * surrogate becomes `?`, as in Java). Stateless; share one instance.
 *
 * @example new StringSerializer().serialize('t', 'hé') // <68 c3 a9>
 */
export class StringSerializer implements ScratchSerializer<string> {
  serialize(topic: string, data: string | null): Buffer | null {
    if (data === null) return null;
    if (typeof data !== 'string') {
      throw new SerializationError(
        `Serdes.String() cannot serialize ${describeValue(data)} for topic "${topic}": expected a string` +
          (data === undefined ? ' (use null for a tombstone)' : '; use Serdes.Json() for objects or the matching number serde'),
      );
    }
    const ascii = data.length <= ASCII_FAST_PATH_MAX ? shortAscii(data) : null;
    if (ascii !== null) {
      // Reading these bytes back (a repartition topic) then finds the string in the memo.
      lastText = data;
      return ascii;
    }
    const text = (data as unknown as WellFormedCheck).isWellFormed() ? data : data.replace(LONE_SURROGATE, '?');
    return Buffer.from(text, 'utf8');
  }

  /** @internal `serialize` into a reusable buffer (see `ScratchSerializer`). */
  serializeScratch(topic: string, data: string | null, slot: ScratchSlot): Buffer | null {
    if (typeof data === 'string' && data.length <= ASCII_FAST_PATH_MAX) {
      const out = scratchBuffer(slot, data.length)!;
      if (writeAscii(data, out)) {
        lastText = data;
        return out;
      }
    }
    return this.serialize(topic, data);
  }
}

/** Longest string encoded by `shortAscii`; past it the native encoder is as fast. */
const ASCII_FAST_PATH_MAX = 16;

/**
 * The bytes of a short ASCII string, or null if it has another character. Keys are mostly
 * short ASCII strings, and `Buffer.from` costs two native calls (measure, then write): this
 * loop into a pooled `allocUnsafe` slice is ~3x faster for them. ASCII is its own UTF-8.
 */
function shortAscii(data: string): Buffer | null {
  const out = Buffer.allocUnsafe(data.length);
  return writeAscii(data, out) ? out : null;
}

/** Writes `data` into `out` (of its length) if every character is ASCII; false otherwise. */
function writeAscii(data: string, out: Buffer): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c > 0x7f) return false;
    out[i] = c;
  }
  return true;
}

/**
 * Reads UTF-8 bytes as a string, like Java's `StringDeserializer`: malformed bytes become
 * U+FFFD (an encoded surrogate such as `ed a0 80` gives three U+FFFD here, one in Java).
 *
 * @example new StringDeserializer().deserialize('t', Buffer.from('abc')) // 'abc'
 */
export class StringDeserializer implements RangeDeserializer<string> {
  deserialize(_topic: string, data: Buffer | null): string | null {
    if (data === null) return null;
    return this.deserializeRange(_topic, data, 0, data.length);
  }

  /** @internal `deserialize` of `data[start, end)`, without making the view. */
  deserializeRange(_topic: string, data: Buffer, start: number, end: number): string {
    const last = lastText;
    const length = end - start;
    if (length === last.length && sameChars(data, start, last)) return last;
    const text = (length <= ASCII_FAST_PATH_MAX ? shortAsciiText(data, start, end) : null) ?? data.toString('utf8', start, end);
    if (text.length === length && length <= MEMO_MAX_LENGTH) lastText = text;
    return text;
  }
}

const MEMO_MAX_LENGTH = 32;

/** Reusable char-code arrays, one per length up to `ASCII_FAST_PATH_MAX`. */
const CHAR_CODES = Array.from({ length: ASCII_FAST_PATH_MAX + 1 }, (_, n) => new Array<number>(n).fill(0));

/**
 * `data[start, end)` as a string if every byte is ASCII (its own UTF-8), else null. For
 * short keys, one `fromCharCode` over the codes is ~2.5x faster than the native decoder,
 * whose call costs more than the decoding (the mirror of `shortAscii`).
 */
function shortAsciiText(data: Buffer, start: number, end: number): string | null {
  const codes = CHAR_CODES[end - start]!;
  let any = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = data[start + i]!;
    any |= c;
    codes[i] = c;
  }
  return any > 0x7f ? null : String.fromCharCode.apply(null, codes);
}

/**
 * The string deserializers' memo: a short string of one character per byte, last read or
 * written. Equal bytes often come in a row (a repartitioned word count writes each word as
 * key and value, reads it back, then reads it again as the store's flushed key), and
 * comparing a few bytes is cheaper than the native decoder. A byte that is not ASCII
 * decodes to U+FFFD, which no byte equals, so a hit is exact whoever set the memo.
 */
let lastText = '';

function sameChars(data: Buffer, start: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (data[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

const SERIALIZER = new StringSerializer();
const DESERIALIZER = new StringDeserializer();

/**
 * UTF-8 strings, byte-compatible with Java's `Serdes.String()`. Stateless.
 *
 * @example builder.stream('words', Consumed.with(Serdes.String(), Serdes.String()))
 */
export class StringSerde implements Serde<string> {
  serializer(): StringSerializer {
    return SERIALIZER;
  }

  deserializer(): StringDeserializer {
    return DESERIALIZER;
  }
}
