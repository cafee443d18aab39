package kstreams.reference;

import static java.time.Duration.ofMillis;
import static kstreams.reference.DifferentialPrograms.S;
import static kstreams.reference.DifferentialPrograms.digit;
import static kstreams.reference.DifferentialPrograms.windowed;

import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.ValueTransformerWithKey;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowStore;

/** The Processor API parts of the differential programs, each the twin of one in test/dsl/differential/processors.ts. */
final class DifferentialProcessors {
    private DifferentialProcessors() {}

    /** Counts records; every `intervalMs` (of `type` time) forwards (`key`, count since the last punctuation). */
    static final class PunctuatingCounter implements Processor<String, String, String, String> {
        private final PunctuationType type;
        private final long intervalMs;
        private final String key;
        private int seen;

        PunctuatingCounter(final PunctuationType type, final long intervalMs, final String key) {
            this.type = type;
            this.intervalMs = intervalMs;
            this.key = key;
        }

        @Override
        public void init(final ProcessorContext<String, String> context) {
            context.schedule(ofMillis(intervalMs), type, ts -> {
                context.forward(new Record<>(key, String.valueOf(seen), ts));
                seen = 0;
            });
        }

        @Override
        public void process(final Record<String, String> record) {
            seen++;
        }
    }

    /**
     * `key=value,` per entry (`keyText` of each key). Null values are left out: Java 4.4's
     * caching stores return a key deleted in the cache (and absent below) with a null value from
     * a reverse scan when it sorts after the store's next key (their skip of deleted cache
     * entries assumes forward order); ours skip such a key, as forward scans do in both.
     */
    static <K> String scan(final KeyValueIterator<K, String> it, final Function<K, String> keyText) {
        final StringBuilder out = new StringBuilder();
        try (it) {
            while (it.hasNext()) {
                final KeyValue<K, String> kv = it.next();
                if (kv.value != null) out.append(keyText.apply(kv.key)).append('=').append(kv.value).append(',');
            }
        }
        return out.toString();
    }

    /**
     * Keeps values in store "kv" (keys a-d and, for values with digits divisible by 3, key+"x"
     * with putIfAbsent; a null value deletes), forwards what each write replaced, and every 6 ms
     * of stream time forwards scans: all(), reverseRange("b", "c") and prefixScan("a").
     */
    static final class StoreScanner implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, String> store;

        @Override
        public void init(final ProcessorContext<String, String> context) {
            this.context = context;
            store = context.getStateStore("kv");
            context.schedule(ofMillis(6), PunctuationType.STREAM_TIME, ts -> {
                context.forward(new Record<>("all", scan(store.all(), k -> k), ts));
                context.forward(new Record<>("rev", scan(store.reverseRange("b", "c"), k -> k), ts));
                context.forward(new Record<>("pre", scan(store.prefixScan("a", S.serializer()), k -> k), ts));
            });
        }

        @Override
        public void process(final Record<String, String> record) {
            final String old;
            if (record.value() == null) old = store.delete(record.key());
            else if (digit(record.value()) % 3 == 0) old = store.putIfAbsent(record.key() + "x", record.value());
            else {
                old = store.get(record.key());
                store.put(record.key(), record.value());
            }
            context.forward(record.withValue(String.valueOf(old)));
        }
    }

    /**
     * Window store "ws" (retention 30 ms, windows of 10): each record puts its value (null
     * deletes) into its key's window at ts - ts % 10 and forwards fetch(key, ts - 20, ts); every
     * 7 ms of stream time forwards fetchAll(t - 25, t), backwardFetch("b", "c", t - 25, t) and
     * backwardAll().
     */
    static final class WindowStoreScanner implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private WindowStore<String, String> store;

        @Override
        public void init(final ProcessorContext<String, String> context) {
            this.context = context;
            store = context.getStateStore("ws");
            context.schedule(ofMillis(7), PunctuationType.STREAM_TIME, ts -> {
                context.forward(new Record<>("all", scan(store.fetchAll(ts - 25, ts), DifferentialPrograms::windowed), ts));
                context.forward(new Record<>("rev", scan(store.backwardFetch("b", "c", ts - 25, ts), DifferentialPrograms::windowed), ts));
                context.forward(new Record<>("ball", scan(store.backwardAll(), DifferentialPrograms::windowed), ts));
            });
        }

        @Override
        public void process(final Record<String, String> record) {
            final long ts = record.timestamp();
            store.put(record.key(), record.value(), ts - ts % 10);
            context.forward(record.withValue(scan(store.fetch(record.key(), ts - 20, ts), String::valueOf)));
        }
    }

    /**
     * Session store "ss" (retention 30 ms): each record puts its value as the session
     * [max(0, ts - digit), ts] of its key (a null value removes [ts, ts]) and forwards
     * findSessions(key, ts - 10, ts); every 7 ms of stream time forwards fetch("a"),
     * findSessions("b", "d", t - 20, t) and backwardFindSessions("b", "d", t - 20, t).
     */
    static final class SessionStoreScanner implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private SessionStore<String, String> store;

        @Override
        public void init(final ProcessorContext<String, String> context) {
            this.context = context;
            store = context.getStateStore("ss");
            context.schedule(ofMillis(7), PunctuationType.STREAM_TIME, ts -> {
                context.forward(new Record<>("a", scan(store.fetch("a"), DifferentialPrograms::windowed), ts));
                context.forward(new Record<>("bd", scan(store.findSessions("b", "d", ts - 20, ts), DifferentialPrograms::windowed), ts));
                context.forward(new Record<>("rev", scan(store.backwardFindSessions("b", "d", ts - 20, ts), DifferentialPrograms::windowed), ts));
            });
        }

        @Override
        public void process(final Record<String, String> record) {
            final long ts = record.timestamp();
            if (record.value() == null) store.remove(new Windowed<>(record.key(), new SessionWindow(ts, ts)));
            else store.put(new Windowed<>(record.key(), new SessionWindow(Math.max(0, ts - digit(record.value())), ts)), record.value());
            context.forward(record.withValue(scan(store.findSessions(record.key(), ts - 10, ts), DifferentialPrograms::windowed)));
        }
    }

    /** Forwards each value after the key's previous one ("prev>value"), kept in store "pv" (a null value keeps it). */
    static final class PreviousValue implements FixedKeyProcessor<String, String, String> {
        private FixedKeyProcessorContext<String, String> context;
        private KeyValueStore<String, String> store;

        @Override
        public void init(final FixedKeyProcessorContext<String, String> context) {
            this.context = context;
            store = context.getStateStore("pv");
        }

        @Override
        public void process(final FixedKeyRecord<String, String> record) {
            final String old = store.get(record.key());
            if (record.value() != null) store.put(record.key(), record.value());
            context.forward(record.withValue(old + ">" + record.value()));
        }
    }

    /**
     * Appends to each value the first letter of the value it last transformed for the key
     * (kept in store "tv"; "-" the first time). Called for old values too, as Java does.
     */
    static final class FirstLetterOfLast implements ValueTransformerWithKey<String, String, String> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(final org.apache.kafka.streams.processor.ProcessorContext context) {
            store = context.getStateStore("tv");
        }

        @Override
        public String transform(final String key, final String value) {
            final String last = store.get(key);
            if (value != null) store.put(key, value);
            return value == null ? null : value + (last == null ? "-" : last.substring(0, 1));
        }

        @Override
        public void close() {}
    }
}
