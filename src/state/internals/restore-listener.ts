import type { RestoreCallback, StateStoreContext } from '../state-store-context.js';

/**
 * A context for a wrapped store's `init` that calls `listener` after every batch the wrapped
 * store restores from its changelog, so a layer that keeps its own bookkeeping over the
 * wrapped store (a time index) sees restored records too. Everything else is the task's
 * context (delegated, not copied: `recordContext` changes while the task runs).
 */
export function withRestoreListener(context: StateStoreContext, listener: RestoreCallback): StateStoreContext {
  return {
    applicationId: context.applicationId,
    taskId: context.taskId,
    appConfigs: context.appConfigs,
    cacheMaxBytes: context.cacheMaxBytes,
    taskDb: () => context.taskDb(),
    changelogTopic: (storeName) => context.changelogTopic(storeName),
    logChange: (topic, key, value, timestamp, headers, valueOffset) => context.logChange(topic, key, value, timestamp, headers, valueOffset),
    recordContext: () => context.recordContext(),
    withRecordContext: (recordContext, fn) => context.withRecordContext(recordContext, fn),
    register(store, restore) {
      context.register(
        store,
        restore === null
          ? null
          : (records) => {
              restore(records);
              listener(records);
            },
      );
    },
  };
}
