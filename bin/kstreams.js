#!/usr/bin/env node
// The `kstreams` command. In a checkout (src/ present) it runs the TypeScript sources via tsx,
// as the apps it loads do (tsconfig maps 'kstreams' to src/): a stale dist/ would otherwise
// run old code, and its classes would not match the app's (`topology instanceof Topology`).
// An installed package has no src/ and uses the compiled library.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import(new URL('../dist/cli/main.js', import.meta.url).href));
}
// Exit explicitly: a client that failed to disconnect must not keep a closed app alive.
process.exit(await main(process.argv.slice(2)));
