import { describe, expect, it } from 'vitest';
import { frameAt } from '../../src/core';
import { createGradflowStore } from '../../src/store/store';
import { decodeState, encodeState } from '../../src/store/url';

/* Opening and closing calls from the store: the text never changes, the numbers never change, and the
 * animation stands at the call that was opened. */

const SIG = 'sig(z) = 1/(1 + exp(-z))\nw = 2; x = -1; b = 1\nf = sig(w*x + b) * w';

function at(s: ReturnType<typeof createGradflowStore>) {
  const { scene, position } = s.getState();
  if (!scene) throw new Error('no scene');
  return frameAt(scene.analysis.graph, scene.timeline, position);
}

describe('store: calls opened and closed', () => {
  it('toggling a call keeps the text and the gradients, and opens only that call', () => {
    const s = createGradflowStore({ source: SIG });
    const before = s.getState().scene?.analysis.gradients;
    s.getState().toggleCall('sig#0');
    expect(s.getState().expanded).toEqual(['sig#0']);
    expect(s.getState().source).toBe(SIG);
    expect(s.getState().scene?.analysis.graph.groups.map((g) => g.key)).toEqual(['sig#0']);
    const after = s.getState().scene?.analysis.gradients ?? {};
    for (const [k, v] of Object.entries(before ?? {})) expect(after[k]).toBeCloseTo(v, 12);
    s.getState().toggleCall('sig#0');
    expect(s.getState().expanded).toEqual([]);
    expect(s.getState().scene?.analysis.graph.groups).toEqual([]);
  });

  it('opened mid-way through the backward pass, the animation stands at the first step inside the call', () => {
    const s = createGradflowStore({ source: SIG });
    const { scene } = s.getState();
    if (!scene) throw new Error('no scene');
    // Step to the edge out of the sig gate's first backward step.
    const call = scene.analysis.graph.callKey.indexOf('sig#0');
    let k = 0;
    while (scene.timeline.steps.target(k) !== call) k++;
    s.getState().seek(scene.timeline.forward.length + k + 1);
    expect(at(s).step?.target).toBe(call);
    s.getState().toggleCall('sig#0');
    const open = s.getState().scene?.analysis.graph.groups[0];
    const f = at(s);
    expect(f.phase).toBe('backward');
    expect(f.step && open && f.step.target >= open.first && f.step.target <= open.last).toBe(true);
    // Closing it again stands at the gate.
    s.getState().toggleCall('sig#0');
    const g = s.getState().scene?.analysis.graph;
    expect(at(s).step?.target).toBe(g?.callKey.indexOf('sig#0'));
  });

  it('at the end, toggling stays at the end', () => {
    const s = createGradflowStore({ source: SIG });
    s.getState().toEnd();
    s.getState().toggleCall('sig#0');
    expect(s.getState().position).toBe(s.getState().scene?.timeline.length);
  });

  it('closing a call closes the calls inside it', () => {
    const src = 'sq(z) = z^2\nn(w, x) = sq(w*x)\nw = 2\nf = n(w, 3)';
    const s = createGradflowStore({ source: src });
    s.getState().toggleCall('n#0');
    s.getState().toggleCall('n#0/sq#0');
    expect(s.getState().expanded).toEqual(['n#0', 'n#0/sq#0']);
    s.getState().toggleCall('n#0');
    expect(s.getState().expanded).toEqual([]);
  });

  it('the opened calls travel in a link, and a link with a malformed key is refused', () => {
    const s = createGradflowStore({ source: SIG, expanded: ['sig#0'] });
    expect(s.getState().scene?.analysis.graph.groups).toHaveLength(1);
    const text = encodeState({
      source: SIG,
      values: {},
      palette: 'lecture',
      theme: 'light',
      projector: false,
      embed: false,
      expanded: ['sig#0', 'n#1/sq#0'],
    });
    const back = decodeState(text);
    expect(back.ok && back.state.expanded).toEqual(['sig#0', 'n#1/sq#0']);
    const bad = decodeState(`${text.replace('open=', 'open=%3Cb%3E')}`);
    expect(bad.ok).toBe(false);
  });
});
