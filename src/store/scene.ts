import type { AnalysisOk, Drawn, TensorFrame, Timeline } from '../core';
import type { Layout } from '../view/layout';

/* What the view draws and replays for a good analysis (store/derive.ts makes it). */

/** A good analysis with everything the view replays: names, timeline and layout. */
export interface Scene {
  /** The analysis as drawn: each call not expanded is one gate (see core/collapse.ts). */
  analysis: AnalysisOk;
  /** The analysis with every call inlined: what the gradient check and the PyTorch export read. */
  full: AnalysisOk;
  names: string[];
  timeline: Timeline;
  layout: Layout;
  /** Stable node keys (`nodeKeys`): React keys and layout hints (none for a graph too big to draw). */
  keys: string[];
  /** Structure fingerprint: same keys and edges → same layout. */
  shape: string;
  /** Milliseconds the layout took (0 when reused). */
  layoutMs: number;
  /** False above MAX_DRAWN_NODES: the numbers are computed, but the graph is not drawn. */
  drawable: boolean;
  /**
   * A program with vectors and matrices, drawn at tensor level (one node per operation, unless the
   * student opened it into its scalars, or asked for the whole program at scalar level: `scalars`).
   * When present, the view, the step panel and the playback read it instead of the scalar timeline.
   */
  tensor?: TensorScene;
}

export interface TensorScene {
  drawn: Drawn;
  names: string[];
  layout: Layout;
  /** Positions 0..length of its replay (core/tensor/replay.ts). */
  length: number;
  /** What is shown at a position of the replay. */
  frameAt(position: number): TensorFrame;
}

/** The last playback position: the tensor level's replay when drawn at tensor level, else the scalar one. */
export const sceneLength = (s: Scene | null): number => (s ? (s.tensor?.length ?? s.timeline.length) : 0);
/** How many positions the forward pass takes. */
export const forwardLength = (s: Scene | null): number =>
  s ? (s.tensor?.drawn.forward.length ?? s.timeline.forward.length) : 0;

/** The key in the opened set that draws a tensor program at scalar level. */
export const SCALARS = 'scalars';
