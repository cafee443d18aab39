import type { Kafka } from 'kafkajs';
import type { ResolvedStreamsConfig } from '../streams-config.js';
import type {
  EngineConsumerOptions,
  EnginePartitionReaderOptions,
  EngineProducerOptions,
  EngineTransactionalProducerOptions,
  KafkaEngine,
} from './engine.js';
import { KafkaAdmin } from './kafka-admin.js';
import { createKafkaClient, kafkaClientOptions, type KafkaClientOptions } from './kafka-client.js';
import { KafkaConsumer } from './kafka-consumer.js';
import { KafkaProducer } from './kafka-producer.js';
import { PartitionReader } from './partition-reader.js';
import { TransactionalProducer } from './transactional-producer.js';

/**
 * The kafkajs 2.2.4 engine: one kafkajs client, and every admin, producer, consumer and
 * partition reader built from it with `allowAutoTopicCreation: false`.
 *
 * @example
 * const engine = KafkajsEngine.fromConfig(resolveStreamsConfig(config, KAFKA_CLIENT_CONFIG_KEYS));
 * const counts = await engine.admin().partitionCounts(['words']);
 */
export class KafkajsEngine implements KafkaEngine {
  readonly kafka: Kafka;

  constructor(readonly options: KafkaClientOptions) {
    this.kafka = createKafkaClient(options);
  }

  /** An engine for a resolved application config (brokers, clientId, kafkajs connection keys). */
  static fromConfig(config: ResolvedStreamsConfig): KafkajsEngine {
    return new KafkajsEngine(kafkaClientOptions(config));
  }

  admin(): KafkaAdmin {
    return new KafkaAdmin(this.kafka, this.options);
  }

  producer(options: EngineProducerOptions = {}): KafkaProducer {
    return new KafkaProducer(this.kafka, this.options, options);
  }

  transactionalProducer(options: EngineTransactionalProducerOptions): TransactionalProducer {
    return new TransactionalProducer(this.kafka, this.options, options);
  }

  consumer(options: EngineConsumerOptions): KafkaConsumer {
    return new KafkaConsumer(this.kafka, this.options, options);
  }

  partitionReader(options: EnginePartitionReaderOptions = {}): PartitionReader {
    return new PartitionReader(this.kafka, { ...options, brokers: this.options.brokers, retry: this.options.retry });
  }
}
