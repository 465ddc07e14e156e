import { decimalFromNumber, sumDecimals } from '../mapping/decimal';
import { toJsonNumber } from '../mapping/extendNumbers';
import { readChangedAvailability, type AvailabilityResult, type AvailabilityRow } from './availabilityReader';
import type { ExtendGet } from './extendGet';

/**
 * What to do with a product that has balances in several warehouses when no warehouse was chosen:
 * refuse it (the store has one stock per SKU, and which warehouse's balance it should get is the
 * user's decision), or give the store the sum.
 */
export type SeveralWarehouses = 'refuse' | 'addUp';

/** A product refused because it has balances in several warehouses. */
export interface WarehouseConflict {
	productNumber: string;
	warehouses: string[];
	balances: AvailabilityRow[];
}

export interface CombinedBalances {
	rows: AvailabilityRow[];
	conflicts: WarehouseConflict[];
}

/** The sum of balances as exact as their decimal forms (0.1 + 0.2 is 0.3), through the package's decimal arithmetic. */
export function addBalances(values: readonly number[]): number {
	return toJsonNumber(sumDecimals(values.map(decimalFromNumber)));
}

/** Rows grouped by product number, in the order products first appear. */
function byProductNumber(rows: readonly AvailabilityRow[]): Map<string, AvailabilityRow[]> {
	const grouped = new Map<string, AvailabilityRow[]>();
	for (const row of rows) {
		const own = grouped.get(row.productNumber);
		if (own) own.push(row);
		else grouped.set(row.productNumber, [row]);
	}
	return grouped;
}

function latest(rows: readonly AvailabilityRow[]): string {
	let found = '';
	for (const row of rows) if (row.changed && (!found || Date.parse(row.changed) > Date.parse(found))) found = row.changed;
	return found;
}

/**
 * One balance per product, in the order products were first seen. A product whose rows name one
 * warehouse keeps its row; one with rows in several is refused, or (Add Up) becomes one row with
 * the sum, `warehouse` naming them all and `warehouses` each balance.
 */
export function combineWarehouses(rows: readonly AvailabilityRow[], mode: SeveralWarehouses): CombinedBalances {
	const combined: CombinedBalances = { rows: [], conflicts: [] };
	for (const [productNumber, own] of byProductNumber(rows)) {
		const warehouses = [...new Set(own.map((row) => row.warehouse))];
		if (warehouses.length === 1) {
			combined.rows.push(...own);
		} else if (mode === 'refuse') {
			combined.conflicts.push({ productNumber, warehouses, balances: own });
		} else {
			combined.rows.push({
				productNumber,
				warehouse: warehouses.join('+'),
				availableBalance: addBalances(own.map((row) => row.availableBalance)),
				changed: latest(own),
				warehouses: own.map((row) => ({ warehouse: row.warehouse, availableBalance: row.availableBalance })),
			});
		}
	}
	return combined;
}

/** Product numbers per completion request, so the address stays short. */
const NUMBERS_PER_REQUEST = 50;

/**
 * Every warehouse's balance of the given products. A read since a time returns only the rows
 * that changed, so a product changed in one warehouse would look as if it had no other: without a
 * chosen warehouse its balances are read again whole before they are combined.
 */
export async function readEveryWarehouseOf(client: ExtendGet, productNumbers: readonly string[], pageSize?: number): Promise<AvailabilityResult> {
	const whole: AvailabilityResult = { rows: [], unreadable: [], pages: 0, latestChange: undefined };
	for (let index = 0; index < productNumbers.length; index += NUMBERS_PER_REQUEST) {
		const part = await readChangedAvailability(client, { productNumbers: productNumbers.slice(index, index + NUMBERS_PER_REQUEST), pageSize });
		whole.rows.push(...part.rows);
		whole.unreadable.push(...part.unreadable);
		whole.pages += part.pages;
	}
	return whole;
}

/** The changed rows' products with every warehouse's balance, in the order they were read; a product the second read missed keeps its changed rows. */
export function withEveryWarehouse(changed: readonly AvailabilityRow[], whole: readonly AvailabilityRow[]): AvailabilityRow[] {
	const wholeByProduct = byProductNumber(whole);
	return [...byProductNumber(changed)].flatMap(([productNumber, own]) => wholeByProduct.get(productNumber) ?? own);
}
