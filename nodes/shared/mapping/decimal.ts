/**
 * Exact decimal arithmetic on strings, implemented with BigInt.
 *
 * A decimal is held as an integer `units` and a `scale` (number of fractional digits):
 * "18.00" is { units: 1800n, scale: 2 }. No JavaScript floating point is involved anywhere,
 * so "0.1" + "0.2" is exactly "0.3".
 *
 * Scale rules (the scale is the number of digits after the point, and it is kept, because
 * "18.00" and "18" say different things about a price):
 * - add / subtract: the larger of the two scales ("18.00" + "5" = "23.00");
 * - multiply: the sum of the scales ("1.5" × "1.25" = "1.875");
 * - divide: the scale you ask for, rounded with the rounding mode you ask for.
 */

export type RoundingMode =
	/** Round half away from zero (PHP's round(), what WooCommerce uses): 2.345 → 2.35, -2.345 → -2.35. */
	| 'half-up'
	/** Round half to even (banker's rounding): 2.345 → 2.34, 2.355 → 2.36. */
	| 'half-even'
	/** Drop the extra digits (round toward zero): 2.349 → 2.34, -2.349 → -2.34. */
	| 'truncate';

interface Decimal {
	units: bigint;
	scale: number;
}

const DECIMAL_PATTERN = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** The largest scale accepted, so that a hostile input cannot make BigInt work unboundedly. */
const MAX_SCALE = 100;

function invalid(value: unknown): Error {
	const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
	return new Error(`Not a decimal number: ${shown}`);
}

function parse(value: string): Decimal {
	if (typeof value !== 'string') throw invalid(value);
	const match = DECIMAL_PATTERN.exec(value.trim());
	if (!match) throw invalid(value);
	const [, sign, intPart = '', fracPart = ''] = match;
	if (intPart === '' && fracPart === '') throw invalid(value);
	if (fracPart.length > MAX_SCALE) throw invalid(value);
	const digits = (intPart + fracPart).replace(/^0+(?=\d)/, '') || '0';
	const magnitude = BigInt(digits);
	return { units: sign === '-' ? -magnitude : magnitude, scale: fracPart.length };
}

function format({ units, scale }: Decimal): string {
	const negative = units < 0n;
	const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
	const intPart = digits.slice(0, digits.length - scale);
	const fracPart = digits.slice(digits.length - scale);
	return (negative ? '-' : '') + intPart + (scale > 0 ? '.' + fracPart : '');
}

function pow10(exponent: number): bigint {
	return 10n ** BigInt(exponent);
}

function rescaleUp(value: Decimal, scale: number): Decimal {
	return { units: value.units * pow10(scale - value.scale), scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
	const scale = Math.max(a.scale, b.scale);
	return [rescaleUp(a, scale).units, rescaleUp(b, scale).units, scale];
}

/** numerator ÷ denominator rounded to an integer with the given mode. */
function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
	if (denominator === 0n) throw new Error('Division by zero');
	if (denominator < 0n) {
		numerator = -numerator;
		denominator = -denominator;
	}
	const negative = numerator < 0n;
	const magnitude = negative ? -numerator : numerator;
	let quotient = magnitude / denominator;
	const remainder = magnitude % denominator;
	if (remainder !== 0n && mode !== 'truncate') {
		const twice = remainder * 2n;
		if (twice > denominator || (twice === denominator && (mode === 'half-up' || quotient % 2n === 1n))) {
			quotient += 1n;
		}
	}
	return negative ? -quotient : quotient;
}

function checkScale(scale: number): void {
	if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
		throw new Error(`Invalid decimal scale: ${scale}`);
	}
}

/** True when the string is a decimal number this module accepts ("18.00", "-5", ".5", "3."). */
export function isDecimalString(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	try {
		parse(value);
		return true;
	} catch {
		return false;
	}
}

