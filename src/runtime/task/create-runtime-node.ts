import type { Processor } from '../../processor/processor.js';
import { FailOnInvalidTimestamp } from '../../processor/timestamp-extractor.js';
import type { Serde } from '../../serdes/serde.js';
import type { NodeSpec } from '../../topology/topology-nodes.js';
import { StreamsError } from '../../errors/streams-error.js';
import { ProcessorNode } from './processor-node.js';
import type { RuntimeNode } from './runtime-node.js';
import { SinkNode } from './sink-node.js';
import { SourceNode } from './source-node.js';
import type { TaskRuntime } from './task-runtime.js';

/**
 * The runtime node of one topology node for `task`: a source with its deserializers and
 * timestamp extractor, a processor from its supplier, or a sink with its serializers. Serdes
 * a node lacks come from the config's defaults; `runtimeTopic` maps topic names as the
 * runtime writes them (internal topics prefixed with the application id).
 */
export function createRuntimeNode(task: TaskRuntime, spec: NodeSpec, runtimeTopic: (topic: string) => string): RuntimeNode {
  const c = task.config;
  switch (spec.kind) {
    case 'source':
      return new SourceNode(
        spec.name,
        task,
        spec.keyDeserializer ?? defaultSerde(c.defaultKeySerde, spec.name, 'key').deserializer(),
        spec.valueDeserializer ?? defaultSerde(c.defaultValueSerde, spec.name, 'value').deserializer(),
        spec.timestampExtractor ?? c.defaultTimestampExtractor ?? FailOnInvalidTimestamp,
        c.deserializationExceptionHandler,
      );
    case 'processor':
      return new ProcessorNode(spec.name, task, spec.supplier() as Processor<unknown, unknown, unknown, unknown>, spec.stores);
    case 'sink':
      return new SinkNode(
        spec.name,
        task,
        spec.topic === null ? null : runtimeTopic(spec.topic),
        spec.extractor,
        spec.keySerializer ?? defaultSerde(c.defaultKeySerde, spec.name, 'key').serializer(),
        spec.valueSerializer ?? defaultSerde(c.defaultValueSerde, spec.name, 'value').serializer(),
        spec.partitioner,
      );
  }
}

function defaultSerde(serde: Serde<any> | null, node: string, part: 'key' | 'value'): Serde<any> {
  if (serde) return serde;
  throw new StreamsError(
    `Node ${node} has no ${part} serde and no default is configured: pass serdes to the node (e.g. Consumed.with / Produced.with) ` +
      `or set default${part === 'key' ? 'Key' : 'Value'}Serde in the config.`,
  );
}
