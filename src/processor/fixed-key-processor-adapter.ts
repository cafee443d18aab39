import { FixedKeyRecord } from './fixed-key-record.js';
import { Record } from './record.js';
import type { FixedKeyProcessor, Processor } from './processor.js';
import type { FixedKeyProcessorContext } from './processor-context.js';

/** Runs a `FixedKeyProcessor` as a plain processor: records keep the key they came with. */
export function adaptFixedKeyProcessor(inner: FixedKeyProcessor<any, any, any>): Processor<any, any, any, any> {
  return {
    init(context) {
      const fixed: FixedKeyProcessorContext<any, any> = Object.create(context, {
        forward: {
          value: (record: FixedKeyRecord<any, any>, childName?: string) =>
            context.forward(new Record(record.key, record.value, record.timestamp, record.headers), childName),
        },
      });
      inner.init?.(fixed);
    },
    process(record) {
      return inner.process(new FixedKeyRecord(record.key, record.value, record.timestamp, record.headers));
    },
    close() {
      inner.close?.();
    },
  };
}
