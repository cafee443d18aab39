import type { TopologyIssue } from '../../errors/topology-error.js';
import type { Serde } from '../../serdes/serde.js';
import type { CompileConfig } from './compile-config.js';

/**
 * Fills missing serdes with the configured defaults, and records an issue (what needs the
 * serde and how to give it) where there is no default either.
 */
export class SerdeResolver {
  constructor(
    private readonly config: CompileConfig,
    private readonly issues: TopologyIssue[],
  ) {}

  key<T>(serde: Serde<T> | null, node: string, where: string, fix: string): Serde<T> | null {
    return this.resolve(serde, this.config.defaultKeySerde, 'key', node, where, fix);
  }

  value<T>(serde: Serde<T> | null, node: string, where: string, fix: string): Serde<T> | null {
    return this.resolve(serde, this.config.defaultValueSerde, 'value', node, where, fix);
  }

  private resolve<T>(serde: Serde<T> | null, fallback: Serde<any> | null, what: 'key' | 'value', node: string, where: string, fix: string): Serde<T> | null {
    if (serde !== null) return serde;
    if (fallback !== null) return fallback;
    const config = what === 'key' ? 'defaultKeySerde' : 'defaultValueSerde';
    this.issues.push({
      code: 'missing-serde',
      node,
      message: `${where} has no ${what} serde and no ${config} is configured: ${fix}, or set ${config} in the build config.`,
    });
    return null;
  }
}
