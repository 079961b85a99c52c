import type { InputValue } from '../core';
import type { InputGroup } from './inputGroups';
import { Variable } from './Variable';

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
