import { formatNumber } from '../core';
import { useGradflow } from '../store/hooks';
import { seedOf } from '../store/modes';
import { selectActions } from '../store/selectors';

/** Whether the key is on screen: as the student chose, else shown except on a projector. */
export const selectLegendShown = (s: { legend: boolean | null; projector: boolean }) =>
  s.legend ?? !s.projector;

/**
 * The key to the picture, for a newcomer: the number above an edge is its value (forward), the one below
 * its gradient (backward), and "∂ −4" under an input is ∂f/∂x. It uses the program's own names and, unless
 * a quiz hides the numbers, the first input's own gradient.
 */
export function Legend() {
  const shown = useGradflow(selectLegendShown);
  const palette = useGradflow((s) => s.palette);
  const example = useGradflow((s) => {
    const a = s.scene?.analysis;
    const input = a?.inputs[0];
    if (!a || !input) return null;
    const t = s.scene?.tensor;
    const out = t ? (t.names[t.drawn.output] as string) : (a.graph.label[a.graph.output] ?? 'f');
    const g = a.gradients[input.name] as number;
    return { out, input: input.name, grad: s.quiz ? null : formatNumber(g) };
  });
  const tensor = useGradflow((s) => s.scene?.tensor !== undefined);
  const seed = useGradflow((s) => seedOf(s.scene));
  const { setLegend } = useGradflow(selectActions);
  if (!shown) return null;
  const [valueColour, gradColour] = palette === 'colorblind' ? ['blue', 'orange'] : ['green', 'red'];
  const out = example?.out ?? 'f';
  const x = example?.input ?? 'x';
  const g = example?.grad ?? 'g';
  return (
    <aside className="legend" aria-label="Key">
      {tensor ? (
        <ul>
          <li>
            <span className="legend-value">{valueColour} under a node</span>: its value, a vector or matrix (…
            when it is large; hover or select the node for every number)
          </li>
          <li>
            <span className="legend-grad">{gradColour} ∂ […]</span> under it: its gradient ∂{out}/∂·, of the
            same shape, once it has arrived
          </li>
          <li>
            <span className="legend-shape">3×4</span> on an edge: the shape it carries; ▸ opens an operation
            into its scalar gates
          </li>
        </ul>
      ) : seed !== null ? (
        <ul>
          <li>
            <span className="legend-value">{valueColour} above an edge</span>: the value flowing forward
          </li>
          <li>
            <span className="legend-grad">{gradColour} below an edge</span>: forward mode, the tangent d·/d
            {seed} flowing forward with it
          </li>
          <li>
            <span className="legend-grad">seed 1</span> under {seed},{' '}
            <span className="legend-grad">seed 0</span> under the other inputs; faint: what does not depend on{' '}
            {seed}
          </li>
        </ul>
      ) : (
        <ul>
          <li>
            <span className="legend-value">{valueColour} above an edge</span>: the value flowing forward
          </li>
          <li>
            <span className="legend-grad">{gradColour} below an edge</span>: the gradient flowing back
          </li>
          <li>
            <span className="legend-grad">∂ {g}</span> under an input {x} means ∂{out}/∂{x} = {g} (the sum so
            far, while stepping)
          </li>
        </ul>
      )}
      <button type="button" onClick={() => setLegend(false)} aria-label="Hide the key">
        Hide
      </button>
    </aside>
  );
}

/** The graph blanked by a presenter's clicker (`b` or `.`), until the same key comes again. */
export function Blank() {
  const blank = useGradflow((s) => s.blank);
  const { setBlank } = useGradflow(selectActions);
  if (!blank) return null;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard way back is b, . or Escape (useKeyboard)
    <div className="blank" role="status" aria-label="Screen blanked" onClick={() => setBlank(false)}>
      <span>Blanked: press b or . to show the graph again</span>
    </div>
  );
}
