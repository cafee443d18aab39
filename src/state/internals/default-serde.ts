import { ProcessorStateError } from '../../errors/processor-state-error.js';
import type { Serde } from '../../serdes/serde.js';
import type { StateStoreContext } from '../state-store-context.js';

/** The application's default serde (`defaultKeySerde` / `defaultValueSerde` in the config). */
export function defaultSerde(context: StateStoreContext, kind: 'key' | 'value', store: string): Serde<unknown> {
  const configs = context.appConfigs;
  const serde = configs[kind === 'key' ? 'defaultKeySerde' : 'defaultValueSerde'] ?? configs[`default.${kind}.serde`];
  if (serde !== null && typeof serde === 'object' && 'serializer' in serde && 'deserializer' in serde) return serde as Serde<unknown>;
  throw new ProcessorStateError(
    `Store ${store} has no ${kind} serde: pass one to the store builder or set \`default${kind === 'key' ? 'Key' : 'Value'}Serde\` in the config.`,
  );
}
