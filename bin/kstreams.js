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
// Exit explicitly: a client that failed to disconnect must not keep a closed app alive.
process.exit(await main(process.argv.slice(2)));
