/**
 * An order Extend already holds: bring its rows up to date with the WooCommerce order, or cancel
 * them, as long as Extend still lets the order change. Once Extend reports it reserved for
 * picking (documented: after OrderReserved an order cannot be changed) nothing is sent and the
 * order is handed back as locked, with since when, for the shop to change it in Extend.
 */
import type { IDataObject } from 'n8n-workflow';

import { ASSUMED_ORDER, EXTEND_PATHS } from '../../shared/extend-commerce/api';
import { fillPath } from '../../shared/extend-commerce/assumptions';
import type { ExtendClient } from '../../shared/extend-commerce/client';
import { isRecordRefusal } from '../../shared/extend-commerce/errors';
import { cancelOrderRows } from '../../shared/extend-commerce/orders';
import type { ExtendCustomerOrder } from '../../shared/mapping/extendOrder';
import { hasChanges, heldRowsOf, orderRowChanges, type RowChanges } from '../../shared/mapping/orderRowChanges';
import { settle } from '../../shared/transport/settle';
import type { RecordResult } from '../push/outcomes';

export type SentOrderChange =
	| { outcome: 'updated' | 'unchanged' | 'cancelled' }
	/** Extend no longer takes changes: reserved or picked (`status`) since `since`. */
	| { outcome: 'locked'; status: string; since: string }
	/** Extend holds the order cancelled, and WooCommerce wants it live again. */
	| { outcome: 'cancelledInExtend'; since: string }
	/** Extend's answer lists no rows to compare with. */
	| { outcome: 'unreadable'; field: string };

interface OrderState {
	status: string;
	since: string;
	detail: Record<string, unknown> | undefined;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

async function stateOf(client: ExtendClient, orderNumber: string): Promise<OrderState> {
	const detail = await client.get<Record<string, unknown> | undefined>(EXTEND_PATHS.customerOrder(orderNumber));
	const assumed = client.assumptions.orderDetail;
	return { status: text(detail?.[assumed.status]), since: text(detail?.[assumed.changed]), detail };
}

function lockOf(client: ExtendClient, state: OrderState): SentOrderChange | undefined {
	return client.assumptions.orderDetail.lockedStatuses.includes(state.status) ? { outcome: 'locked', status: state.status, since: state.since } : undefined;
}

/** Only the rows that change, cancelled rows first (with their warehouse, as Extend documents). */
function changeBody(changes: RowChanges, warehouse: string): { orderRows: unknown[] } {
	const inactivate = changes.inactivate.map((row) => ({
		product: { productNumber: row.productNumber },
		externalRow: { externalPosition: Number(row.externalPosition) },
		warehouse,
		rowOperation: ASSUMED_ORDER.inactiveRowOperation,
	}));
	return { orderRows: [...inactivate, ...changes.update, ...changes.add] };
}

/**
 * Sends the rows that differ between the WooCommerce order (mapped) and Extend's copy. An edit
 * that races a reservation (Extend refuses the change after it read as changeable) is read again
 * and reported locked.
 */
export async function updateSentOrder(client: ExtendClient, orderNumber: string, document: ExtendCustomerOrder, warehouse: string): Promise<SentOrderChange> {
	const state = await stateOf(client, orderNumber);
	const held = heldRowsOf(state.detail, client.assumptions.orderDetail.rows);
	if (!held) return { outcome: 'unreadable', field: client.assumptions.orderDetail.rows };
	const changes = orderRowChanges(document.orderRows, held, client.assumptions.orderDetail.rowStatus);
	if (!hasChanges(changes)) return { outcome: 'unchanged' };
	const locked = lockOf(client, state);
	if (locked) return locked;
	if (state.status === client.assumptions.orderDetail.cancelledStatus) return { outcome: 'cancelledInExtend', since: state.since };
	const update = client.assumptions.order;
	const sent = await settle(async () => await client.send(update.updateMethod, fillPath(update.updatePath, '{orderNumber}', orderNumber), changeBody(changes, warehouse)));
	if (sent.ok) return { outcome: 'updated' };
	if (isRecordRefusal(sent.error)) {
		const now = lockOf(client, await stateOf(client, orderNumber));
		if (now) return now;
	}
	throw sent.error;
}

/** Cancels every row (WooCommerce cancelled or trashed the order), once, unless Extend has locked it. */
export async function cancelSentOrder(client: ExtendClient, orderNumber: string, warehouse: string, wooRows: ReadonlyArray<{ productNumber: string; externalPosition: number }>): Promise<SentOrderChange> {
	const state = await stateOf(client, orderNumber);
	if (state.status === client.assumptions.orderDetail.cancelledStatus) return { outcome: 'unchanged' };
	const locked = lockOf(client, state);
	if (locked) return locked;
	const sent = await settle(async () => await cancelOrderRows(client, orderNumber, warehouse, wooRows, state.detail));
	if (sent.ok) return { outcome: sent.value ? 'cancelled' : 'unchanged' };
	if (isRecordRefusal(sent.error)) {
		const now = lockOf(client, await stateOf(client, orderNumber));
		if (now) return now;
	}
	throw sent.error;
}

/** The node's result for a change to a sent order; locked and uncomparable orders are refused with what to do. */
export function sentOrderResult(itemIndex: number, record: string, keys: IDataObject, change: SentOrderChange): RecordResult {
	switch (change.outcome) {
		case 'locked': {
			const status = change.status.toLowerCase();
			return {
				itemIndex,
				outcome: 'locked',
				record,
				reason: `${record} changed in WooCommerce, but it is ${status} in Extend${change.since ? ` since ${change.since}` : ''}; the change was not sent.`,
				fix: `Change it in Extend: Extend takes no changes to an order once it is ${status} for picking.`,
				keys,
			};
		}
		case 'cancelledInExtend':
			return {
				itemIndex,
				outcome: 'rejected',
				record,
				reason: `${record} is live in WooCommerce again, but Extend holds it cancelled${change.since ? ` since ${change.since}` : ''}; nothing was sent.`,
				fix: 'Enter the order again in Extend: Extend takes no changes to a cancelled order, and the same order number cannot be sent twice.',
				keys,
			};
		case 'unreadable':
			return {
				itemIndex,
				outcome: 'rejected',
				record,
				reason: `${record} changed in WooCommerce, but Extend's copy lists no ${change.field} to compare with; nothing was sent.`,
				fix: `Compare the order with Extend's copy by hand; ask Extend which field of customerorders/{number} holds the rows.`,
				keys,
			};
		default:
			return { itemIndex, outcome: change.outcome, keys };
	}
}
