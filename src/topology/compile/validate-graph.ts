import type { TopologyIssue } from '../../errors/topology-error.js';
import type { Graph } from '../graph/graph.js';
import { visitNode } from '../graph/graph-node.js';
import type { CompileConfig } from './compile-config.js';
import { graphResources, type NodeResources, type ResourceStore } from './graph-resources.js';

type Resources = NodeResources & { readonly node: string };
import type { TableSemantics } from './table-semantics.js';

/**
 * Problems found before anything is written: names used twice, stores used but never
 * added or added twice, and (with `ensureExplicitInternalResourceNaming`) stores,
 * changelogs and repartition topics whose names were generated.
 */
export function validateGraph(graph: Graph, tables: TableSemantics, config: CompileConfig): TopologyIssue[] {
  const issues: TopologyIssue[] = [];
  const resources = graph.nodes.map((n) => ({ ...visitNode(graphResources, n, tables), node: n.name }));
  checkNames(resources, issues);
  checkStores(resources, issues);
  if (config.ensureExplicitInternalResourceNaming) checkExplicitNames(resources, issues);
  return issues;
}

function checkNames(resources: readonly Resources[], issues: TopologyIssue[]): void {
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const name of resources.flatMap((r) => r.names)) {
    if (!seen.has(name)) {
      seen.add(name);
    } else if (!reported.has(name)) {
      reported.add(name);
      issues.push({
        code: 'duplicate-name',
        node: name,
        message: `More than one processor is named "${name}"; node names must be unique: give one of the operators another name (Named, Grouped, Produced, Consumed, Repartitioned or Materialized).`,
      });
    }
  }
}

function checkStores(resources: readonly Resources[], issues: TopologyIssue[]): void {
  const specs = new Map<string, ResourceStore>();
  const added = new Set<string>();
  for (const r of resources) {
    for (const spec of r.stores) {
      const other = specs.get(spec.name);
      if ((other !== undefined && other !== spec) || (other === undefined && added.has(spec.name))) {
        issues.push({
          code: 'duplicate-store',
          node: spec.name,
          message: `More than one store is named "${spec.name}"; store names must be unique: give one of them another name with Materialized.as(...).`,
        });
      }
      specs.set(spec.name, spec);
      added.add(spec.name);
    }
    for (const name of r.addedStores) added.add(name);
  }
  const missing = new Set(resources.flatMap((r) => r.usedStores).filter((s) => !added.has(s)));
  for (const name of missing) {
    const users = resources.filter((r) => r.usedStores.includes(name)).map((r) => r.node);
    issues.push({
      code: 'missing-store',
      node: users[0],
      message: `Store "${name}" is used by ${users.map((u) => `"${u}"`).join(', ')} but never added: add it with StreamBuilder.addStateStore(builder) or return it from the processor supplier's stores().`,
    });
  }
}

function checkExplicitNames(resources: readonly Resources[], issues: TopologyIssue[]): void {
  for (const r of resources) {
    for (const { spec, changelog } of r.namedStores) {
      if (!spec.generatedName) continue;
      issues.push({
        code: 'generated-store-name',
        node: r.node,
        message: `State store "${spec.name}" of "${r.node}" has a generated name${changelog ? ` (and so has its changelog topic "${spec.name}-changelog")` : ''}; name it with Materialized.as(name), or turn off ensureExplicitInternalResourceNaming.`,
      });
    }
    if (r.repartitionTopic?.generated) {
      issues.push({
        code: 'generated-topic-name',
        node: r.node,
        message: `Repartition topic "${r.repartitionTopic.name}" has a generated name; name it with Grouped.as(name) / Repartitioned.as(name) / Materialized.as(name) or Named on toTable(), or turn off ensureExplicitInternalResourceNaming.`,
      });
    }
  }
}
