/** One edge of the backward pass: what the animation replays and the step panel explains. */
export interface BackwardStep {
  edge: number;
  /** The node receiving gradient (the edge's input end). */
  source: number;
  /** The gate sending it back (the edge's consumer). */
  target: number;
  /** Which argument of the gate `source` is. */
  slot: number;
  /** ∂output/∂target: the gradient arriving at the gate from above. */
  upstream: number;
  /** ∂target/∂source: the gate's local derivative for this argument. */
  local: number;
  /** upstream × local: what this edge adds to ∂output/∂source. */
  contribution: number;
  /** Running sum at `source` before and after this step: gradients add where branches meet. */
  before: number;
  after: number;
  /** This is contribution number `term` (1-based) of `terms` that `source` receives. */
  term: number;
  terms: number;
}

type IntField = 'edge' | 'source' | 'target' | 'slot' | 'term' | 'terms';
type RealField = 'upstream' | 'local' | 'contribution' | 'before' | 'after';

/**
 * The backward steps in replay order, as columns: step k's fields are edge[k], upstream[k], ... A pass
 * over 100,000 edges fills a few typed arrays instead of making 100,000 objects; `at(k)` gives one step
 * as an object for the interface.
 */
export class Steps implements Iterable<BackwardStep> {
  length = 0;
  readonly edge: Int32Array;
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly slot: Int32Array;
  readonly term: Int32Array;
  readonly terms: Int32Array;
  readonly upstream: Float64Array;
  readonly local: Float64Array;
  readonly contribution: Float64Array;
  readonly before: Float64Array;
  readonly after: Float64Array;

  /** Room for `capacity` steps: a graph's edge count is enough. */
  constructor(capacity: number) {
    this.edge = new Int32Array(capacity);
    this.source = new Int32Array(capacity);
    this.target = new Int32Array(capacity);
    this.slot = new Int32Array(capacity);
    this.term = new Int32Array(capacity);
    this.terms = new Int32Array(capacity);
    this.upstream = new Float64Array(capacity);
    this.local = new Float64Array(capacity);
    this.contribution = new Float64Array(capacity);
    this.before = new Float64Array(capacity);
    this.after = new Float64Array(capacity);
  }

  at(k: number): BackwardStep | undefined {
    if (k < 0 || k >= this.length) return undefined;
    const step = {} as BackwardStep;
    for (const f of INT_FIELDS) step[f] = this[f][k] as number;
    for (const f of REAL_FIELDS) step[f] = this[f][k] as number;
    return step;
  }

  toArray(): BackwardStep[] {
    return Array.from({ length: this.length }, (_, k) => this.at(k) as BackwardStep);
  }

  *[Symbol.iterator](): Iterator<BackwardStep> {
    for (let k = 0; k < this.length; k++) yield this.at(k) as BackwardStep;
  }
}

const INT_FIELDS: readonly IntField[] = ['edge', 'source', 'target', 'slot', 'term', 'terms'];
const REAL_FIELDS: readonly RealField[] = ['upstream', 'local', 'contribution', 'before', 'after'];
