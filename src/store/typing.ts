import { type Analysis, FUNCTIONS, parse } from '../core';

/*
 * While a student types, most keystrokes leave the text unfinished: `2*log(x1+` has an unclosed
 * parenthesis and a dangling operator, `2*lo` is on its way to `log`. Shouting about those, or drawing
 * `lo` as an input, is noise. This module tells an unfinished ending from a real mistake; the store keeps
 * such states quiet until the student pauses or leaves the text box (as Desmos does).
 */

/** Milliseconds of pause after which an unfinished ending is reported after all. */
export const SETTLE_MS = 1000;

const OPERATOR_END = /(\*\*|[-+*/^,=(@])\s*$/;
const TRAILING_NAME = /(?:^|[^A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*)\s*$/;

/** The text without a trailing `# comment` on its last line, and without trailing spaces. */
function trimEnd(source: string): string {
  const lastLine = source.lastIndexOf('\n') + 1;
  const hash = source.indexOf('#', lastLine);
  return (hash >= 0 ? source.slice(0, hash) : source).trimEnd();
}

/** The brackets still open at the end, innermost last (comments skipped): `([` for `f(x, [1, 2`. */
function openBrackets(source: string): string {
  const open: string[] = [];
  let comment = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\n') comment = false;
    else if (comment) continue;
    else if (c === '#') comment = true;
    else if (c === '(' || c === '[') open.push(c);
    else if ((c === ')' && open.at(-1) === '(') || (c === ']' && open.at(-1) === '[')) open.pop();
  }
  return open.join('');
}

/** The name being typed at the very end, when it is the beginning of a built-in function's name. */
function functionPrefix(text: string): string | undefined {
  const m = TRAILING_NAME.exec(text);
  const name = m?.[1];
  if (!name) return undefined;
  for (const fn of FUNCTIONS.keys()) if (fn.startsWith(name)) return name;
  return undefined;
}

/**
 * The text with its ending finished in the simplest way: a `1` after a dangling operator, `(1)` after a
 * function name, and the missing `)`s and `]`s. Null when nothing is unfinished.
 */
export function completion(source: string): string | null {
  let text = trimEnd(source);
  if (text === '') return null;
  let changed = false;
  const name = functionPrefix(text);
  if (name && FUNCTIONS.has(name)) {
    text += '(1)';
    changed = true;
  } else if (OPERATOR_END.test(text)) {
    text += '1';
    changed = true;
  }
  const open = openBrackets(text);
  if (open.length > 0) {
    text += [...open]
      .reverse()
      .map((c) => (c === '(' ? ')' : ']'))
      .join('');
    changed = true;
  }
  return changed ? text : null;
}

/**
 * Whether the text's state should stay quiet for now:
 * - an error that finishing the ending would cure or change (an unclosed parenthesis, a trailing operator, a
 *   function name without its parentheses yet), or an error about the last line that reaches the end of
 *   the text (a program whose output line is still being written);
 * - a valid program that ends in the beginning of a function's name (`2*lo`), which would otherwise
 *   become an input called `lo` for a moment.
 * `known` are the names of the program on screen: a name it already has is a real input, not a prefix.
 */
export function unfinished(source: string, analysis: Analysis, known: ReadonlySet<string>): boolean {
  const text = trimEnd(source);
  if (analysis.ok) {
    const name = functionPrefix(text);
    return name !== undefined && !known.has(name);
  }
  if (analysis.error.phase !== 'syntax') return false;
  if (analysis.error.start >= text.length || analysis.error.end >= text.length) return true;
  // Finishing the ending cures the error, or at least changes it (`max(x` → `max(x)` still lacks an
  // argument): then the ending was the trouble, not a mistake earlier in the text.
  const done = completion(source);
  if (done === null) return false;
  const after = parse(done);
  return (
    after.ok || after.error.start !== analysis.error.start || after.error.message !== analysis.error.message
  );
}
