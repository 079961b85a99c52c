/**
 * Numbers for reading: `digits` significant digits, trailing zeros dropped, a true minus sign (−),
 * and scientific notation only when the magnitude calls for it. The exact value is `String(v)`.
 */
export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  let text: string;
  if (abs >= 1e6 || abs < 1e-4) {
    const [mantissa, exponent] = v.toExponential(digits - 1).split('e') as [string, string];
    text = `${trimZeros(mantissa)}e${exponent.replace('+', '')}`;
  } else {
    text = trimZeros(v.toPrecision(digits));
    if (text.includes('e')) text = trimZeros(v.toFixed(0));
  }
  return text.replace('-', '−');
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** ASCII form for LaTeX and code (KaTeX and Python want a plain hyphen-minus). */
export function formatAscii(v: number, digits = 4): string {
  return formatNumber(v, digits).replace('−', '-').replace('∞', 'inf');
}
