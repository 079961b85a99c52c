import { useEffect, useState } from 'react';
import { formatNumber as f, tangent } from '../core';
import { sceneLength } from '../store/derive';
import { useGradflow } from '../store/hooks';
import { seedOf } from '../store/modes';
import { selectActions } from '../store/selectors';
import { useTicker } from './useTicker';

/** How often "Run every forward pass" does its next pass: slow enough to watch the column fill in. */
const PASS_MS = 250;
/** Inputs listed (and passes run) at most. */
const MAX_ROWS = 40;

/** The lecture's MLP 784-16-16-10: its inputs are 784 pixels and 13,002 weights and biases. */
const MLP = { pixels: 784, weights: 784 * 16 + 16 + 16 * 16 + 16 + 16 * 10 + 10 };

/**
 * Why backprop runs in reverse: forward mode finds ∂f/∂x for one input per pass (a tangent seeded 1 on
 * that input, pushed forward), so n inputs cost n passes; reverse mode finds every one in one backward
 * pass per output. The student runs the forward passes and watches them fill in the same gradient.
 */
export function ModesPanel() {
  const scene = useGradflow((s) => s.scene);
  const a = scene?.full ?? null;
  // The inputs whose forward pass has run, here or played to its end on the graph.
  const [filled, setFilled] = useState<ReadonlySet<string>>(new Set());
  const [pick, setPick] = useState<string | null>(null);
  const { setSeed } = useGradflow(selectActions);
  const playing = useGradflow((s) => seedOf(s.scene));
  const ended = useGradflow((s) => !s.playing && s.position >= sceneLength(s.scene));
  const { start, stop } = useTicker();
  // A new program (or new values) starts over; the same one redrawn (in forward mode, at scalar level) does not.
  const program = a ? `${a.source}\u0000${a.inputs.map((i) => i.value).join(',')}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the program changes
  useEffect(() => {
    stop();
    setFilled(new Set());
  }, [program]);
  // A forward pass played to its end on the graph fills its row too.
  useEffect(() => {
    if (playing !== null && ended) setFilled((f) => (f.has(playing) ? f : new Set([...f, playing])));
  }, [playing, ended]);
  if (!a) return null;
  const n = a.inputs.length;
  // A vector output has m elements: reverse mode needs a backward pass for each (a row of the Jacobian).
  const m = a.graph.outputs?.length ?? 1;
  // A table of 13,000 rows says nothing more than one of 40: the passes are run for the first ones.
  const shown = Math.min(n, MAX_ROWS);
  const out = a.graph.label[a.graph.output] ?? 'f';
  // The picker follows the pass on the graph, else the student's last choice.
  const chosen = playing ?? pick;
  const seed = chosen !== null && a.inputs.some((i) => i.name === chosen) ? chosen : a.inputs[0]?.name;
  const listed = a.inputs.slice(0, shown);
  const next = listed.find((i) => !filled.has(i.name));
  const fill = (name: string) => setFilled((f) => new Set([...f, name]));
  const edges = a.graph.edgeCount;
  // Forward pass k: the tangent seeded on input k, read at the output.
  const pass = (k: number) =>
    tangent(a.graph, a.values, (a.inputs[k] as { node: number }).node)[a.graph.output] as number;
  const runAll = () => {
    // Every pass again, from the first, one at a time.
    setFilled(new Set());
    let k = 0;
    start(() => {
      fill((listed[k] as { name: string }).name);
      k++;
      return k < shown;
    }, PASS_MS);
  };
  return (
    <div className="modes">
      <p>
        This program has <strong>n = {n}</strong> input{n === 1 ? '' : 's'} and <strong>m = {m}</strong>{' '}
        output{m === 1 ? '' : 's'}. Forward mode needs one pass per input: <strong>{n}</strong> pass
        {n === 1 ? '' : 'es'}, each through the graph's {edges} edges (on the graph, a pass shows only the
        edges its tangent travels). Reverse mode (backprop) needs one pass per output:{' '}
        {m === 1 ? (
          <>
            <strong>1</strong> backward pass gives every ∂{out}/∂x at once.
          </>
        ) : (
          <>
            <strong>{m}</strong> backward passes, a row of the Jacobian each.
          </>
        )}
      </p>
      <p className="hint">
        The lecture's MLP 784-16-16-10 has {(MLP.pixels + MLP.weights).toLocaleString('en-US')} inputs (784
        pixels and {MLP.weights.toLocaleString('en-US')} weights and biases) and one loss: forward mode would
        need {(MLP.pixels + MLP.weights).toLocaleString('en-US')} passes, reverse mode 1. That is why training
        runs backward.
      </p>
      {seed !== undefined && (
        <div className="modes-controls">
          <label>
            Watch one forward pass on the graph, seed 1 on{' '}
            <select
              value={seed}
              onChange={(e) => (playing === null ? setPick(e.target.value) : setSeed(e.target.value, true))}
            >
              {a.inputs.slice(0, MAX_ROWS * 5).map((i) => (
                <option key={i.name} value={i.name}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => {
              setSeed(seed, true);
            }}
          >
            Animate forward mode
          </button>
        </div>
      )}
      <div className="modes-controls">
        <button type="button" disabled={next === undefined} onClick={() => next && fill(next.name)}>
          Next forward pass
        </button>
        <button type="button" onClick={runAll}>
          Run every forward pass
        </button>
        <span role="status" className="modes-status">
          {filled.size === 0 ? 'No forward pass yet.' : `${filled.size} of ${n} forward passes done.`}
          {shown < n && ` (the first ${shown} inputs are listed)`}
        </span>
      </div>
      <table className="modes-table" aria-label="Forward mode against reverse mode">
        <thead>
          <tr>
            <th scope="col">input</th>
            <th scope="col">forward pass (seed 1 on it)</th>
            <th scope="col">reverse mode</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((input, k) => {
            const reverse = a.gradients[input.name] as number;
            const forward = filled.has(input.name) ? pass(k) : undefined;
            const agree =
              forward !== undefined && Math.abs(forward - reverse) <= 1e-9 * Math.max(1, Math.abs(reverse));
            return (
              <tr
                key={input.name}
                className={forward === undefined ? 'pending' : agree ? 'agrees' : 'differs'}
              >
                <th scope="row">{input.name}</th>
                <td title={forward === undefined ? undefined : String(forward)}>
                  {forward === undefined ? '…' : `pass ${k + 1}: ${f(forward, 6)}`}
                </td>
                <td title={String(reverse)}>
                  {f(reverse, 6)}
                  {forward !== undefined && (agree ? ' ✓ same' : ' ✗ differs')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
