import { definitionLatex, formatNumber, localLatex, numberLatex, OP } from '../core';
import { useGradflow } from '../store/hooks';
import { Tex } from './Tex';

/** The selected node: its op, value, gradient and local derivative formulas, with exact values. */
export function NodeDetails() {
  const scene = useGradflow((s) => s.scene);
  const selected = useGradflow((s) => s.selected);
  const node = scene && selected !== null ? scene.analysis.graph.node(selected) : undefined;
  if (!scene || !node) {
    return (
      <section className="node-details" aria-label="Node">
        <p className="hint">Click or Tab to a node to see its op, value, gradient and local derivatives.</p>
      </section>
    );
  }
  const { graph, values, grads } = scene.analysis;
  const name = scene.names[node.id] as string;
  const out = scene.names[graph.output] as string;
  const spec = OP[node.op];
  const kind =
    node.op === 'input'
      ? 'input'
      : node.op === 'const'
        ? 'constant'
        : `${node.fn ?? spec.name} gate (${spec.pattern})`;
  return (
    <section className="node-details" aria-label="Node">
      <h2 className="panel-title">
        {name} <span className="kind">{kind}</span>
      </h2>
      {node.inputs.length > 0 && <Tex latex={definitionLatex(graph, scene.names, node.id)} display />}
      <dl>
        <dt>value</dt>
        <dd>
          {formatNumber(values[node.id] as number, 6)}{' '}
          <span className="exact">(exact {String(values[node.id])})</span>
        </dd>
        <dt>
          ∂{out}/∂{name}
        </dt>
        <dd>
          {formatNumber(grads[node.id] as number, 6)}{' '}
          <span className="exact">(exact {String(grads[node.id])})</span>
        </dd>
      </dl>
      {node.inputs.map((inp, slot) => {
        const xs = node.inputs.map((i) => values[i] as number);
        const local = spec.partial(xs, values[node.id] as number, slot);
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
    </section>
  );
}
