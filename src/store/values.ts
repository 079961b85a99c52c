import type { InputValue } from '../core';
import type { Snapshot } from './history';

/** A number as the student would write it: at most 12 significant digits, no float noise (0.30000000000000004). */
export function literal(v: number): string {
  return String(Number(v.toPrecision(12)));
}

/**
 * The work with inputs set to `values`: a number written in the text (`x = -2`) is rewritten where it
 * stands, so the text and the sliders always agree; any other input is kept beside the text. Null when a
 * value is not a finite number.
 */
export function withValues(
  source: string,
  inputs: readonly InputValue[],
  overrides: Readonly<Record<string, number>>,
  values: Readonly<Record<string, number>>,
): Snapshot | null {
  const ov = { ...overrides };
  const spans: { start: number; end: number; text: string }[] = [];
  for (const [name, v] of Object.entries(values)) {
    if (!Number.isFinite(v)) return null;
    const input = inputs.find((i) => i.name === name);
    if (input?.valueStart !== undefined && input.valueEnd !== undefined) {
      delete ov[name];
      spans.push({ start: input.valueStart, end: input.valueEnd, text: literal(v) });
    } else ov[name] = v;
  }
  // Last first, so that the earlier spans stay true.
  let src = source;
  for (const s of spans.sort((p, q) => q.start - p.start))
    src = `${src.slice(0, s.start)}${s.text}${src.slice(s.end)}`;
  return { source: src, overrides: ov };
}
