// Kafka: Printed (and PrintedInternal)
import { openSync, closeSync } from 'node:fs';
import { TopologyError } from '../errors/topology-error.js';
import type { PrintTarget } from '../processor/builtin/kstream-print-processor.js';
import type { KeyValueMapper } from './functions.js';
import { validateName } from './named.js';


/**
 * How `KStream.print` writes each record: one line `[label]: key, value` to standard output
 * or to a file. The label defaults to the processor's name; `withKeyValueMapper` replaces
 * `key, value`. For debugging: every record is written at once, synchronously.
 *
 * @example stream.print(Printed.toSysOut<string, number>().withLabel('counts'))
 */
export class Printed<K, V> {
  private constructor(
    readonly target: PrintTarget,
    readonly label: string | null,
    /** The text after the label (typed loosely here, so that `Printed` follows its stream's types). */
    readonly mapper: ((key: any, value: any) => unknown) | null,
    /** The printer processor's name, or null for a generated `KSTREAM-PRINTER-...`. */
    readonly processorName: string | null,
  ) {}

  /** Prints to standard output. */
  static toSysOut<K, V>(): Printed<K, V> {
    return new Printed<K, V>({ kind: 'stdout' }, null, null, null);
  }

  /**
   * Prints to the file at `filePath`, created (or emptied) now, as Java's `Printed.toFile`
   * opens it; throws a `TopologyError` when it cannot be written.
   */
  static toFile<K, V>(filePath: string): Printed<K, V> {
    if (typeof filePath !== 'string' || filePath.trim() === '') {
      throw new TopologyError([{ code: 'invalid-print-file', message: "Printed.toFile: filePath can't be an empty string." }]);
    }
    try {
      closeSync(openSync(filePath, 'w'));
    } catch (error) {
      throw new TopologyError([{ code: 'invalid-print-file', message: `Printed.toFile: unable to write to [${filePath}]: ${(error as Error).message}.` }]);
    }
    return new Printed<K, V>({ kind: 'file', path: filePath }, null, null, null);
  }

  /** The label in front of each line (default: the processor's name). */
  withLabel(label: string): Printed<K, V> {
    return new Printed(this.target, label, this.mapper, this.processorName);
  }

  /** What is printed after the label, instead of `key, value`. */
  withKeyValueMapper(mapper: KeyValueMapper<K, V, unknown>): Printed<K, V> {
    return new Printed(this.target, this.label, mapper, this.processorName);
  }

  /** The printer processor's name (as `Named`). */
  withName(processorName: string): Printed<K, V> {
    validateName(processorName);
    return new Printed(this.target, this.label, this.mapper, processorName);
  }
}
