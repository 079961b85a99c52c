/** The programs the engine benchmarks run, in Node and in Chromium. */

const VARS = ['a', 'b', 'c', 'd', 'x1', 'x2', 'w0', 'w1'];

/** A flat expression: a sum of small terms, about 3 new nodes each (`sin(a*b) + c*2 - ...`). */
export function expression(nodes: number): string {
  const terms: string[] = [];
  for (let i = 0; terms.length * 2.8 < nodes; i++) {
    const u = VARS[i % VARS.length];
    const v = VARS[(i * 3 + 1) % VARS.length];
    terms.push(
      [`sin(${u}*${v})`, `${u}*2.5`, `exp(-${v})`, `max(${u}, ${v})`, `tanh(${u} - ${v})`][i % 5] as string,
    );
  }
  return terms.join(' + ');
}

/** A program of named intermediates, each built from the two before it (a long, deep chain). */
export function program(nodes: number): string {
  const lines = ['t0 = a * b', 't1 = sin(c) + d'];
  for (let i = 2; lines.length * 4 < nodes; i++) lines.push(`t${i} = tanh(t${i - 1} * 0.5 + t${i - 2})`);
  return lines.join('\n');
}

/** One max gate of `args` arguments, max(x0, x1, …): its cost must stay linear in the argument count. */
export function wideMax(args: number): string {
  return `max(${Array.from({ length: args }, (_, k) => `x${k}`).join(', ')})`;
}
