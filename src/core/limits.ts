import { formatNumber } from './format';

/*
 * What the language refuses up front, so that nothing later has to cope with it: numbers no double can
 * hold, names too long to draw or typeset, and names JavaScript reserves on every object.
 */

/** Longest name, in characters: the same limit as a share link's variable names. */
export const MAX_NAME_LENGTH = 64;

/** The largest finite number, as messages write it: 1.8e308. */
export const LARGEST = formatNumber(Number.MAX_VALUE, 2);

/** Why an identifier cannot be a name, and a hint, or null. Called once per distinct name. */
export function nameProblem(name: string): { message: string; hint: string } | null {
  if (name.length > MAX_NAME_LENGTH) {
    return {
      message: `This name is ${name.length.toLocaleString('en-US')} characters long; names have at most ${MAX_NAME_LENGTH}`,
      hint: 'Use a shorter name, such as x1 or y_hat.',
    };
  }
  // Values and gradients are looked up by name: `__proto__` would reach the object's prototype instead.
  if (name.startsWith('__'))
    return {
      message: `"${name}": names may not start with two underscores`,
      hint: `Start it with a letter, such as ${name.replace(/^_+/, '') || 'x'}.`,
    };
  return null;
}

/** Why a number literal cannot be read (it rounds to ∞: beyond 1.8e308), or null. */
export function literalProblem(text: string, value: number): string | null {
  if (Number.isFinite(value)) return null;
  const shown = text.length > 24 ? `This number (${text.length.toLocaleString('en-US')} digits)` : text;
  return `${shown} is larger than the largest number (${LARGEST})`;
}

/** "larger than 1.8e308, the largest number" / "below −1.8e308, the most negative number". */
export function beyond(v: number): string {
  return v < 0 ? `below −${LARGEST}, the most negative number` : `larger than ${LARGEST}, the largest number`;
}
