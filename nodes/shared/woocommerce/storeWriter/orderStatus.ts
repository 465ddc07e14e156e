import { ASSUMED_ORDER_DETAIL, ASSUMED_ORDER_STATUS_AGREEING } from '../../extend-commerce/api';
import { TransportError } from '../../transport/errors';
import type { WooClient, WooRecord } from '../client';

export interface OrderStatusChange {
	itemIndex: number;
	/** The store's order number (not necessarily its id: plugins give orders their own numbers). */
	orderNumber: string;
	status: string;
	/** A note to add (shipment, tracking); none when empty. */
	note: string;
	/** Whether the customer sees the note (WooCommerce e-mails customer notes). */
	customerNote: boolean;
}

/**
 * A warning when Extend's order detail does not say what the event says: the event decides the
 * status (a cancelled order never becomes completed because a detail field is missing or stale).
 * `undefined` = no detail status given to compare.
 */
export function detailStatusWarning(status: string, detailStatus: string | undefined): string | undefined {
	if (detailStatus === undefined) return undefined;
	const agreeing = ASSUMED_ORDER_STATUS_AGREEING[status] ?? [];
	const field = ASSUMED_ORDER_DETAIL.status;
	if (detailStatus.trim() === '') return `Extend Commerce's order detail has no "${field}"; the order was set to ${status} as the event says`;
	if (agreeing.some((value) => value.toLowerCase() === detailStatus.trim().toLowerCase())) return undefined;
	return `Extend Commerce's order detail says "${field}" is "${detailStatus}", which does not agree with ${status}; the order was set to ${status} as the event says`;
}

export type OrderOutcome = 'updated' | 'unchanged' | 'failed';

export interface OrderStatusResult {
	itemIndex: number;
	orderNumber: string;
	outcome: OrderOutcome;
	orderId?: number;
	previousStatus?: string;
	status?: string;
	noteAdded?: boolean;
	/** Set when Extend's order detail does not agree with the status the event sets (the event decides). */
	warning?: string;
	error?: { field: string; message: string };
	/** The store refused the write itself (a 4xx answer): someone must act, unlike an order it does not have. */
	refusedByStore?: boolean;
}

/** Statuses that a status from Extend must not overwrite: money went back, or the order is in the bin. */
const FINAL_STATUSES = new Set(['refunded', 'trash']);
const ORDER_FIELDS = 'id,number,status';

/**
 * The order with this number: directly by id when the number is one (WooCommerce's default
 * numbering), else — or when a numbering plugin gave the id another number — by searching.
 */
export async function findOrder(store: WooClient, orderNumber: string): Promise<WooRecord | undefined> {
	if (/^\d+$/.test(orderNumber)) {
		const direct = await store.http.tryJson<WooRecord>({ method: 'GET', url: store.url(`orders/${orderNumber}`, { _fields: ORDER_FIELDS }) });
		if (direct.ok && String(direct.response.body.number ?? direct.response.body.id) === orderNumber) return direct.response.body;
		if (!direct.ok && direct.error.status !== 404) throw direct.error;
	}
	const page = await store.list('orders', { search: orderNumber, per_page: 100, _fields: ORDER_FIELDS });
	return page.records.find((order) => String(order.number ?? order.id) === orderNumber);
}

async function hasNote(store: WooClient, orderId: number, note: string): Promise<boolean> {
	const notes = await store.list<{ note?: string }>(`orders/${orderId}/notes`, { type: 'any' });
	return notes.records.some((existing) => existing.note === note);
}

/** A store that refuses this one order (e.g. a status a plugin forbids) fails the record, not the run. */
function refusedForThisOrder(error: unknown): boolean {
	if (!(error instanceof TransportError) || error.kind !== 'http' || error.status === undefined) return false;
	return error.status >= 400 && error.status < 500 && ![401, 403, 429].includes(error.status);
}

/**
 * Moves one order to a status and adds its note, idempotently: an order already in the status
 * is left alone (status and note), and a note already on the order is not added twice, so a
 * repeated run (a redelivered webhook) changes nothing.
 */
export async function changeOrderStatus(store: WooClient, change: OrderStatusChange): Promise<OrderStatusResult> {
	const base = { itemIndex: change.itemIndex, orderNumber: change.orderNumber };
	const order = await findOrder(store, change.orderNumber);
	if (!order) return { ...base, outcome: 'failed', error: { field: 'orderNumber', message: `No order in the store has number "${change.orderNumber}"` } };
	const previousStatus = String(order.status ?? '');
	const where = { ...base, orderId: order.id, previousStatus };
	if (FINAL_STATUSES.has(previousStatus) && previousStatus !== change.status) {
		return { ...where, outcome: 'failed', error: { field: 'status', message: `Order ${change.orderNumber} is ${previousStatus} in WooCommerce; it is not set to ${change.status} automatically` } };
	}
	// Already in the status: nothing is written, not even the note. A second OrderPicked (Extend fires
	// one per picked row) adds no second shipment note to a completed order.
	if (previousStatus === change.status) return { ...where, outcome: 'unchanged', status: change.status, noteAdded: false };
	const write = async (): Promise<OrderStatusResult> => {
		// The note first: if the status write then fails, a retry finds the note and writes only the status.
		let noteAdded = false;
		if (change.note.trim() !== '' && !(await hasNote(store, order.id, change.note))) {
			await store.http.json({ method: 'POST', url: store.url(`orders/${order.id}/notes`), body: { note: change.note, customer_note: change.customerNote } });
			noteAdded = true;
		}
		await store.http.json({ method: 'PUT', url: store.url(`orders/${order.id}`, { _fields: ORDER_FIELDS }), body: { status: change.status } });
		return { ...where, outcome: 'updated', status: change.status, noteAdded };
	};
	return await write().catch(async (error: unknown) => (refusedForThisOrder(error) ? { ...where, outcome: 'failed' as const, refusedByStore: true, error: { field: 'status', message: (error as TransportError).message } } : await Promise.reject(error)));
}
