import { buildGraph, parse } from './src/core/index';

const VARS = ['a', 'b', 'c', 'd', 'x1', 'x2', 'w0', 'w1'];
const terms: string[] = [];
for (let i = 0; terms.length * 2.8 < 100000; i++) {
  const u = VARS[i % 8];
  const v = VARS[(i * 3 + 1) % 8];
  terms.push(
    [`sin(${u}*${v})`, `${u}*2.5`, `exp(-${v})`, `max(${u}, ${v})`, `tanh(${u} - ${v})`][i % 5] as string,
  );
}
const src = terms.join(' + ');
const p = parse(src);
if (!p.ok) throw 1;
for (let k = 0; k < 10; k++) {
  const t = performance.now();
  buildGraph(p.program, src);
  console.log((performance.now() - t).toFixed(1));
}
