import { ASSUMED_LIST, ASSUMED_ORDER, ASSUMED_ORDER_DETAIL, EXTEND_PATHS } from './api';
import type { ExtendClient } from './client';
import { listRecords } from './lists';
import type { ExtendCustomerOrder } from '../mapping/extendOrder';
import { isInactiveRow } from '../mapping/orderRowChanges';

export interface ExistingOrder {
	/** Extend's own order number (the `{id}` of customerorders/{id}); empty when Extend sent none. */
	orderNumber: string;
	record: Record<string, unknown>;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Looks an order up by the shop's own number (ASSUMED filter `orderNumberExternal` on GET CustomerOrders). */
export async function findOrder(client: ExtendClient, orderNumberExternal: string): Promise<ExistingOrder | undefined> {
	const body = await client.get(EXTEND_PATHS.customerOrders, {
		[ASSUMED_LIST.orderNumberExternal]: orderNumberExternal,
		[ASSUMED_LIST.page]: ASSUMED_LIST.firstPage,
		[ASSUMED_LIST.pageSize]: 10,
	});
	// The filter is assumed, so the answer is checked: only an exact match counts.
	const match = listRecords(body).find((order) => {
		const header = order.orderHeader as Record<string, unknown> | undefined;
		return text(order[ASSUMED_ORDER.externalNumberField] ?? header?.[ASSUMED_ORDER.externalNumberField]) === orderNumberExternal;
	});
	return match ? { orderNumber: text(match[ASSUMED_ORDER.extendNumberField]), record: match } : undefined;
}

export type CreateResult = { created: true; orderNumber: string } | { created: false; reason: 'duplicate' };

/** `POST CustomerOrders` (documented); a duplicate answer (ASSUMED 409) means the order is already there. */
export async function createOrder(client: ExtendClient, document: ExtendCustomerOrder): Promise<CreateResult> {
	const answer = await client.http.exchange({
		method: 'POST',
		url: client.url(EXTEND_PATHS.customerOrders),
		body: document,
		headers: { 'Content-Type': 'application/json' },
	});
	if (answer.status === ASSUMED_ORDER.duplicateStatus) return { created: false, reason: 'duplicate' };
	const created = answer.text.trim() === '' ? {} : client.http.read<Record<string, unknown>>(answer, { method: 'POST', url: client.url(EXTEND_PATHS.customerOrders) }).body;
	return { created: true, orderNumber: text(created?.[ASSUMED_ORDER.extendNumberField]) };
}

interface CancelRow {
	productNumber: string;
	externalPosition: number;
}

function rowsOf(detail: unknown): Array<Record<string, unknown>> {
	const rows = (detail as { orderRows?: unknown } | null)?.orderRows;
	return Array.isArray(rows) ? rows.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null) : [];
}

function isInactive(row: Record<string, unknown>): boolean {
	return isInactiveRow(row);
}

/**
 * Cancels an order's rows: `rowOperation: "Inactive"` with the warehouse on every row (documented:
 * without the warehouse Extend adds a cancelled row instead), sent with the ASSUMED update
 * `PUT customerorders/{orderNumber}`. Rows come from Extend's order when it lists them, else from
 * the WooCommerce order. Returns false when the order was already cancelled (nothing sent).
 * `alreadyRead`: Extend's order detail when the caller has just read it.
 */
export async function cancelOrderRows(client: ExtendClient, orderNumber: string, warehouse: string, wooRows: readonly CancelRow[], alreadyRead?: Record<string, unknown>): Promise<boolean> {
	const path = EXTEND_PATHS.customerOrder(orderNumber);
	const detail = alreadyRead ?? (await client.get<Record<string, unknown>>(path));
	const heldRows = rowsOf(detail);
	if (detail?.[ASSUMED_ORDER_DETAIL.status] === 'Cancelled' || (heldRows.length > 0 && heldRows.every(isInactive))) return false;
	const rows: CancelRow[] = heldRows.length
		? heldRows
				.filter((row) => !isInactive(row))
				.map((row) => ({
					productNumber: text((row.product as Record<string, unknown> | undefined)?.productNumber),
					externalPosition: Number((row.externalRow as Record<string, unknown> | undefined)?.externalPosition),
				}))
		: [...wooRows];
	await client.put(path, {
		orderRows: rows.map((row) => ({
			product: { productNumber: row.productNumber },
			...(Number.isFinite(row.externalPosition) ? { externalRow: { externalPosition: row.externalPosition } } : {}),
			warehouse,
			rowOperation: ASSUMED_ORDER.inactiveRowOperation,
		})),
	});
	return true;
}
