/* Python names for a program's variables: Gradflow names are identifiers, but some are Python keywords
 * or names the script itself needs (torch, math, print, float, the max/min helpers). */

/** Python's keywords (keyword.kwlist): not usable as variable names. */
const KEYWORDS =
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield';

/** Names the exported script uses itself: a variable with one of these names would hide it. */
export const SCRIPT_NAMES = ['torch', 'math', 'print', 'float', 'first_max', 'first_min', '__builtins__'];

const RESERVED: ReadonlySet<string> = new Set([...KEYWORDS.split(' '), ...SCRIPT_NAMES]);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const usable = (n: string) => IDENTIFIER.test(n) && !RESERVED.has(n);

/** The first of `base_`, `base_1`, `base_2`, ... that Python allows and `free` accepts. */
function fresh(name: string, free: (n: string) => boolean): string {
  // An element of a tensor, W[0,1], becomes W_0_1.
  const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(\d+)(?:,(\d+))?\]$/.exec(name);
  const flat = element ? [element[1], element[2], element[3]].filter((p) => p !== undefined).join('_') : name;
  if (element && usable(flat) && free(flat)) return flat;
  const base = IDENTIFIER.test(flat) ? flat : 'v';
  for (let k = 0; ; k++) {
    const candidate = k === 0 ? `${base}_` : `${base}_${k}`;
    if (usable(candidate) && free(candidate)) return candidate;
  }
}

/**
 * A Python-safe name for `name`: the name itself when Python allows it and `taken` (the names other
 * variables have) does not hold it, else the first of `name_`, `name_1`, ... that is free.
 */
export function pyName(name: string, taken: ReadonlySet<string> = new Set()): string {
  return usable(name) && !taken.has(name) ? name : fresh(name, (n) => !taken.has(n));
}

/**
 * Distinct Python names for a program's names, in order. A name Python does not allow, or one an earlier
 * entry already has, is renamed to a name that no entry has: `torch` becomes `torch_1` when `torch_` is a
 * variable too, so two variables never merge. No name is one of `taken` (names already in use around them,
 * as a function's parameters are among the variables its body reads).
 */
export function pyNames(names: readonly string[], taken: ReadonlySet<string> = new Set()): string[] {
  const all = new Set(names);
  const given = new Set<string>();
  const free = (n: string) => !given.has(n) && !taken.has(n);
  return names.map((name) => {
    const py = usable(name) && free(name) ? name : fresh(name, (n) => !all.has(n) && free(n));
    given.add(py);
    return py;
  });
}
