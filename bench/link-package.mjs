// Makes `import 'kstreams'` inside the compiled bench (.bench-dist) resolve to the compiled
// sources next to it, so examples and benchmarks share one copy of the library.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';

const dist = new URL('../.bench-dist/', import.meta.url);
// Its own package scope: otherwise Node resolves `kstreams` to the repo's package (./dist).
writeFileSync(new URL('package.json', dist), JSON.stringify({ type: 'module', private: true }));
writeFileSync(
  new URL('src/package.json', dist),
  JSON.stringify({ name: 'kstreams', type: 'module', exports: { '.': './index.js', './testing': './testing/index.js' } }),
);
mkdirSync(new URL('node_modules/', dist), { recursive: true });
rmSync(new URL('node_modules/kstreams', dist), { force: true, recursive: true });
symlinkSync('../src', new URL('node_modules/kstreams', dist), 'dir');
