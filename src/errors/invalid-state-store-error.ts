import { StreamsError } from './streams-error.js';

/** A store cannot be queried now (not hosted here, rebalancing or restoring): retry later. */
export class InvalidStateStoreError extends StreamsError {}
