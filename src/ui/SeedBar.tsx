import { sceneLength } from '../store/derive';
import { useGradflow } from '../store/hooks';
import { seedOf } from '../store/modes';
import { selectActions } from '../store/selectors';

/**
 * Shown while the timeline replays forward mode: which input is seeded (and a switch to another), the next
 * input once this pass is done, and the way back to the backward pass.
 */
export function SeedBar() {
  const seed = useGradflow((s) => seedOf(s.scene));
  const inputs = useGradflow((s) => s.scene?.analysis.inputs.map((i) => i.name) ?? []);
  const done = useGradflow((s) => s.position >= sceneLength(s.scene));
  const { setSeed } = useGradflow(selectActions);
  if (seed === null) return null;
  const next = inputs[inputs.indexOf(seed) + 1];
  const run = (name: string) => {
    setSeed(name, true);
  };
  return (
    <fieldset className="seed-bar">
      <legend className="sr-only">Forward mode</legend>
      <label>
        Forward mode: seed 1 on{' '}
        <select value={seed} onChange={(e) => run(e.target.value)}>
          {inputs.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {done && next !== undefined && (
        <button type="button" onClick={() => run(next)}>
          Next pass: seed {next}
        </button>
      )}
      <button type="button" onClick={() => setSeed(null)}>
        Back to reverse mode
      </button>
    </fieldset>
  );
}
