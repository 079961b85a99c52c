import { type CSSProperties, memo } from 'react';
import { formatNumber as f, type GraphNode, OP } from '../core';
import { nodeSize, nodeSymbol, SUB_DY, SUB_SIZE, symbolFit } from './geometry';
import { belowText } from './labels/inputs';
import { belowInput, NAME_ABOVE } from './labels/plan';

export interface NodeProps {
  node: GraphNode;
  /** Stable key, for tests and debugging. */
  nodeKey: string;
  name: string;
  x: number;
  y: number;
  value?: number;
  /** ∂output/∂node so far (shown under inputs), once a gradient has arrived. */
  grad?: number;
  /** Forward mode seeded on this input: `grad` is the node's tangent d node/d seed. */
  seed?: string | undefined;
  /** The edge-number font size: an input's gradient sits below it at the place the label plan keeps free. */
  labelSize: number;
  /** The current step's label sits where this node's own labels go: they are left out of this frame. */
  labelsHidden?: boolean;
  active: boolean;
  selected: boolean;
  dim: boolean;
  isOutput: boolean;
  /** The call this gate stands for, when it can be opened up (a collapsed call, sigmoid, tanh). */
  expandKey?: string | undefined;
  onSelect(id: number): void;
  onToggle(key: string): void;
}

/** A gate shows its operator; inputs and named intermediates show their names. */
export const GraphNodeView = memo(function GraphNodeView({
  node,
  nodeKey,
  name,
  x,
  y,
  value,
  grad,
  seed,
  labelSize,
  labelsHidden,
  active,
  selected,
  dim,
  isOutput,
  expandKey,
  onSelect,
  onToggle,
}: NodeProps) {
  const { hw, hh, shape } = nodeSize(node, name);
  const spec = OP[node.op];
  const symbol = nodeSymbol(node, name, spec.symbol);
  // The stylesheet sizes the symbol as min(its usual size, --fit), so that it always fits its shape.
  const fit = { '--fit': `${symbolFit(node, name, spec.symbol)}px` } as CSSProperties;
  const describe =
    node.op === 'input'
      ? `input ${name}`
      : node.op === 'const'
        ? `constant ${name}`
        : node.op === 'param'
          ? `parameter ${name} of ${node.fn}`
          : `${name}: ${node.fn ?? spec.name} gate${isOutput ? ', the output' : ''}`;
  const opens = expandKey === undefined ? '' : '. Press Enter to open it up';
  const slope =
    grad === undefined
      ? ''
      : seed === undefined
        ? `, gradient ${f(grad)}`
        : `, tangent d${name}/d${seed} ${f(grad)}`;
  const label = `${describe}${value === undefined ? '' : `, value ${f(value)}`}${slope}${opens}`;
  const cls = [
    'node',
    `op-${node.op}`,
    active ? 'active' : '',
    selected ? 'selected' : '',
    dim ? 'dim' : '',
    isOutput ? 'output' : '',
    expandKey === undefined ? '' : 'expandable',
  ].join(' ');
  return (
    // biome-ignore lint/a11y/useSemanticElements: inside SVG there is no <button>; a focusable <g> with a role is the way
    <g
      className={cls}
      style={{ transform: `translate(${x}px, ${y}px)` }}
      data-node={node.id}
      data-key={nodeKey}
      role="button"
      tabIndex={node.op === 'const' ? -1 : 0}
      aria-label={label}
      aria-pressed={selected}
      data-call={expandKey}
      onClick={() => (expandKey === undefined ? onSelect(node.id) : onToggle(expandKey))}
      onFocus={() => onSelect(node.id)}
      onKeyDown={(e) => {
        if (expandKey !== undefined && e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          onToggle(expandKey);
        }
      }}
    >
      {shape === 'circle' ? (
        <circle r={hw} className="shape" />
      ) : (
        <rect
          x={-hw}
          y={-hh}
          width={2 * hw}
          height={2 * hh}
          rx={shape === 'box' ? 8 : 10}
          className="shape"
        />
      )}
      <text className="symbol" dy="0.35em" textAnchor="middle" style={fit}>
        {symbol.text}
        {symbol.sub && (
          <tspan dy={SUB_DY} fontSize={SUB_SIZE}>
            {symbol.sub}
          </tspan>
        )}
      </text>
      {expandKey !== undefined && (
        // A small "▸" on the gate's corner: it opens (not "+", which would read as an add gate).
        <g className="expand-mark" transform={`translate(${hw - 2}, ${-hh + 2})`}>
          <title>Open {node.fn} (click or Enter)</title>
          <circle r={8} />
          <text textAnchor="middle" dy="0.35em">
            ▸
          </text>
        </g>
      )}
      {!labelsHidden && node.op !== 'input' && node.op !== 'const' && node.op !== 'param' && (
        <text className="name-label" y={-hh - NAME_ABOVE} textAnchor="middle">
          {name}
        </text>
      )}
      {!labelsHidden && node.op === 'input' && grad !== undefined && (
        <text className="grad-label node-grad" y={belowInput(hh, labelSize)} textAnchor="middle">
          <title>{String(grad)}</title>
          {belowText(grad, seed !== undefined)}
        </text>
      )}
    </g>
  );
}, sameNode);

/**
 * Each analysis builds new node objects; a node whose key and shown props are unchanged need not redraw.
 * (The key names the same sub-expression, so the node's op and inputs are the same too.)
 */
function sameNode(a: NodeProps, b: NodeProps): boolean {
  for (const k of Object.keys(a) as (keyof NodeProps)[])
    if (k !== 'node' && !Object.is(a[k], b[k])) return false;
  return a.nodeKey === b.nodeKey;
}
