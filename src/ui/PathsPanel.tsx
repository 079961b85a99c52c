import { useMemo, useState } from 'react';
import { formatNumber, nameLatex, numberLatex, pathsTo } from '../core';
import { useGradflow } from '../store/hooks';
import { selectActions } from '../store/selectors';
import { Tex } from './Tex';

const LIMIT = 24;

/** ∂f/∂x as the sum over every path from the output to x of the product of local derivatives. */
export function PathsPanel() {
  const scene = useGradflow((s) => s.scene);
  const { setHighlight } = useGradflow(selectActions);
  const [chosen, setChosen] = useState('');
  const inputs = scene?.analysis.inputs ?? [];
  const input = inputs.find((i) => i.name === chosen) ?? inputs[0];
  const result = useMemo(
    () => (scene && input ? pathsTo(scene.analysis.graph, scene.analysis.steps, input.node, LIMIT) : null),
    [scene, input],
  );
  if (!scene || !input || !result) return null;
  const { names } = scene;
  const f = nameLatex(names[scene.analysis.graph.output] as string);
  const d = (top: number, bottom: number) =>
    `\\frac{\\partial ${nameLatex(names[top] as string)}}{\\partial ${nameLatex(names[bottom] as string)}}`;
  const out = names[scene.analysis.graph.output] as string;
  const terms =
    result.paths.map((p) => numberLatex(p.product)).join(' + ') + (result.total > LIMIT ? ' + \\cdots' : '');
  const total = numberLatex(result.sum, 4, true);
  const lhs = `\\frac{\\partial ${f}}{\\partial ${nameLatex(input.name)}}`;
  const sumLatex =
    result.total === 0
      ? `${lhs} = 0`
      : result.total === 1
        ? `${lhs} = ${total}`
        : `${lhs} = ${terms} = ${total}`;
  return (
    <div className="paths">
      <label htmlFor="paths-input">Input </label>
      <select id="paths-input" value={input.name} onChange={(e) => setChosen(e.target.value)}>
        {inputs.map((i) => (
          <option key={i.name}>{i.name}</option>
        ))}
      </select>
      <p>
        {result.total === 1 ? 'One path' : `${result.total.toLocaleString('en-US')} paths`} from {out} to{' '}
        {input.name}; the total derivative is the sum of their products:
      </p>
      <Tex display latex={sumLatex} />
      <ol className="path-list">
        {result.paths.map((p, k) => {
          const factors = p.edges.map((_, j) => d(p.nodes[j] as number, p.nodes[j + 1] as number)).join(' ');
          const numbers = p.locals.map((l) => numberLatex(l)).join(' \\cdot ');
          const text = `path ${k + 1}: ${p.nodes.map((n) => names[n]).join(' → ')}, product ${formatNumber(p.product)}`;
          return (
            <li key={p.edges.join('-')}>
              <button
                type="button"
                className="path"
                aria-label={`${text}. Highlight it in the graph.`}
                onMouseEnter={() => setHighlight(p.edges)}
                onMouseLeave={() => setHighlight(null)}
                onFocus={() => setHighlight(p.edges)}
                onBlur={() => setHighlight(null)}
                onClick={() => setHighlight(p.edges)}
              >
                <Tex latex={`${factors} = ${numbers} = ${numberLatex(p.product, 4, true)}`} />
              </button>
            </li>
          );
        })}
      </ol>
      {result.total > LIMIT && (
        <p className="hint">
          Showing {LIMIT} of {result.total.toLocaleString('en-US')} paths.
        </p>
      )}
    </div>
  );
}
