/**
 * Lifecycle of a `KafkaStreams` instance (Java's `KafkaStreams.State`):
 * CREATED -> REBALANCING <-> RUNNING -> PENDING_SHUTDOWN -> NOT_RUNNING, and
 * PENDING_ERROR -> ERROR after a fatal error.
 */
export enum StreamsState {
  CREATED = 'CREATED',
  REBALANCING = 'REBALANCING',
  RUNNING = 'RUNNING',
  PENDING_SHUTDOWN = 'PENDING_SHUTDOWN',
  NOT_RUNNING = 'NOT_RUNNING',
  PENDING_ERROR = 'PENDING_ERROR',
  ERROR = 'ERROR',
}

const NEXT: Readonly<Record<StreamsState, readonly StreamsState[]>> = {
  CREATED: [StreamsState.REBALANCING, StreamsState.PENDING_SHUTDOWN, StreamsState.PENDING_ERROR],
  REBALANCING: [StreamsState.RUNNING, StreamsState.REBALANCING, StreamsState.PENDING_SHUTDOWN, StreamsState.PENDING_ERROR],
  RUNNING: [StreamsState.REBALANCING, StreamsState.PENDING_SHUTDOWN, StreamsState.PENDING_ERROR],
  PENDING_SHUTDOWN: [StreamsState.NOT_RUNNING],
  NOT_RUNNING: [StreamsState.PENDING_SHUTDOWN],
  PENDING_ERROR: [StreamsState.ERROR],
  ERROR: [StreamsState.PENDING_SHUTDOWN],
};

/** Whether `from -> to` is a legal transition. */
export function canTransition(from: StreamsState, to: StreamsState): boolean {
  return NEXT[from].includes(to);
}
