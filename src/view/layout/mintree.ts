/**
 * A min segment tree over Float64Array leaves with additive tags, in place in caller-owned arrays
 * (`tree`, `tag`, each 2·size): node x's value is tag[x] plus the least of its children's values, so that
 * adding to a suffix touches one root path (O(log n)) and the global minimum is tree[1].
 */

/** Resets the min segment tree to `count` leaves (the rest +∞); returns the leaf offset. */
export function treeInit(tree: Float64Array, tag: Float64Array, count: number): number {
  let size = 1;
  while (size < count) size *= 2;
  tree.fill(Number.POSITIVE_INFINITY, size, 2 * size);
  tag.fill(0, 0, size);
  return size;
}

export function treeBuild(tree: Float64Array, size: number): void {
  for (let x = size - 1; x >= 1; x--) tree[x] = Math.min(tree[2 * x] as number, tree[2 * x + 1] as number);
}

/** Adds d to every leaf from `from` on (a node's value is its tag plus its children's minimum). */
export function suffixAdd(
  tree: Float64Array,
  tag: Float64Array,
  size: number,
  from: number,
  d: number,
): void {
  if (from >= size) return;
  // Walk from the leaf up: every right sibling of the path lies wholly in the suffix.
  let x = from + size;
  tree[x] = (tree[x] as number) + d;
  while (x > 1) {
    if (x % 2 === 0) {
      const y = x + 1;
      tree[y] = (tree[y] as number) + d;
      if (y < size) tag[y] = (tag[y] as number) + d;
    }
    x >>= 1;
    tree[x] = (tag[x] as number) + Math.min(tree[2 * x] as number, tree[2 * x + 1] as number);
  }
}

/** The leftmost leaf holding the minimum. */
export function argmin(tree: Float64Array, tag: Float64Array, size: number): number {
  let x = 1;
  while (x < size) {
    const want = (tree[x] as number) - (tag[x] as number);
    x = tree[2 * x] === want ? 2 * x : 2 * x + 1;
  }
  return x - size;
}
