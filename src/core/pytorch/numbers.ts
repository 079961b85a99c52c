/**
 * A float literal that Python reads as exactly the double `v`, written as Python's repr writes it: the
 * shortest digits that round-trip (JavaScript's String(v) chooses the same ones), in fixed notation for
 * 1e-4 <= |v| < 1e16 and scientific notation otherwise (`1e+21`, `5e-324`, never `1e+21.0`), with
 * `float('inf')`, `float('-inf')` and `float('nan')` for the values that have no literal.
 */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Number.POSITIVE_INFINITY) return "float('inf')";
  if (v === Number.NEGATIVE_INFINITY) return "float('-inf')";
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  // Most literals are small integers: 2 is `2.0`.
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  const sign = v < 0 ? '-' : '';
  // String(|v|) is `123.45`, `0.000012`, `1.5e+21` or `5e-324`: take its digits and where the point goes.
  const [mantissa = '', exponent = '0'] = String(Math.abs(v)).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  let digits = whole + fraction;
  let point = whole.length + Number(exponent); // value = 0.digits × 10^point
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead).replace(/0+$/, '');
  point -= lead;
  const e = point - 1; // value = d.ddd × 10^e
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.slice(0, point).padEnd(point, '0')}.${digits.slice(point) || '0'}`;
}
