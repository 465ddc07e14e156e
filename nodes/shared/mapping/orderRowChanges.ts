/**
 * What an order Extend already holds needs so that its rows match the WooCommerce order again:
 * rows to update (same external position, another quantity, price, VAT, unit or currency), rows to
 * add (a position Extend does not hold active) and rows to inactivate (a position WooCommerce no
 * longer has). Rows are matched by `externalRow.externalPosition` only, as Extend updates rows
 * "by external position". Fields Extend does not hold (e.g. the customer note) never show here.
 */
import { ASSUMED_ORDER, ASSUMED_ORDER_CHANGES } from '../extend-commerce/api';
import type { ExtendOrderRow } from './extendOrder';
import { isObject } from './fields';

export interface RowToInactivate {
	productNumber: string;
	externalPosition: string;
}

export interface RowChanges {
	update: ExtendOrderRow[];
	add: ExtendOrderRow[];
	inactivate: RowToInactivate[];
}

type HeldRow = Record<string, unknown>;

const SALES_FIELDS = ['quantity', 'unitPrice', 'vatPercent', 'unit', 'currency'] as const;

function positionOf(row: HeldRow | ExtendOrderRow): string {
	const external = (row as { externalRow?: unknown }).externalRow;
	const position = isObject(external) ? external.externalPosition : undefined;
	return typeof position === 'number' || typeof position === 'string' ? String(position) : '';
}

function productOf(row: HeldRow): string {
	const product = row.product;
	return isObject(product) && typeof product.productNumber === 'string' ? product.productNumber : '';
}

/** Whether Extend holds a row as cancelled: the documented rowOperation, or the tenant's row status field (API Adjustments), says "Inactive". */
export function isInactiveRow(row: HeldRow, rowStatusField: string = ASSUMED_ORDER_CHANGES.rowStatus): boolean {
	const inactive = ASSUMED_ORDER.inactiveRowOperation;
	return row.rowOperation === inactive || row[rowStatusField] === inactive;
}

function sameSales(wanted: ExtendOrderRow, held: HeldRow): boolean {
	const sales = isObject(held.salesData) ? held.salesData : {};
	return SALES_FIELDS.every((field) => {
		const value = sales[field];
		const want = wanted.salesData[field];
		return typeof want === 'number' ? (typeof value === 'number' || typeof value === 'string') && Number(value) === want : value === want;
	});
}

/** The held order's rows, or undefined when Extend's answer lists none to compare with. */
export function heldRowsOf(detail: unknown, rowsField: string = ASSUMED_ORDER_CHANGES.rows): HeldRow[] | undefined {
	const rows = isObject(detail) ? detail[rowsField] : undefined;
	return Array.isArray(rows) ? rows.filter(isObject) : undefined;
}

export function orderRowChanges(wanted: readonly ExtendOrderRow[], held: readonly HeldRow[], rowStatusField: string = ASSUMED_ORDER_CHANGES.rowStatus): RowChanges {
	const active = new Map<string, HeldRow>();
	for (const row of held) if (!isInactiveRow(row, rowStatusField) && positionOf(row)) active.set(positionOf(row), row);
	const changes: RowChanges = { update: [], add: [], inactivate: [] };
	const kept = new Set<string>();
	for (const row of wanted) {
		const position = positionOf(row);
		const same = active.get(position);
		if (!same) {
			changes.add.push(row);
			continue;
		}
		kept.add(position);
		if (productOf(same) !== row.product.productNumber) {
			// Another product on the same line: the old row is cancelled and the new one added.
			changes.inactivate.push({ productNumber: productOf(same), externalPosition: position });
			changes.add.push(row);
		} else if (!sameSales(row, same)) {
			changes.update.push(row);
		}
	}
	for (const [position, row] of active) if (!kept.has(position)) changes.inactivate.push({ productNumber: productOf(row), externalPosition: position });
	return changes;
}

export function hasChanges(changes: RowChanges): boolean {
	return changes.update.length + changes.add.length + changes.inactivate.length > 0;
}
