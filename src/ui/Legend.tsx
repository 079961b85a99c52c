import { formatNumber } from '../core';
import { useGradflow } from '../store/hooks';
import { seedOf } from '../store/modes';
import { selectActions } from '../store/selectors';
import { LazyBox, lazyPart } from './lazyPart';

// The key of the tensor view and of forward mode comes with their code.
const LEGEND_MORE = lazyPart(() => import('./LegendMore').then((m) => m.LegendMore));

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
      {tensor || seed !== null ? (
        <LazyBox
          name="The key"
          part={LEGEND_MORE}
          props={{ tensor, seed: seed ?? '', out, valueColour, gradColour }}
        />
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
