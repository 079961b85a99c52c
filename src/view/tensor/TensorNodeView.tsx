import { memo } from 'react';
import { type DrawnNode, OP, opWord } from '../../core';
import { NAME_ABOVE } from '../labels/plan';
import { dims, matrixLines, matrixText } from './matrix';

/** What a tensor operation shows in its shape: the lecture's symbol for it. */
const SYMBOL: Record<string, string> = {
  matmul: '@',
  transpose: 'ᵀ',
  index: '[i]',
  sum: 'Σ',
  mean: 'mean',
  max: 'max',
  min: 'min',
  softmax: 'softmax',
  logsumexp: 'lse',
  list: '[ ]',
};

export function tensorSymbol(n: DrawnNode, name: string): string {
  if (n.kind === 'input') return name;
  if (n.op && n.op !== 'elementwise') return SYMBOL[n.op] ?? n.op;
  const s = n.scalar ? OP[n.scalar] : undefined;
  return s ? (n.scalar === 'sigmoid' ? 'σ' : s.symbol) : '?';
}

/** Half-width and half-height: a box wide enough for its symbol. */
export function tensorNodeSize(n: DrawnNode, name: string): { hw: number; hh: number } {
  const text = tensorSymbol(n, name);
  if (n.constant !== undefined) return { hw: Math.max(16, 6 + text.length * 6), hh: 14 };
  return { hw: Math.max(n.opened ? 22 : 28, 10 + text.length * 7.5), hh: n.opened ? 18 : 22 };
}

/** Spacing of the number lines under a node, in drawing units. */
export const LINE_PX = 18;

export interface TensorNodeProps {
  node: DrawnNode;
  name: string;
  x: number;
  y: number;
  value?: readonly number[];
  grad?: readonly number[];
  active: boolean;
  selected: boolean;
  /** The tensor-level node is the output: its name is the loss's. */
  isOutput: boolean;
  onSelect(id: number): void;
  onToggle?: (key: string) => void;
  /** Where this node opens or closes (`tensor:<key>`), when it can. */
  openKey?: string;
}

/**
 * One node of the tensor level: its symbol in a box, its name and shape above, and below it its value
 * as a small matrix (green) and, once it has arrived, its gradient (red), truncated with …; the title
 * has every number.
 */
export const TensorNodeView = memo(function TensorNodeView(p: TensorNodeProps) {
  const { node, name, value, grad } = p;
  const { hw, hh } = tensorNodeSize(node, name);
  const constant = node.constant !== undefined;
  const shape = node.shape;
  const rows = node.opened ? 1 : 3;
  // A constant shows its number in its chip, not again below it.
  const valueLines = value && !constant ? matrixLines(value, shape, rows) : [];
  const gradLines = grad ? matrixLines(grad, shape, rows) : [];
  const kind =
    node.kind === 'input'
      ? 'input'
      : node.opened
        ? 'gate'
        : `${opWord((node.op === 'elementwise' ? node.scalar : (node.op ?? node.scalar)) ?? '')} ${node.kind === 'scalar' ? 'gate' : 'operation'}`;
  const said = [
    `${name}: ${kind}, ${shape.length === 0 ? 'a number' : `shape ${dims(shape)}`}${p.isOutput ? ', the output' : ''}`,
    value ? `value ${matrixText(value, shape)}` : '',
    grad ? `gradient ${matrixText(grad, shape)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const opens = p.openKey ? (node.opened ? '' : '. Press Enter to open it into its scalar gates') : '';
  const cls = [
    'node',
    'tensor-node',
    constant ? 'op-const' : node.kind === 'input' ? 'op-input' : node.opened ? 'opened' : 'op-tensor',
    p.active ? 'active' : '',
    p.selected ? 'selected' : '',
    p.isOutput ? 'output' : '',
    p.openKey && !node.opened ? 'expandable' : '',
  ].join(' ');
  const toggle = () => p.openKey && p.onToggle?.(p.openKey);
  return (
    // biome-ignore lint/a11y/useSemanticElements: inside SVG there is no <button>; a focusable <g> with a role is the way
    <g
      className={cls}
      style={{ transform: `translate(${p.x}px, ${p.y}px)` }}
      data-node={node.id}
      data-key={node.key}
      data-shape={dims(shape)}
      role="button"
      tabIndex={0}
      aria-label={`${said}${opens}`}
      aria-pressed={p.selected}
      // A click on the ▸ opens the operation; anywhere else selects it (its details beside the graph).
      onClick={(e) => ((e.target as Element).closest?.('.expand-mark') ? toggle() : p.onSelect(node.id))}
      onFocus={() => p.onSelect(node.id)}
      onDoubleClick={toggle}
      onKeyDown={(e) => {
        if (p.openKey && e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          toggle();
        }
      }}
    >
      <title>{said}</title>
      <rect
        x={-hw}
        y={-hh}
        width={2 * hw}
        height={2 * hh}
        rx={node.kind === 'input' ? 8 : 14}
        className="shape"
      />
      <text className="symbol" dy="0.35em" textAnchor="middle">
        {tensorSymbol(node, name)}
      </text>
      {!constant && !(node.kind === 'input' && shape.length === 0) && (
        <text className="name-label" y={-hh - NAME_ABOVE} textAnchor="middle">
          {node.kind === 'input' ? dims(shape) : shape.length === 0 ? name : `${name} · ${dims(shape)}`}
        </text>
      )}
      {p.openKey && !node.opened && (
        <g className="expand-mark" transform={`translate(${hw - 2}, ${-hh + 2})`}>
          <title>Open {name} into its scalar gates (click or Enter)</title>
          <circle r={9} />
          <text textAnchor="middle" dy="0.35em">
            ▸
          </text>
        </g>
      )}
      {[
        ...valueLines.map((text, row) => ({ text, key: `v${row}`, cls: 'value-label tensor-value' })),
        ...gradLines.map((text, row) => ({
          text: row === 0 ? `∂ ${text}` : text,
          key: `g${row}`,
          cls: 'grad-label tensor-grad',
        })),
      ].map((line, k) => (
        <text key={line.key} className={line.cls} y={hh + LINE_PX * (k + 1)} textAnchor="middle">
          {line.text}
        </text>
      ))}
    </g>
  );
});
