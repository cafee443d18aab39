import type { AutoOffsetReset } from '../processor/auto-offset-reset.js';
import type { Topology } from '../topology/topology.js';

/**
 * The offset reset policy of the (non-global) source reading `topic`, or null when it has
 * none (earliest, as in Kafka Streams). Internal topics have none.
 */
export function offsetResetOf(topology: Topology, topic: string): AutoOffsetReset | null {
  for (const node of topology.nodes.values()) {
    if (node.kind !== 'source' || node.global || node.offsetReset === null) continue;
    if (node.topics !== null ? node.topics.includes(topic) : new RegExp(node.pattern!.source, node.pattern!.flags.replace('g', '')).test(topic)) return node.offsetReset;
  }
  return null;
}
