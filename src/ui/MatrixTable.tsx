import { formatNumber } from '../core';

/** A matrix is drawn in full up to this many rows and columns; a bigger one shows its corner and says so. */
const MAX_SIDE = 12;

const dims = (shape: readonly number[]) => (shape.length === 0 ? '1' : shape.join('×'));

/**
 * Numbers as a table of their shape (a vector as one row), each cell's exact value in its title; a big
 * matrix (a layer's 12,544 weights) shows its corner, with `more` saying where the rest is.
 */
export function MatrixTable({
  label,
  values,
  shape,
  cell,
  more = '',
}: {
  label: string;
  values: readonly number[];
  shape: readonly number[];
  /** The cells' class (`grad` colours them as gradients). */
  cell?: string;
  more?: string;
}) {
  const [rows, cols] =
    shape.length === 2 ? [shape[0] as number, shape[1] as number] : [1, Math.max(1, shape[0] ?? 1)];
  const shownRows = Math.min(rows, MAX_SIDE);
  const shownCols = Math.min(cols, MAX_SIDE);
  const cut = shownRows < rows || shownCols < cols;
  return (
    <table className="tensor-gradient" aria-label={`${label}, ${dims(shape)}`}>
      <caption>
        {label} <span className="shape">({dims(shape)})</span>
        {cut && (
          <span className="hint">
            {' '}
            first {shownRows} × {shownCols}
            {more}
          </span>
        )}
      </caption>
      <tbody>
        {Array.from({ length: shownRows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of a matrix are positional
          <tr key={i}>
            {Array.from({ length: shownCols }, (_, j) => {
              const v = values[i * cols + j] as number;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns of a matrix are positional
                <td key={j} className={cell} title={String(v)} data-exact={v}>
                  {formatNumber(v, 4)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
