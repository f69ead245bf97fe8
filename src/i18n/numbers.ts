// Numbers in messages, written the way a Mexican office writes them (1,234.5), and never
// overflowing: a value typed as 1.7e308 is shown as such, not as «Infinity».

// Beyond this, digits past the 16th are noise: the value is shown in scientific notation.
const SCIENTIFIC_FROM = 1e21;

const plain = new Map<number, Intl.NumberFormat>();
const scientific = new Map<number, Intl.NumberFormat>();

function formatter(cache: Map<number, Intl.NumberFormat>, maxDecimals: number, notation: 'standard' | 'scientific'): Intl.NumberFormat {
  let format = cache.get(maxDecimals);
  if (!format) {
    // signDisplay 'negative': a value that rounds to zero prints as 0, never as -0.
    format = new Intl.NumberFormat('es-MX', { maximumFractionDigits: maxDecimals, notation, signDisplay: 'negative' });
    cache.set(maxDecimals, format);
  }
  return format;
}

/**
 * `1234.5` → `1,234.5`: es-MX grouping, at most `maxDecimals` decimals (trailing zeros
 * dropped), so a sum like 0.1 + 0.2 prints as 0.3. Huge values print as `1.7E308`.
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  // The mantissa keeps two decimals even for integers: 1.7E308, not 2E308.
  if (Math.abs(value) >= SCIENTIFIC_FROM) return formatter(scientific, Math.max(2, maxDecimals), 'scientific').format(value);
  return formatter(plain, maxDecimals, 'standard').format(value);
}

/**
 * A percentage with one decimal at most, rounded down, so a share just under a threshold
 * (49.99 %) never prints as the threshold (50 %).
 */
export function formatPercent(value: number): string {
  const tenths = value * 10;
  // Rounding down to tenths only matters for values whose tenths a double can hold.
  const down = Number.isFinite(tenths) && Math.abs(value) < SCIENTIFIC_FROM ? Math.floor(tenths + 1e-9) / 10 : value;
  return formatNumber(down, 1);
}

/**
 * `part` as a percentage of `whole`, for messages (`160`), without overflowing when the
 * percentage itself is beyond what a number can hold (1.7e308 of a target of 10).
 */
export function formatShare(part: number, whole: number, maxDecimals = 0): string {
  const percent = (part / whole) * 100;
  if (Number.isFinite(percent) || !Number.isFinite(part) || !Number.isFinite(whole) || whole === 0) return formatNumber(percent, maxDecimals);
  // The percentage is beyond the largest number: work with its logarithm instead.
  const log = Math.log10(Math.abs(part)) - Math.log10(Math.abs(whole)) + 2;
  let exponent = Math.floor(log);
  let mantissa = Number((10 ** (log - exponent)).toFixed(2));
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return `${part < 0 !== whole < 0 ? '-' : ''}${formatNumber(mantissa, 2)}E${exponent}`;
}
