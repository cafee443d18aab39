// Kafka: WindowedChangelogTopicConfig
import type { StoreBuilderOptions } from './abstract-store-builder.js';

/** `window.store.change.log.additional.retention.ms`: how much longer than the store the changelog keeps records (1 day). */
export const ADDITIONAL_CHANGELOG_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Changelog topic configs of window and session stores: compacted and deleted after the
 * store's retention plus one day (Kafka's defaults; a given `retention.ms` wins).
 */
export function windowedChangelogDefaults(retentionPeriod: number): Readonly<{ [key: string]: string }> {
  const retention = Math.min(retentionPeriod + ADDITIONAL_CHANGELOG_RETENTION_MS, Number.MAX_SAFE_INTEGER);
  return Object.freeze({ 'cleanup.policy': 'compact,delete', 'retention.ms': String(retention) });
}

/** Builder defaults for windowed stores: logging on with the windowed changelog configs, caching off. */
export function windowedBuilderOptions(retentionPeriod: number): StoreBuilderOptions {
  return Object.freeze({ cachingEnabled: false, loggingEnabled: true, logConfig: windowedChangelogDefaults(retentionPeriod) });
}
