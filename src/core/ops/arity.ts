import type { OpSpec } from './types';

/** "max needs at least 2 arguments, but 1 was given", or null when the count is right. */
export function arityError(fn: string, spec: OpSpec, n: number): string | null {
  if (n >= spec.minArgs && n <= spec.maxArgs) return null;
  const needs =
    spec.maxArgs === Number.POSITIVE_INFINITY
      ? `${fn} needs at least ${spec.minArgs} arguments`
      : `${fn} takes ${spec.minArgs} argument${spec.minArgs === 1 ? '' : 's'}`;
  return `${needs}, but ${n === 0 ? 'none was' : n === 1 ? '1 was' : `${n} were`} given`;
}
