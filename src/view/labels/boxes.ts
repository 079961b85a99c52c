/** Label boxes, sized from the text alone (no DOM), and a grid for finding which boxes overlap. */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

// Advance widths in em, on the wide side of the UI fonts the labels may get (DejaVu Sans Bold is the
// widest common one: digits 0.70, minus and operators 0.84), so that a box never undersizes its text.
const EM: Record<string, number> = { '.': 0.4, ' ': 0.36, ',': 0.4, e: 0.7, '?': 0.62, '∂': 0.66 };
const DIGIT = 0.71;
const OTHER = 0.86;

/** Width of a label's text in drawing units at `size` (font size in the same units). */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += EM[ch] ?? (ch >= '0' && ch <= '9' ? DIGIT : OTHER);
  return em * size;
}

// The halo around each label (a stroke in the background colour) and a hair of air.
export const MARGIN = 3;
// A line of text from its top to its bottom, relative to the baseline, in em.
export const ASCENT = 0.95;
export const DESCENT = 0.27;

/** The box of centred text (text-anchor middle) with its baseline at y, one or more lines. */
export function textBox(x: number, baseline: number, width: number, size: number, lines = 1): Box {
  return {
    x0: x - width / 2 - MARGIN,
    x1: x + width / 2 + MARGIN,
    y0: baseline - ASCENT * size - MARGIN,
    y1: baseline + DESCENT * size + (lines - 1) * LINE * size + MARGIN,
  };
}

/** Line spacing of a two-line label (the tspan's dy). */
export const LINE = 1.15;

/** Below this many pixels on screen a number is not read but guessed at: the view hides it instead. */
export const LEGIBLE_PX = 9;

// Boxes that only touch (up to rounding) do not overlap.
const EPS = 1e-6;

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 - EPS && b.x0 < a.x1 - EPS && a.y0 < b.y1 - EPS && b.y0 < a.y1 - EPS;
}

const CELL = 96;

/** Boxes bucketed by grid cell: an overlap query looks only at the cells a box covers. */
export class BoxGrid {
  readonly boxes: Box[] = [];
  /** What each box is (a caller's tag, e.g. which label). */
  readonly tags: number[] = [];
  private readonly cells = new Map<number, number[]>();

  add(b: Box, tag: number): number {
    const i = this.boxes.length;
    this.boxes.push(b);
    this.tags.push(tag);
    this.each(b, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(i);
      else this.cells.set(key, [i]);
    });
    return i;
  }

  /** Indices of the boxes overlapping b (each once). */
  hits(b: Box): number[] {
    const out: number[] = [];
    this.each(b, (key) => {
      for (const i of this.cells.get(key) ?? [])
        if (!out.includes(i) && overlaps(b, this.boxes[i] as Box)) out.push(i);
    });
    return out;
  }

  free(b: Box): boolean {
    let ok = true;
    this.each(b, (key) => {
      if (ok) for (const i of this.cells.get(key) ?? []) if (overlaps(b, this.boxes[i] as Box)) ok = false;
    });
    return ok;
  }

  private each(b: Box, f: (key: number) => void): void {
    const cx0 = Math.floor(b.x0 / CELL);
    const cx1 = Math.floor(b.x1 / CELL);
    const cy0 = Math.floor(b.y0 / CELL);
    const cy1 = Math.floor(b.y1 / CELL);
    for (let cx = cx0; cx <= cx1; cx++)
      for (let cy = cy0; cy <= cy1; cy++) f((cx + 32768) * 65536 + (cy + 32768));
  }
}
