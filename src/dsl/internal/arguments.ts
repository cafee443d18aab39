import { TopologyError } from '../../errors/topology-error.js';
import { Materialized } from '../materialized.js';
import { Named } from '../named.js';

/** Sorts the optional `(named?, materialized?)` arguments of table operators. */
export function splitNamedAndMaterialized<M extends Materialized<any, any>>(
  first: Named | M | undefined,
  second: M | undefined,
): [Named | undefined, M | undefined] {
  if (first instanceof Materialized) {
    if (second !== undefined) throw argumentError('Pass Named before Materialized, not two Materialized.');
    return [undefined, first];
  }
  if (first !== undefined && !(first instanceof Named)) throw argumentError('Expected a Named or a Materialized argument.');
  return [first, second];
}

/** Sorts the `(named?, ...storeNames)` arguments of `process`/`processValues`. */
export function splitNamedAndStores(rest: readonly (Named | string)[]): [Named | undefined, string[]] {
  const [first, ...others] = rest;
  if (first instanceof Named) return [first, others.map(checkStoreName)];
  return [undefined, rest.map(checkStoreName)];
}

/** Sorts the `(materialized?, named?, ...storeNames)` arguments of `KTable.transformValues`. */
export function splitTransformValuesArguments<M extends Materialized<any, any>>(
  rest: readonly (M | Named | string)[],
): [M | undefined, Named | undefined, string[]] {
  let i = 0;
  const materialized = rest[i] instanceof Materialized ? (rest[i++] as M) : undefined;
  const named = rest[i] instanceof Named ? (rest[i++] as Named) : undefined;
  return [materialized, named, rest.slice(i).map(checkStoreName)];
}

function checkStoreName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw argumentError('State store names must be non-empty strings (a Materialized, then a Named, go first).');
  return name;
}

function argumentError(message: string): TopologyError {
  return new TopologyError([{ code: 'invalid-argument', message }]);
}
