// Kafka: Named
import { TopologyError } from '../errors/topology-error.js';

const MAX_NAME_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

/**
 * Throws a `TopologyError` for a name Kafka would reject: empty, `.` or `..`, longer than
 * 249 characters, or with characters other than ASCII letters, digits, `.`, `_` and `-`
 * (names end up in topic names).
 */
export function validateName(name: string, what = 'Name'): void {
  const problem =
    typeof name !== 'string' || name.length === 0
      ? `${what} is illegal, it can't be empty`
      : name === '.' || name === '..'
        ? `${what} cannot be "." or ".."`
        : name.length > MAX_NAME_LENGTH
          ? `${what} "${name}" is illegal, it can't be longer than ${MAX_NAME_LENGTH} characters`
          : !LEGAL.test(name)
            ? `${what} "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`
            : null;
  if (problem !== null) throw new TopologyError([{ code: 'illegal-name', node: String(name), message: `${problem}.` }]);
}

/**
 * The name of a DSL operator's processor node, instead of a generated one such as
 * `KSTREAM-FILTER-0000000001`. Naming operators keeps `describe()` readable and keeps
 * state and internal topics stable when the topology changes.
 *
 * @example stream.filter((k, v) => v !== null, Named.as('drop-nulls'))
 */
export class Named {
  private constructor(readonly name: string) {}

  /** A name of ASCII letters, digits, `.`, `_` and `-` (at most 249 characters). */
  static as(name: string): Named {
    validateName(name);
    return new Named(name);
  }
}
