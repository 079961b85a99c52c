import type { InputValue } from '../core';
import { Variable } from './Variable';

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

/** Beyond this many elements a grid of fields is a wall: the values are left to the text. */
const MAX_GRID = 64;

/**
 * A vector or matrix input as a small grid in its own shape: one number field and one slider per
 * element, each rewriting its number in the text (the text stays the one source of truth).
 */
export function MatrixInput({
  group,
  kept,
}: {
  group: InputGroup & { kind: 'tensor' };
  kept: readonly InputValue[];
}) {
  const shape = group.vector ? `${group.cols}` : `${group.rows}×${group.cols}`;
  if (group.inputs.length > MAX_GRID)
    return (
      <p className="matrix-input big">
        <span className="var-name">{group.name}</span> ({shape}):{' '}
        {group.inputs.length.toLocaleString('en-US')} values, too many for a grid of sliders; change them in
        the text.
      </p>
    );
  return (
    <fieldset className="matrix-input">
      <legend>
        <span className="var-name">{group.name}</span> <span className="matrix-shape">({shape})</span>
      </legend>
      <div
        className="matrix-grid"
        style={{ gridTemplateColumns: `repeat(${group.cols}, minmax(4.5em, 1fr))` }}
      >
        {group.inputs.map((i) => (
          <Variable key={i.name} input={i} kept={kept.includes(i)} compact />
        ))}
      </div>
    </fieldset>
  );
}
