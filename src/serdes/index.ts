export type { Deserializer, Serde, Serializer } from './serde.js';
export { Serdes } from './serdes.js';
export { serdeFrom } from './serde-from.js';
export { BigLongDeserializer, BigLongSerde, BigLongSerializer } from './big-long-serde.js';
export { BooleanDeserializer, BooleanSerde, BooleanSerializer } from './boolean-serde.js';
export { ByteArrayDeserializer, ByteArraySerde, ByteArraySerializer } from './byte-array-serde.js';
export { DoubleDeserializer, DoubleSerde, DoubleSerializer } from './double-serde.js';
export { FloatDeserializer, FloatSerde, FloatSerializer } from './float-serde.js';
export { IntegerDeserializer, IntegerSerde, IntegerSerializer } from './integer-serde.js';
export { JsonDeserializer, JsonSerde, JsonSerializer } from './json-serde.js';
export { LongDeserializer, LongSerde, LongSerializer } from './long-serde.js';
export { ShortDeserializer, ShortSerde, ShortSerializer } from './short-serde.js';
export { StringDeserializer, StringSerde, StringSerializer } from './string-serde.js';
export { UUIDDeserializer, UUIDSerde, UUIDSerializer } from './uuid-serde.js';
export { VoidDeserializer, VoidSerde, VoidSerializer } from './void-serde.js';
export { WindowedSerdes } from './windowed-serdes.js';
export {
  TimeWindowedDeserializer,
  TimeWindowedSerde,
  TimeWindowedSerializer,
  isWindowedSerializer,
  type WindowedSerializer,
} from './time-windowed-serde.js';
export { SessionWindowedDeserializer, SessionWindowedSerde, SessionWindowedSerializer } from './session-windowed-serde.js';
