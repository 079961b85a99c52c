/** A generated program of about `nodes` nodes: a sum of small terms over a few dozen variables. */
export function bigProgram(nodes: number): string {
  const terms: string[] = [];
  for (let i = 0; terms.length * 4.2 < nodes; i++) terms.push(`sin(x${i % 23}*w${i % 7}) * x${(i * 5) % 23}`);
  return terms.join(' + ');
}
