/**
 * One edge source → target of a pass, as the animation replays it and the step panel explains it: what it
 * carries times the gate's local derivative is added to the running sum at the node receiving it (the
 * source going back, the target going forward).
 */
export interface EdgeStep {
  edge: number;
  /** The edge's input end. */
  source: number;
  /** The gate the edge goes into (its consumer). */
  target: number;
  /** Which argument of the gate `source` is. */
  slot: number;
  /** ∂target/∂source: the gate's local derivative for this argument. */
  local: number;
  /** What this edge adds to the receiving node's sum. */
  contribution: number;
  /** The receiving node's running sum before and after this step: they add where branches meet. */
  before: number;
  after: number;
  /** This is contribution number `term` (1-based) of the `terms` the receiving node gets. */
  term: number;
  terms: number;
}

/** One edge of the backward pass: the source receives upstream × local. */
export interface BackwardStep extends EdgeStep {
  /** ∂output/∂target: the gradient arriving at the gate from above. */
  upstream: number;
}

import type { Graph } from './graph';

/**
 * The backward steps in replay order. A pass over 100,000 edges records four numbers per step in typed
 * arrays instead of making 100,000 objects; every other field is derived exactly as it was computed:
 *   source, target, slot   from the edge;
 *   upstream               = the gate's final gradient (complete before the gate passes it on);
 *   contribution           = upstream × local;   after = before + contribution.
 * `steps.f(k)` is field f of step k; `at(k)` gives step k as an object for the interface.
 */
export class Steps implements Iterable<BackwardStep> {
  length = 0;
  /**
   * The recorded columns: the edge, which contribution to its source this is (1-based), ∂target/∂source,
   * and the source's running sum before it.
   */
  readonly edges: Int32Array;
  readonly termIndex: Int32Array;
  readonly locals: Float64Array;
  readonly befores: Float64Array;

  /** Room for every edge of `graph`; `grads` are the gradients the pass fills; `counts[n]` how many steps reach node n. */
  constructor(
    private readonly graph: Graph,
    private readonly grads: Float64Array,
    private readonly counts: Int32Array,
  ) {
    const capacity = graph.edgeCount;
    this.edges = new Int32Array(capacity);
    this.termIndex = new Int32Array(capacity);
    this.locals = new Float64Array(capacity);
    this.befores = new Float64Array(capacity);
  }

  edge(k: number): number {
    return this.edges[k] as number;
  }
  /** The node receiving gradient (the edge's input end). */
  source(k: number): number {
    return this.graph.edgeSource[this.edges[k] as number] as number;
  }
  /** The gate sending it back. */
  target(k: number): number {
    return this.graph.edgeTarget[this.edges[k] as number] as number;
  }
  slot(k: number): number {
    return (this.edges[k] as number) - (this.graph.firstEdge[this.target(k)] as number);
  }
  upstream(k: number): number {
    return this.grads[this.target(k)] as number;
  }
  local(k: number): number {
    return this.locals[k] as number;
  }
  contribution(k: number): number {
    return this.upstream(k) * (this.locals[k] as number);
  }
  before(k: number): number {
    return this.befores[k] as number;
  }
  after(k: number): number {
    return (this.befores[k] as number) + this.contribution(k);
  }
  /** This is contribution term(k) (1-based) of terms(k) that the source receives. */
  term(k: number): number {
    return this.termIndex[k] as number;
  }
  terms(k: number): number {
    return this.counts[this.source(k)] as number;
  }

  at(k: number): BackwardStep | undefined {
    if (!(k >= 0 && k < this.length)) return undefined;
    return {
      edge: this.edge(k),
      source: this.source(k),
      target: this.target(k),
      slot: this.slot(k),
      upstream: this.upstream(k),
      local: this.local(k),
      contribution: this.contribution(k),
      before: this.before(k),
      after: this.after(k),
      term: this.term(k),
      terms: this.terms(k),
    };
  }

  toArray(): BackwardStep[] {
    return Array.from({ length: this.length }, (_, k) => this.at(k) as BackwardStep);
  }

  *[Symbol.iterator](): Iterator<BackwardStep> {
    for (let k = 0; k < this.length; k++) yield this.at(k) as BackwardStep;
  }
}
