import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StreamBuilder } from '../../src/dsl/index.js';
import { programs } from './programs.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8');

// Expected texts come from Java Kafka Streams 4.4 (test/dsl/java/Describe.java).
describe('describe() equals Java Kafka Streams', () => {
  for (const [name, program] of Object.entries(programs)) {
    it(name, () => {
      const builder = new StreamBuilder();
      const config = program(builder);
      expect(builder.build(config).describe().toString()).toBe(fixture(name));
    });
  }
});
