// Kafka: HostInfo
import { ConfigError } from '../streams-config.js';

/**
 * Where an instance serves interactive queries: the `applicationServer` (`'host:port'`) it
 * was configured with. kstreams does not listen on it; the application runs its own server
 * there and uses `KafkaStreams.queryMetadataForKey` to route a query to the right instance.
 */
export class HostInfo {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {}

  /** The host of a key whose store is not known (Java's `HostInfo.unavailable()`): `unavailable:-1`. */
  static unavailable(): HostInfo {
    return UNAVAILABLE;
  }

  /** Parses `'host:port'`; throws `ConfigError` naming `applicationServer` otherwise. */
  static parse(endpoint: string): HostInfo {
    const at = endpoint.lastIndexOf(':');
    const port = Number(endpoint.slice(at + 1));
    if (at <= 0 || !/^\d+$/.test(endpoint.slice(at + 1)) || port > 65535) {
      throw new ConfigError(`applicationServer must be "host:port" (got ${JSON.stringify(endpoint)}).`);
    }
    return new HostInfo(endpoint.slice(0, at), port);
  }

  toString(): string {
    return `${this.host}:${this.port}`;
  }
}

const UNAVAILABLE = new HostInfo('unavailable', -1);
