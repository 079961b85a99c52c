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

/** Edit distance, for "did you mean" hints (names are short, so the quadratic cost is nothing). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** The closest candidate within a small edit distance, or undefined. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.min(2, Math.floor(name.length / 2)));
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c);
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
