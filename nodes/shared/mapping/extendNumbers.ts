/**
 * Exact decimals → the JSON numbers Extend's samples show ("quantity": 2, "unitPrice": 1).
 * A decimal string of up to 15 significant digits converts to the double whose shortest
 * spelling is that same decimal, so JSON.stringify writes exactly the digits computed here
 * (3 × 19.99 computed as "59.97" is sent as 59.97, never 59.970000000000006).
 */
import { compareDecimal, divideDecimal, isZeroDecimal, multiplyDecimal, normalizeDecimal, roundDecimal, scaleOf } from './decimal';

/** The most decimals a price sent to Extend gets when a division does not come out exact. */
export const MAX_PRICE_DECIMALS = 4;

export function toJsonNumber(decimal: string): number {
	const normal = normalizeDecimal(decimal);
	const significant = normal.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
	if (significant.length > 15) throw new Error(`${decimal} has more than 15 significant digits and cannot be sent as an exact JSON number`);
	const value = Number(normal);
	if (!Number.isFinite(value)) throw new Error(`${decimal} is not a finite number`);
	return value === 0 ? 0 : value;
}

/**
 * amount ÷ quantity, exact at the amount's own scale when it divides evenly ("59.97" ÷ 3 = 19.99),
 * otherwise with more decimals up to MAX_PRICE_DECIMALS, rounded half away from zero at the last
 * ("10.00" ÷ 3 = 3.3333).
 */
export function perUnit(amount: string, quantity: string): string {
	if (isZeroDecimal(quantity)) {
		if (isZeroDecimal(amount)) return roundDecimal('0', scaleOf(amount));
		throw new Error(`quantity is 0 but the amount is ${amount}, so there is no unit price`);
	}
	const start = scaleOf(amount);
	const last = Math.max(start, MAX_PRICE_DECIMALS);
	for (let scale = start; scale < last; scale++) {
		const candidate = divideDecimal(amount, quantity, scale, 'half-up');
		if (compareDecimal(multiplyDecimal(candidate, quantity), amount) === 0) return candidate;
	}
	return divideDecimal(amount, quantity, last, 'half-up');
}
