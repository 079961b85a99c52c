import {
  definitionLatex,
  formatNumber,
  type GraphNode,
  localDerivatives,
  localLatex,
  numberLatex,
  OP,
} from '../core';
import type { Scene } from '../store/derive';
import { Tex } from './Tex';

/** The shortest text that reads back as the same double, with a true minus sign. */
const exact = (v: number) => String(v).replace('-', '−');

/** A gate with more arguments than this lists the first ones only (a max over 100,000 inputs). */
const MAX_LOCALS = 50;

/** A scalar node's details: its op, value, gradient and local derivative formulas, with exact values. */
export function ScalarNodeDetails({ scene, node }: { scene: Scene; node: GraphNode }) {
  const { graph, values, grads } = scene.analysis;
  const name = scene.names[node.id] as string;
  const out = scene.names[graph.output] as string;
  const spec = OP[node.op];
  // Every local derivative in one pass (a max of n arguments finds its winner once, not n times).
  const locals = node.inputs.length > 0 ? localDerivatives(graph, values, node.id) : [];
  const kind =
    node.op === 'input'
      ? 'input'
      : node.op === 'const'
        ? 'constant'
        : `${node.fn ?? spec.name} gate (${spec.pattern})`;
  return (
    <>
      <h2 className="panel-title">
        {name} <span className="kind">{kind}</span>
      </h2>
      {node.inputs.length > 0 && <Tex latex={definitionLatex(graph, scene.names, node.id)} display />}
      <dl>
        <dt>value</dt>
        <dd>
          {Number.isNaN(values[node.id] as number) ? (
            'not computed (the output does not use it)'
          ) : (
            <>
              {formatNumber(values[node.id] as number, 6)}{' '}
              <span className="exact">(exact {exact(values[node.id] as number)})</span>
            </>
          )}
        </dd>
        <dt>
          ∂{out}/∂{name}
        </dt>
        <dd>
          {formatNumber(grads[node.id] as number, 6)}{' '}
          <span className="exact">(exact {exact(grads[node.id] as number)})</span>
        </dd>
      </dl>
      {node.inputs.slice(0, MAX_LOCALS).map((inp, slot) => {
        const local = locals[slot] as number;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: argument slots are positional
          <div key={slot} className="local">
            <Tex
              latex={`${localLatex(graph, scene.names, node.id, slot)} = ${numberLatex(local, 4, true)}`}
            />
            <span className="sr-only">{`local derivative with respect to ${scene.names[inp]}: ${local}`}</span>
          </div>
        );
      })}
      {node.inputs.length > MAX_LOCALS && (
        <p className="hint">
          …and {(node.inputs.length - MAX_LOCALS).toLocaleString('en-US')} more arguments.
        </p>
      )}
    </>
  );
}
