import type { InputValue } from '../core';

/** An input on its own, or the elements of a vector or matrix input (W[0,0], W[0,1], …) together. */
export type InputGroup =
  | { kind: 'one'; input: InputValue }
  | { kind: 'tensor'; name: string; rows: number; cols: number; vector: boolean; inputs: InputValue[] };

const ELEMENT = /^([A-Za-z_][A-Za-z0-9_]*)\[(\d+)(?:,(\d+))?\]$/;

/** Groups each tensor's element inputs (declared together, row-major) into one group. */
export function groupInputs(inputs: readonly InputValue[]): InputGroup[] {
  const out: InputGroup[] = [];
  for (const input of inputs) {
    const m = ELEMENT.exec(input.name);
    if (!m) {
      out.push({ kind: 'one', input });
      continue;
    }
    const [name, i, j] = [m[1] as string, Number(m[2]), m[3] === undefined ? -1 : Number(m[3])];
    const last = out[out.length - 1];
    const group =
      last?.kind === 'tensor' && last.name === name
        ? last
        : (out[
            out.push({ kind: 'tensor', name, rows: 1, cols: 1, vector: j < 0, inputs: [] }) - 1
          ] as InputGroup & {
            kind: 'tensor';
          });
    group.inputs.push(input);
    if (j < 0) group.cols = Math.max(group.cols, i + 1);
    else {
      group.rows = Math.max(group.rows, i + 1);
      group.cols = Math.max(group.cols, j + 1);
    }
  }
  return out;
}
