#!/usr/bin/env node
// The `kstreams` command. Uses the compiled library when present, else the TypeScript sources (via tsx).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
let main;
if (existsSync(compiled)) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(new URL('../src/cli/main.ts', import.meta.url).href));
}
process.exitCode = await main(process.argv.slice(2));