/**
 * The canonical spelling of a decimal string: no sign for zero or positives, no leading zeros,
 * "0" before a bare point, no trailing point. The scale is kept ("18.00" stays "18.00").
 * "+007.50" → "7.50", ".5" → "0.5", "3." → "3", "-0.00" → "0.00".
 */
export function normalizeDecimal(value: string): string {
	return format(parse(value));
}

/** The number of digits after the decimal point: "18.00" → 2, "3" → 0. */
export function scaleOf(value: string): number {
	return parse(value).scale;
}

export function addDecimal(a: string, b: string): string {
	const [x, y, scale] = align(parse(a), parse(b));
	return format({ units: x + y, scale });
}

export function subtractDecimal(a: string, b: string): string {
	const [x, y, scale] = align(parse(a), parse(b));
	return format({ units: x - y, scale });
}

/** Sum of the values; `zero` gives the scale of an empty sum (default "0"). */
export function sumDecimals(values: readonly string[], zero = '0'): string {
	return values.reduce((total, value) => addDecimal(total, value), normalizeDecimal(zero));
}

export function negateDecimal(a: string): string {
	const value = parse(a);
	return format({ units: -value.units, scale: value.scale });
}

export function absDecimal(a: string): string {
	const value = parse(a);
	return format({ units: value.units < 0n ? -value.units : value.units, scale: value.scale });
}

/** Exact product; the result's scale is the sum of the scales. */
export function multiplyDecimal(a: string, b: string): string {
	const x = parse(a);
	const y = parse(b);
	const scale = x.scale + y.scale;
	checkScale(scale);
	return format({ units: x.units * y.units, scale });
}

/**
 * a ÷ b to exactly `scale` fractional digits, rounded with `rounding` (default half-up, i.e.
 * half away from zero). Throws on division by zero.
 */
export function divideDecimal(a: string, b: string, scale: number, rounding: RoundingMode = 'half-up'): string {
	checkScale(scale);
	const x = parse(a);
	const y = parse(b);
	if (y.units === 0n) throw new Error(`Division by zero: ${a} ÷ ${b}`);
	// a/b = (x.units / 10^x.scale) / (y.units / 10^y.scale); we want that × 10^scale as an integer.
	const numerator = x.units * pow10(y.scale + scale);
	const denominator = y.units * pow10(x.scale);
	return format({ units: divideRounded(numerator, denominator, rounding), scale });
}

/** `a` rounded (or zero-padded) to `scale` fractional digits. */
export function roundDecimal(a: string, scale: number, rounding: RoundingMode = 'half-up'): string {
	return divideDecimal(a, '1', scale, rounding);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b ("1.50" equals "1.5"). */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
	const [x, y] = align(parse(a), parse(b));
	return x < y ? -1 : x > y ? 1 : 0;
}

export function isZeroDecimal(a: string): boolean {
	return parse(a).units === 0n;
}

export function isNegativeDecimal(a: string): boolean {
	return parse(a).units < 0n;
}

/**
 * A JavaScript number as a decimal string, using the shortest spelling that reads back as the
 * same number (what `String(n)` gives), with exponent notation expanded: 3 → "3", 9.5 → "9.5",
 * 1e21 → "1000000000000000000000", 1e-7 → "0.0000001". Use it only for values WooCommerce sends
 * as JSON numbers that are meant to be whole or short (quantities, stock); it cannot recover
 * digits a float has already lost. Throws for NaN and ±Infinity.
 */
export function decimalFromNumber(value: number): string {
	if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(value);
	const text = String(value);
	const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
	if (!match) return normalizeDecimal(text);
	const [, sign, intPart, fracPart = '', exponentText] = match;
	const exponent = Number(exponentText);
	const digits = intPart + fracPart;
	const pointAt = intPart.length + exponent;
	let result: string;
	if (pointAt <= 0) result = '0.' + '0'.repeat(-pointAt) + digits;
	else if (pointAt >= digits.length) result = digits + '0'.repeat(pointAt - digits.length);
	else result = digits.slice(0, pointAt) + '.' + digits.slice(pointAt);
	return normalizeDecimal(sign + result);
}
