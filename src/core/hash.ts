/*
 * FNV-1a, 32 bits: short structural hashes for names and sub-expressions (stable keys for the view).
 * Hashes are kept as signed 32-bit integers, which engines hold without boxing; a Uint32Array that
 * stores them reads them back unsigned.
 */

const OFFSET = 0x811c9dc5 | 0;
const PRIME = 0x01000193;

/** Mixes one more value into a hash. */
export function mix(h: number, v: number): number {
  return Math.imul(h ^ v, PRIME);
}

/** Hash of source[start, end), without making a string of it. */
export function hashSpan(source: string, start: number, end: number, seed = OFFSET): number {
  let h = seed;
  for (let i = start; i < end; i++) h = mix(h, source.charCodeAt(i));
  return h;
}

export function hashString(text: string, seed = OFFSET): number {
  return hashSpan(text, 0, text.length, seed);
}
