/*
 * Text pasted from a PDF, a slide or a word processor brings characters a program has no use for: form
 * feeds between pages, carriage returns, non-breaking and zero-width spaces, other control characters.
 * They would make the stored program and the share link invalid (links refuse control characters), so
 * they are tidied away as the text comes in, and nothing the student meant is lost.
 */

/** Line breaks of other systems and documents (CR LF, CR, form feed, vertical tab, NEL, LS, PS). */
const BREAKS = /\r\n?|[\f\v\u0085\u2028\u2029]/g;
/** Spaces that look like a space: no-break, en/em/thin spaces, ideographic. */
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Control characters other than tab and newline, and invisible format characters (zero-width, BOM). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200b-\u200d\u2060\ufeff]/g;

/** The text with line breaks made `\n`, odd spaces made plain spaces, and invisible characters removed. */
export function normalizeText(text: string): string {
  return text.replace(BREAKS, '\n').replace(SPACES, ' ').replace(INVISIBLE, '');
}
