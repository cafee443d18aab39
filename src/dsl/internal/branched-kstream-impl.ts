// Kafka: BranchedKStreamImpl
import { TopologyError } from '../../errors/topology-error.js';
import { BranchNode } from '../../topology/graph/branch-node.js';
import { PassThroughNode } from '../../topology/graph/pass-through-node.js';
import type { Branched } from '../branched.js';
import type { BranchedKStream } from '../branched-kstream.js';
import type { Predicate } from '../functions.js';
import type { KStream } from '../kstream.js';
import { KStreamImpl } from './kstream-impl.js';

/**
 * The immutable `BranchedKStream`. The splitter node is created by `split()`; each branch
 * replaces it with a version that has one more predicate and child (the builder holds the
 * current version, so branches added through any copy are kept).
 */
export class BranchedKStreamImpl<K, V> implements BranchedKStream<K, V> {
  private constructor(
    private readonly source: KStreamImpl<K, V>,
    private readonly splitterId: number,
    private readonly splitterName: string,
    private readonly branches: ReadonlyMap<string, KStream<K, V>>,
  ) {}

  static create<K, V>(source: KStreamImpl<K, V>, name: string | null): BranchedKStreamImpl<K, V> {
    const builder = source.builder;
    const splitterName = builder.nameOrGenerate(name, 'KSTREAM-BRANCH-');
    const node = builder.add(
      BranchNode.create({ id: builder.nextId(), name: splitterName, parents: [source.node.id], predicates: [], childNames: [] }),
    );
    return new BranchedKStreamImpl(source, node.id, splitterName, new Map());
  }

  branch(predicate: Predicate<K, V>, branched?: Branched<K, V>): BranchedKStream<K, V> {
    return this.addBranch(predicate, branched);
  }

  defaultBranch(branched?: Branched<K, V>): Map<string, KStream<K, V>> {
    return new Map(this.addBranch(null, branched).branches);
  }

  noDefaultBranch(): Map<string, KStream<K, V>> {
    return new Map(this.branches);
  }

  private addBranch(predicate: Predicate<K, V> | null, branched: Branched<K, V> | undefined): BranchedKStreamImpl<K, V> {
    const builder = this.source.builder;
    const splitter = builder.node(this.splitterId) as BranchNode;
    if (splitter.childNames.length > splitter.predicates.length) {
      throw new TopologyError([{ code: 'branch-after-default', node: this.splitterName, message: `split() "${this.splitterName}" already has its default branch; add branches before defaultBranch().` }]);
    }
    const predicates = predicate === null ? splitter.predicates : [...splitter.predicates, predicate];
    // Unnamed branches are numbered from 1 in the order added; the default branch is 0.
    const childName = this.splitterName + (branched?.name ?? String(predicate === null ? 0 : predicates.length));
    builder.newProcessorName(childName); // burned, as in Kafka
    builder.replace(BranchNode.create({ ...splitter, predicates, childNames: [...splitter.childNames, childName] }));
    const child = builder.add(PassThroughNode.create({ id: builder.nextId(), name: childName, parents: [this.splitterId] }));
    const src = this.source;
    const stream = new KStreamImpl<K, V>(builder, child, src.keySerde, src.valueSerde, src.sourceNodes, src.repartitionRequired);
    const branches = new Map(this.branches);
    if (branched?.chainFunction) {
      const result = branched.chainFunction(stream);
      if (result != null) branches.set(childName, result);
    } else if (branched?.chainConsumer) {
      branched.chainConsumer(stream);
    } else {
      branches.set(childName, stream);
    }
    return new BranchedKStreamImpl(this.source, this.splitterId, this.splitterName, branches);
  }
}
