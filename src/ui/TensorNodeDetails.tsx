import { type DrawnNode, opWord } from '../core';
import type { Scene, TensorScene } from '../store/derive';
import { MatrixTable } from './MatrixTable';

const dims = (shape: readonly number[]) => (shape.length === 0 ? '1' : shape.join('×'));

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
          ? `${opWord(n.scalar ?? '')} gate`
          : `${opWord((n.op === 'elementwise' || !n.op ? n.scalar : n.op) ?? '')} ${n.kind === 'scalar' ? 'gate' : 'operation'}`;
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
