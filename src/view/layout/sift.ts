import { cornerSum, gapArcs, move, type Scratch, scratchFor } from './gap';
import { argmin, suffixAdd, treeBuild, treeInit } from './mintree';
import type { Proper } from './proper';

/**
 * Whole-bus sifting. A bus (a source's chain of virtual nodes b₁ … b_L, one per layer) is lifted out of
 * the drawing and put back where it crosses least, all of it at once: moving one bus node alone costs the
 * crossings of the heavy arcs b_{k−1}→b_k→b_{k+1} on both sides, so barycenters and transpositions leave
 * many buses stuck. With every other node fixed, let p_k be b_k's slot among the other nodes of its layer
 * (p₀ is the source's own slot, fixed). The crossings that depend on the bus are, per gap k between the
 * layers of b_k and b_{k+1},
 *   W_k·B_k(p_k, p_{k+1})   the bus arc (weight W_k) against every other arc of the gap, and
 *   A_k(p_k)                 the arcs leaving the bus at b_k (to their consumers) against the others;
 * arcs that share an end never cross, and the bus's own arcs in a gap all leave one node. With G_k the
 * other arcs' weights on the grid (upper slot i, lower slot r) and S its 2-D prefix sums
 * (S[p][q] = Σ_{i<p, r<q} G), B(p, q) = S[p][∞] + S[∞][q] − 2·S[p][q] (arcs passing the bus arc from above to
 * below or below to above), and each leaving arc to slot c adds S[p][∞] − S[p][c+1] + S[∞][c] − S[p][c].
 * The sum is a chain, so the best slots are a shortest path (dynamic programming over k, O(Σ w_k·w_{k+1})).
 * In siftBuses each b_k only tries the slots within SIFT_REACH of its own (p_k ∈ [p_k° − R, p_k° + R]): the
 * same programme on windows, the other arcs left of a window entering as S(i, lo) once.
 * A bus moves only if that strictly lowers the crossings: sifting never adds any.
 */

/** Most slots (summed over the windows of the buses sifted, all rounds): bounds the time on huge graphs. */
const SIFT_WORK = 500_000;
/**
 * How far (in slots) a bus node may move in one sifting: on the generated 1,937-node program no bus node
 * moves more than 6 in a round with no limit, and the window makes a round about twice as cheap.
 */
const SIFT_REACH = 8;

export function siftBuses(p: Proper, pos: Int32Array, rounds: number): number {
  const scratch = scratchFor(p);
  const { layerStart, layerOf } = p;
  let gained = 0;
  // The work: the slots the dynamic programmes visit, over all rounds; past the budget, the rest stay.
  let work = 0;
  for (let round = 0; round < rounds && work <= SIFT_WORK; round++) {
    let gain = 0;
    for (let s = 0; s < p.n && work <= SIFT_WORK; s++) {
      const L = (p.bus[s] as number[]).length;
      if (L === 0) continue;
      const l0 = layerOf[s] as number;
      // Its layers' slots, or fewer: at most a window of 2·reach + 1 per layer.
      work += Math.min(
        (layerStart[Math.min(l0 + L + 2, layerStart.length - 1)] as number) - (layerStart[l0] as number),
        (L + 2) * (2 * SIFT_REACH + 1),
      );
      if (work <= SIFT_WORK) gain += siftBus(p, pos, s, scratch, SIFT_REACH);
    }
    gained += gain;
    if (gain === 0) break;
  }
  return gained;
}

/**
 * Moves source `s`'s bus to its best slots; returns how many crossings that removed (≥ 0). With `reach`,
 * each bus node only considers slots within `reach` of where it is (a window: the dynamic programme over
 * w_k slots shrinks to 2·reach + 1, and buses rarely move further in one round).
 */
