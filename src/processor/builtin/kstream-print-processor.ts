// Kafka: KStreamPrint + PrintForeachAction
import { appendFileSync } from 'node:fs';
import { inspect } from 'node:util';
import type { Processor } from '../processor.js';
import type { Record } from '../record.js';

/** Where `KStream.print` writes: standard output, or a file (created or emptied by `Printed.toFile`). */
export type PrintTarget = { readonly kind: 'stdout' } | { readonly kind: 'file'; readonly path: string };

/** A key or value as Java's `String.valueOf` would show it: strings as they are, objects inspected. */
function show(x: unknown): string {
  return typeof x === 'object' && x !== null ? inspect(x, { breakLength: Infinity, depth: 4 }) : String(x);
}

/** Writes `[label]: key, value` (or the mapper's text) per record, synchronously; forwards nothing. */
export class KStreamPrintProcessor implements Processor<unknown, unknown, never, never> {
  constructor(
    private readonly target: PrintTarget,
    private readonly label: string,
    private readonly mapper: ((key: any, value: any) => unknown) | null,
  ) {}

  process(record: Record<unknown, unknown>): void {
    const text = this.mapper === null ? `${show(record.key)}, ${show(record.value)}` : show(this.mapper(record.key, record.value));
    const line = `[${this.label}]: ${text}\n`;
    if (this.target.kind === 'stdout') process.stdout.write(line);
    else appendFileSync(this.target.path, line);
  }
}
