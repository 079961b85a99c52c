import { formatNumber as f } from '../../core';

/**
 * A tensor's numbers as the lines of a small matrix, truncated with … past `rows` rows and `cols`
 * columns (the node shows this; its title and the node details give every number):
 *   shape [2, 3] → ["[4, −2, 1]", "[0, 1, 3]"];  a vector → one line;  a scalar → its number.
 */
export function matrixLines(
  values: readonly number[],
  shape: readonly number[],
  maxRows = 3,
  maxCols = 4,
): string[] {
  if (shape.length === 0) return [f(values[0] as number)];
  // A big tensor (a layer's weights) shows only its corner: a reminder of its numbers, not a table.
  const big = values.length > 16;
  const rows = big ? Math.min(2, maxRows) : maxRows;
  const cols = big ? Math.min(3, maxCols) : maxCols;
  // Three significant digits in a preview (every digit is in the title and the node details).
  const f3 = (v: number) => f(v, 3);
  const [r, c] = shape.length === 2 ? [shape[0] as number, shape[1] as number] : [1, shape[0] as number];
  const row = (i: number) => {
    const xs: string[] = [];
    for (let j = 0; j < Math.min(c, cols); j++) xs.push(f3(values[i * c + j] as number));
    if (c > cols) xs.push('…');
    return `[${xs.join(', ')}]`;
  };
  const lines: string[] = [];
  for (let i = 0; i < Math.min(r, rows); i++) lines.push(row(i));
  if (r > rows) lines.push(`… ${r - rows} more row${r - rows > 1 ? 's' : ''}`);
  return lines;
}

/** Every number, exact, one row per line: for titles and the node details. */
export function matrixText(values: readonly number[], shape: readonly number[]): string {
  if (shape.length === 0) return String(values[0]);
  if (shape.length < 2) return `[${values.map(String).join(', ')}]`;
  const c = shape[1] as number;
  const rows: string[] = [];
  for (let i = 0; i * c < values.length; i++)
    rows.push(
      `[${values
        .slice(i * c, i * c + c)
        .map(String)
        .join(', ')}]`,
    );
  return `[${rows.join(',\n ')}]`;
}

/** A shape as the lectures write it: 3×4, 3, or 1 for a number. */
export const dims = (shape: readonly number[]) => (shape.length === 0 ? '1' : shape.join('×'));
