import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { Topology } from '../topology/topology.js';
import type { StreamsConfig } from '../runtime/streams-config.js';

/** What an application module exports for `kstreams run`. */
export interface AppModule {
  /** The topology, or a function building it (may be async). */
  readonly topology?: Topology;
  readonly buildTopology?: () => Topology | Promise<Topology>;
  /** The application's config (overridable from env and flags). */
  readonly config?: Partial<StreamsConfig>;
}

/** Imports an application module (TypeScript through tsx when installed) and builds its topology. */
export async function loadApp(path: string): Promise<{ topology: Topology; config: Partial<StreamsConfig> }> {
  if (/\.[cm]?ts$/.test(path)) {
    const tsx = (await import('tsx/esm/api').catch(() => null)) as { register: () => unknown } | null;
    if (!tsx) throw new Error(`Cannot load ${path}: running TypeScript needs the "tsx" package (npm install tsx), or compile the app to JavaScript.`);
    tsx.register();
  }
  const mod = (await import(pathToFileURL(resolve(path)).href)) as AppModule & { default?: AppModule };
  const app: AppModule = mod.topology || mod.buildTopology ? mod : (mod.default ?? mod);
  const topology = app.topology ?? (await app.buildTopology?.());
  if (!(topology instanceof Topology)) {
    throw new Error(`${path} must export "topology" (a Topology) or "buildTopology()" returning one, and "config".`);
  }
  return { topology, config: app.config ?? {} };
}
