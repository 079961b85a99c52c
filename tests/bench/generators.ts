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

/**
 * A scalar MLP with squared loss, every weight and bias its own input: `sizes` = [inputs, hidden…, 1].
 * ReLU on the hidden layers, a linear output, L = (yhat − y)^2. [4, 8, 8, 1] gives 353 nodes.
 */
export function mlp(sizes: readonly number[] = [4, 8, 8, 1]): string {
  const lines: string[] = [];
  const n0 = sizes[0] as number;
  lines.push(Array.from({ length: n0 }, (_, i) => `x${i + 1} = ${((i % 3) - 1) * 0.5 + 0.25}`).join('; '));
  lines.push('y = 1');
  let prev = Array.from({ length: n0 }, (_, i) => `x${i + 1}`);
  for (let l = 1; l < sizes.length; l++) {
    const last = l === sizes.length - 1;
    const next: string[] = [];
    for (let j = 1; j <= (sizes[l] as number); j++) {
      const ws = prev.map((_, i) => `w${l}_${j}_${i + 1}`);
      lines.push(
        [
          ...ws.map((w, i) => `${w} = ${((((i + j + l) % 5) - 2) * 0.2 + 0.1).toFixed(1)}`),
          `b${l}_${j} = 0.1`,
        ].join('; '),
      );
      const sum = `${ws.map((w, i) => `${w}*${prev[i]}`).join(' + ')} + b${l}_${j}`;
      const name = last ? (sizes[l] === 1 ? 'yhat' : `yhat${j}`) : `h${l}_${j}`;
      lines.push(last ? `${name} = ${sum}` : `${name} = relu(${sum})`);
      next.push(name);
    }
    prev = next;
  }
  lines.push(`L = (${prev[0]} - y)^2`);
  return lines.join('\n');
}

/**
 * The lecture's MLP 784-16-16-10 on one example with softmax cross-entropy, written with matrices (about
 * 13,000 weights, 100,000 characters), with fixed pseudo-random weights in [−0.1, 0.1].
 */
export function mlp784(): string {
  let seed = 1;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.round((seed / 2147483648 - 0.5) * 200) / 1000;
  };
  const vec = (n: number) => `[${Array.from({ length: n }, rnd).join(', ')}]`;
  const mat = (r: number, c: number) => `[${Array.from({ length: r }, () => vec(c)).join(', ')}]`;
  return [
    `x = ${vec(784)}`,
    `W1 = ${mat(16, 784)}`,
    `b1 = ${vec(16)}`,
    `W2 = ${mat(16, 16)}`,
    `b2 = ${vec(16)}`,
    `W3 = ${mat(10, 16)}`,
    `b3 = ${vec(10)}`,
    'h1 = relu(W1 @ x + b1)',
    'h2 = relu(W2 @ h1 + b2)',
    's = W3 @ h2 + b3',
    'L = -log(softmax(s)[3])',
  ].join('\n');
}