export function siftBus(
  p: Proper,
  pos: Int32Array,
  s: number,
  scratch: Scratch = scratchFor(p),
  reach = Number.POSITIVE_INFINITY,
): number {
  const { layerStart, layerOf, down } = p;
  const { sortedRow, sortedW, colStart, rowTot, colTot, below, tree } = scratch;
  const chain = p.bus[s] as number[];
  const L = chain.length;
  const l0 = layerOf[s] as number;
  // E[i − lo]: least cost of b₁ … b_k with b_k at slot i of its window lo..hi; choice[at[k] + r − lo']:
  // b_k's slot in that best when b_{k+1} is at slot r (of its window from lo').
  let E = scratch.cost;
  let next = scratch.nextCost;
  const { choice } = scratch;
  const at: number[] = [];
  const from: number[] = [];
  let current = 0; // the cost of the bus where it is now
  let best = 0;
  // The upper node's window (the source's: its own slot).
  let lo1 = pos[s] as number;
  let hi1 = lo1;
  E[0] = 0;
  for (let k = 0; k <= L; k++) {
    const l = l0 + k;
    const u = k === 0 ? s : (chain[k - 1] as number);
    const v = k < L ? (chain[k] as number) : -1;
    // Slots 0..w1 among the other nodes of the upper layer (without u), 0..w2 in the lower (without v).
    const w1 = (layerStart[l + 1] as number) - (layerStart[l] as number) - 1;
    const w2 = (layerStart[l + 2] as number) - (layerStart[l + 1] as number) - (v >= 0 ? 1 : 0);
    const pu = pos[u] as number;
    const pv = v >= 0 ? (pos[v] as number) : -1;
    gapArcs(p, pos, l, u, pu, v, w1, w2, scratch);
    if (k > 0) {
      // A_k: each arc leaving the bus here (to lower slot c) crosses the other arcs that run from above
      // b_k to below c or from below b_k to above c: rowTot(i) − S(i, c+1) + colTot(c) − S(i, c).
      for (let j = down.start[u] as number; j < (down.start[u + 1] as number); j++) {
        const t = down.list[j] as number;
        if (t === v) continue;
        const y = pos[t] as number;
        const c = y - (v >= 0 && y > pv ? 1 : 0);
        const w = down.weight[j] as number;
        // below[i] := S(i, c) + S(i, c+1), by one pass over the arcs with lower slot ≤ c.
        below.fill(0, 0, w1 + 2);
        for (let q = 0; q < (colStart[c + 1] as number); q++) {
          const row = sortedRow[q] as number;
          const twice = q < (colStart[c] as number) ? 2 : 1;
          below[row + 1] = (below[row + 1] as number) + twice * (sortedW[q] as number);
        }
        for (let i = 1; i <= w1; i++) below[i] = (below[i] as number) + (below[i - 1] as number);
        for (let i = lo1; i <= hi1; i++)
          E[i - lo1] =
            (E[i - lo1] as number) +
            w * ((rowTot[i] as number) + (colTot[c] as number) - (below[i] as number));
        current += w * ((rowTot[pu] as number) + (colTot[c] as number) - (below[pu] as number));
      }
    }
    if (v < 0) {
      best = lo1;
      for (let i = lo1 + 1; i <= hi1; i++) if ((E[i - lo1] as number) < (E[best - lo1] as number)) best = i;
      break;
    }
    // The bus arc u→v, weight W, against the other arcs: B(i, r) = rowTot(i) + colTot(r) − 2·S(i, r).
    let W = 0;
    for (let j = down.start[u] as number; j < (down.start[u + 1] as number); j++)
      if (down.list[j] === v) W = down.weight[j] as number;
    current += W * ((rowTot[pu] as number) + (colTot[pv] as number) - 2 * cornerSum(scratch, pu, pv));
    const lo2 = Math.max(0, pv - reach);
    const hi2 = Math.min(w2, pv + reach);
    const pick = at.length === 0 ? 0 : (at[at.length - 1] as number) + hi1 - lo1 + 1;
    at.push(pick);
    from.push(lo1);
    // min_i E[i] + W·B(i, r) = W·colTot(r) + min_i H_r(i), H_r(i) = E[i] + W·rowTot(i) − 2W·S(i, r).
    // Going from column r to r+1, each arc in column r (upper slot ρ) lowers H(i) by 2W·w for i > ρ:
    // a suffix add on a min segment tree, so a step costs O((w + arcs)·log w), not O(w²). The window
    // starts at column lo2: the arcs left of it are added first (S(i, lo2), by a prefix over rows).
    const size = treeInit(tree, scratch.tag, hi1 - lo1 + 1);
    below.fill(0, 0, hi1 - lo1 + 2);
    for (let j = 0; j < (colStart[lo2] as number); j++) {
      const i = Math.max(0, (sortedRow[j] as number) + 1 - lo1);
      if (i <= hi1 - lo1) below[i] = (below[i] as number) + (sortedW[j] as number);
    }
    let left = 0;
    for (let i = lo1; i <= hi1; i++) {
      left += below[i - lo1] as number;
      tree[size + i - lo1] = (E[i - lo1] as number) + W * (rowTot[i] as number) - 2 * W * left;
    }
    treeBuild(tree, size);
    let arg = -1;
    for (let r = lo2; r <= hi2; r++) {
      // An empty column changes nothing: the argmin stays.
      if (r > lo2)
        for (let j = colStart[r - 1] as number; j < (colStart[r] as number); j++) {
          const i = Math.max(0, (sortedRow[j] as number) + 1 - lo1);
          if (i > hi1 - lo1) continue;
          suffixAdd(tree, scratch.tag, size, i, -2 * W * (sortedW[j] as number));
          arg = -1;
        }
      next[r - lo2] = (tree[1] as number) + W * (colTot[r] as number);
      if (arg < 0) arg = argmin(tree, scratch.tag, size) + lo1;
      choice[pick + r - lo2] = arg;
    }
    const swap = E;
    E = next;
    next = swap;
    lo1 = lo2;
    hi1 = hi2;
  }
  const gain = current - (E[best - lo1] as number);
  if (!(gain > 0)) return 0;
  // Walk the argmins back: b_L at `best`, b_k at choice[k][slot of b_{k+1}].
  let slot = best;
  for (let k = L; k >= 1; k--) {
    move(p, pos, chain[k - 1] as number, slot);
    slot = choice[(at[k - 1] as number) + slot - (from[k] ?? lo1)] as number;
  }
  return gain;
}
