import { ASSUMED_ORDER, EXTEND_PATHS } from './api';
import { fillPath, type ExtendAssumptions } from './assumptions';
import type { ExtendClient } from './client';
import { listRecords, pageQuery } from './lists';
import { settle } from '../transport/settle';
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

/** The shop's order number of an order Extend listed (top level or in orderHeader); empty when it has none. */
export function externalNumberOf(order: Record<string, unknown>, assumed: ExtendAssumptions): string {
	const header = order.orderHeader as Record<string, unknown> | undefined;
	return text(order[assumed.order.externalNumberField] ?? header?.[assumed.order.externalNumberField]);
}

/** An order Extend listed, with its own number. */
export function existingOrder(order: Record<string, unknown>, assumed: ExtendAssumptions): ExistingOrder {
	return { orderNumber: text(order[assumed.order.extendNumberField]), record: order };
}

/** Looks an order up by the shop's own number (ASSUMED filter `orderNumberExternal` on GET CustomerOrders). */
export async function findOrder(client: ExtendClient, orderNumberExternal: string): Promise<ExistingOrder | undefined> {
	const assumed = client.assumptions;
	const body = await client.get(EXTEND_PATHS.customerOrders, {
		[assumed.list.orderNumberExternal]: orderNumberExternal,
		...pageQuery(assumed.list, 0, 10),
	});
	// The filter is assumed, so the answer is checked: only an exact match counts.
	const match = listRecords(body, assumed.list.arrayFields).find((order) => externalNumberOf(order, assumed) === orderNumberExternal);
	return match ? existingOrder(match, assumed) : undefined;
}

/** A create that ends with the order in Extend: stored by this request, or found there after a failed answer. */
export interface CreateResult {
	/**
	 * 'created': Extend answered the create with a success, or its answer was lost (a server error or
	 * no answer after the retries) and the order is there now. 'alreadyThere': Extend refused the create
	 * (in whatever form it answers a duplicate: 400, 409 or 422) and the order is there.
	 */
	outcome: 'created' | 'alreadyThere';
	orderNumber: string;
}

function isSuccess(status: number): boolean {
	return status >= 200 && status < 300;
}

/**
 * `POST CustomerOrders` (documented). Extend documents no duplicate answer, and a stored order's
 * answer can be lost (a timeout, or a 5xx after processing, and then a retry meets the order it
 * stored), so any answer that is not a success is followed by one more lookup before it counts:
 * an order that is there now was stored, never refused and never sent twice. Only when it is not
 * there does Extend's refusal (record-level) or failure (systemic) stand.
 */
export async function createOrder(client: ExtendClient, document: ExtendCustomerOrder): Promise<CreateResult> {
	const request = { method: 'POST' as const, url: client.url(EXTEND_PATHS.customerOrders), body: document, headers: { 'Content-Type': 'application/json' } };
	const answer = await settle(async () => await client.http.exchange(request));
	if (answer.ok && isSuccess(answer.value.status)) {
		const created = answer.value.text.trim() === '' ? {} : client.http.read<Record<string, unknown>>(answer.value, request).body;
		return { outcome: 'created', orderNumber: text(created?.[client.assumptions.order.extendNumberField]) };
	}
	const found = await findOrder(client, document.orderHeader.orderNumberExternal);
	if (found) return { outcome: answer.ok && answer.value.status < 500 ? 'alreadyThere' : 'created', orderNumber: found.orderNumber };
	if (!answer.ok) throw answer.error;
	// Not there: Extend's answer stands. read() puts every non-success into the user's words (a refusal
	// of this record, or a failure of the run) and throws it, so the line after it is never reached.
	client.http.read(answer.value, request);
	throw new Error(`Extend Commerce answered HTTP ${answer.value.status} to the order.`);
}

interface CancelRow {
	productNumber: string;
	externalPosition: number;
}

function rowsOf(detail: Record<string, unknown> | null | undefined, rowsField: string): Array<Record<string, unknown>> {
	const rows = detail?.[rowsField];
	return Array.isArray(rows) ? rows.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null) : [];
}

/**
 * Cancels an order's rows: `rowOperation: "Inactive"` with the warehouse on every row (documented:
 * without the warehouse Extend adds a cancelled row instead), sent with the ASSUMED update
 * (`PUT customerorders/{orderNumber}` unless adjusted). Rows come from Extend's order when it lists them, else from
 * the WooCommerce order. Returns false when the order was already cancelled (nothing sent).
 * `alreadyRead`: Extend's order detail when the caller has just read it.
 */
export async function cancelOrderRows(client: ExtendClient, orderNumber: string, warehouse: string, wooRows: readonly CancelRow[], alreadyRead?: Record<string, unknown>): Promise<boolean> {
	const detail = alreadyRead ?? (await client.get<Record<string, unknown>>(EXTEND_PATHS.customerOrder(orderNumber)));
	const { orderDetail } = client.assumptions;
	const heldRows = rowsOf(detail, orderDetail.rows);
	const isInactive = (row: Record<string, unknown>) => isInactiveRow(row, orderDetail.rowStatus);
	if (detail?.[orderDetail.status] === orderDetail.cancelledStatus || (heldRows.length > 0 && heldRows.every(isInactive))) return false;
	const rows: CancelRow[] = heldRows.length
		? heldRows
				.filter((row) => !isInactive(row))
				.map((row) => ({
					productNumber: text((row.product as Record<string, unknown> | undefined)?.productNumber),
					externalPosition: Number((row.externalRow as Record<string, unknown> | undefined)?.externalPosition),
				}))
		: [...wooRows];
	const update = client.assumptions.order;
	await client.send(update.updateMethod, fillPath(update.updatePath, '{orderNumber}', orderNumber), {
		orderRows: rows.map((row) => ({
			product: { productNumber: row.productNumber },
			...(Number.isFinite(row.externalPosition) ? { externalRow: { externalPosition: row.externalPosition } } : {}),
			warehouse,
			rowOperation: ASSUMED_ORDER.inactiveRowOperation,
		})),
	});
	return true;
}
