import { useGradflow } from '../store/hooks';
import { selectActions, selectInputs } from '../store/selectors';
import { groupInputs } from './inputGroups';
import { LazyBox, lazyPart } from './lazyPart';
import { Variable } from './Variable';
import './panels.css';

// A vector or matrix input's grid comes with the first program that has one.
const MATRIX_INPUT = lazyPart(() => import('./MatrixInput').then((m) => m.MatrixInput));

/**
 * One row per input: a number field named by the variable (`x1`), and a slider with an editable range.
 * An input whose value was set beside the text (a slider, a field, an earlier program) says so, and one
 * button puts every input back to the text's value, or 1.
 */
export function Variables() {
  const inputs = useGradflow(selectInputs);
  const overrides = useGradflow((s) => s.overrides);
  const { resetValues } = useGradflow(selectActions);
  if (inputs.length === 0) return null;
  const kept = inputs.filter((i) => Object.hasOwn(overrides, i.name) && i.declared === undefined);
  return (
    <fieldset className="variables">
      <legend className="panel-title">Inputs</legend>
      {groupInputs(inputs).map((g) =>
        g.kind === 'one' ? (
          <Variable key={g.input.name} input={g.input} kept={kept.includes(g.input)} />
        ) : (
          <LazyBox
            key={g.name}
            name={`The grid of ${g.name}`}
            part={MATRIX_INPUT}
            props={{ group: g, kept }}
          />
        ),
      )}
      {kept.length > 0 && (
        <p className="kept-note">
          <span>
            {kept.map((i) => i.name).join(', ')} {kept.length === 1 ? 'has a value' : 'have values'} set here,
            not written in the text (other inputs are 1 unless the text says).
          </span>{' '}
          <button type="button" onClick={resetValues}>
            Reset values
          </button>
        </p>
      )}
    </fieldset>
  );
}
