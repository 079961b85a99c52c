import { type DrawnNode, formatNumber } from '../core';
import type { Scene, TensorScene } from '../store/derive';

/** A matrix shown in full up to this many rows and columns; a bigger one shows its corner and says so. */
const MAX_SIDE = 12;

const dims = (shape: readonly number[]) => (shape.length === 0 ? '1' : shape.join('×'));

/** Numbers as a table of their shape (a vector as one row), each cell's exact value in its title. */
function MatrixTable({
  label,
  values,
  shape,
}: {
  label: string;
  values: readonly number[];
  shape: readonly number[];
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
            first {shownRows} rows × {shownCols} columns
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
                <td key={j} title={String(v)} data-exact={v}>
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

/**
 * The selected node at tensor level: what it computes (its text), its shape, and its value and gradient
 * in full as matrices of its shape (the node itself shows only a preview).
 */
export function TensorNodeDetails({ scene, id }: { scene: Scene & { tensor: TensorScene }; id: number }) {
  const { drawn, names } = scene.tensor;
  const n = drawn.nodes[id] as DrawnNode | undefined;
  if (!n) return null;
  const name = names[id] as string;
  const out = names[drawn.output] as string;
  const kind =
    n.constant !== undefined
      ? 'constant'
      : n.kind === 'input'
        ? 'input'
        : n.opened
          ? `${n.scalar} gate`
          : `${n.op === 'elementwise' || !n.op ? n.scalar : n.op} operation`;
  const text = scene.full.source.slice(n.start, n.end).trim();
  return (
    <>
      <h2 className="panel-title">
        {name}{' '}
        <span className="kind">
          {kind}, shape {dims(n.shape)}
        </span>
      </h2>
      {n.kind !== 'input' && text && (
        <p className="tensor-text">
          <code>{text}</code>
        </p>
      )}
      <MatrixTable label={`value of ${name}`} values={drawn.value(id)} shape={n.shape} />
      <MatrixTable label={`∂${out}/∂${name}`} values={drawn.grad(id)} shape={n.shape} />
    </>
  );
}
