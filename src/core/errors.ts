/** A problem in the student's text, with the span [start, end) it is about. */
export interface GradflowError {
  message: string;
  start: number;
  end: number;
  /** An extra sentence that helps fix it, when there is one. */
  hint?: string;
  /** Where the problem was found: reading the text, or computing a value/gradient. */
  phase: 'syntax' | 'domain';
}

export function syntaxError(message: string, start: number, end: number, hint?: string): GradflowError {
  return hint === undefined
    ? { message, start, end, phase: 'syntax' }
    : { message, start, end, hint, phase: 'syntax' };
}

/**
 * Thrown inside the parser and the graph builder only, and caught at their boundaries: neither throws
 * to its callers.
 */
export class ParseFailure extends Error {
  constructor(readonly error: GradflowError) {
    super(error.message);
  }
}

/** 1-based line and column of an offset, for messages such as `the "(" at column 9`. */
export function lineCol(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** "column 9" on a one-line program, "line 2, column 3" otherwise. */
export function where(source: string, offset: number): string {
  const { line, column } = lineCol(source, offset);
  return source.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
}

/**
 * Edit distance, for "did you mean" hints: insertions, deletions, substitutions and swaps of two
 * neighbouring letters (lgo → log) each count 1 (the optimal string alignment distance). Names are
 * short, so the quadratic cost is nothing.
 */
export function editDistance(a: string, b: string): number {
  // Rows i−2, i−1 and i of the table d[i][j] = distance between a[0, i) and b[0, j).
  let older: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (older[j - 2] as number) + 1);
      row.push(d);
    }
    older = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * A name that looks like a misspelt function: at least 3 characters long and one edit (see
 * editDistance, case ignored) from a function name: sinn, Sin, sqr, lgo, cosh → cos. Shorter names are
 * ordinary variables (x, w1, and two-letter names such as in or lr, which are one edit from ln), so
 * x(x+1), in(a+b) and lr(g) multiply.
 */
export function typoOf(name: string, functions: Iterable<string>): string | undefined {
  if (name.length < 3) return undefined;
  let best: string | undefined;
  let bestDistance = 2;
  for (const fn of functions) {
    const d = editDistance(name.toLowerCase(), fn);
    if (d < bestDistance) [best, bestDistance] = [fn, d];
  }
  return best;
}
