import { STUB } from './edges';
import type { Layout } from './layout';

/** Margin around the drawing, in drawing units: room for the numbers above the top row and below the last. */
const PAD = 70;
/** How far the overview may magnify a small graph: on a projector, small graphs should fill the wall. */
export const MAX_SCALE = { screen: 1.6, projector: 3 } as const;

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box the overview fits: the layout, its margins, the output's stub on the right. */
export function boundsOf(layout: Pick<Layout, 'width' | 'height'>): Bounds {
  return {
    x: -PAD - 40,
    y: -PAD,
    width: layout.width + 2 * PAD + STUB + 40,
    height: layout.height + 2 * PAD,
  };
}
