/**
 * Order → Cancel Deleted: the periodic id reconciliation that lets an order deleted for good in
 * WooCommerce reach Extend. A deleted order is in no WooCommerce list and, as checked on
 * WooCommerce 10.0.2, a deletion with force sends no webhook; so this operation lists the orders
 * Extend changed in the last days and still holds open, asks WooCommerce which of them still exist
 * (by id, 100 at a time) and cancels the rows of those that are this store's and gone: in its trash,
 * or (under a prefix or the user's word that no other channel sends Extend orders) in no list at
 * all. More cancellations than the user allows fail the run before any is written. Run it once a day.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { EXTEND_PATHS } from '../../shared/extend-commerce/api';
import { extendClientFor, type ExtendClient } from '../../shared/extend-commerce/client';
import { listRecords, pageQuery } from '../../shared/extend-commerce/lists';
import { TransportError } from '../../shared/transport/errors';
import { sendWithCredential } from '../../shared/transport/http';
import { DEFAULT_RETRY_POLICY } from '../../shared/transport/retry';
import { storeSettingsFrom, WooClient } from '../../shared/woocommerce/client';
import { findOrder } from '../../shared/woocommerce/storeWriter/orderStatus';
import { isRecordRefusal } from '../../shared/extend-commerce/errors';
import { settle } from '../../shared/transport/settle';

import { buildOutputs } from '../push/outputs';
import { isRefused, type RecordResult } from '../push/outcomes';
import { connectionSecrets, failedRun } from '../push/pushRecords';
import { checkSafetyCap } from '../push/safetyCap';
import { orderWarehouse } from './warehouse';
import { cancelSentOrder, sentOrderResult } from './updateSentOrder';

const WOO_IDS_PER_REQUEST = 100;

interface OpenOrder {
	orderNumber: string;
	orderNumberExternal: string;
	wooCommerceId: number;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Extend's orders changed since `since` that are not cancelled, every page. */
async function openOrdersSince(client: ExtendClient, since: string): Promise<Array<Record<string, unknown>>> {
	const { list, orderDetail } = client.assumptions;
	const orders: Array<Record<string, unknown>> = [];
	for (let page = 0; ; page++) {
		const records = listRecords(await client.get(EXTEND_PATHS.customerOrders, { [list.changedSince]: since, ...pageQuery(list, page, list.maxPageSize) }), list.arrayFields);
		orders.push(...records);
		if (records.length < list.maxPageSize) break;
	}
	return orders.filter((order) => order[orderDetail.status] !== orderDetail.cancelledStatus);
}

/** The WooCommerce order number behind an Extend order of this shop: the prefix, then WooCommerce's order number. */
function ownOrder(order: Record<string, unknown>, prefix: string, fields: { externalNumberField: string; extendNumberField: string }): OpenOrder | undefined {
	const external = text(order[fields.externalNumberField]);
	if (!external.startsWith(prefix)) return undefined;
	const rest = external.slice(prefix.length);
	if (!/^[1-9]\d*$/.test(rest)) return undefined;
	return { orderNumber: text(order[fields.extendNumberField]), orderNumberExternal: external, wooCommerceId: Number(rest) };
}

/**
 * Which of the ids WooCommerce lists under `status` (`any` leaves the trash out; `trash` lists only
 * it, as checked on WooCommerce 10.0.2) whose order number is that id: where a numbering plugin makes
 * them differ, the order under that id is another one and proves nothing.
 */
async function listedIds(store: WooClient, ids: number[], status: 'any' | 'trash'): Promise<Set<number>> {
	const found = new Set<number>();
	for (let start = 0; start < ids.length; start += WOO_IDS_PER_REQUEST) {
		const asked = ids.slice(start, start + WOO_IDS_PER_REQUEST);
		const page = await store.list('orders', { include: asked, status, per_page: WOO_IDS_PER_REQUEST, _fields: 'id,number,status' });
		for (const record of page.records) {
			const id = Number(record.id);
			// A store that ignores `include` would make every order it leaves out look deleted.
			if (!asked.includes(id)) {
				throw new TransportError('http', 'The store ignored the list of order ids it was asked for', 'A plugin changes the orders list of the REST API; without the ids filter deleted orders cannot be told apart, so nothing was cancelled.');
			}
			if (text(record.number ?? record.id) === String(id)) found.add(id);
		}
	}
	return found;
}

export async function cancelDeletedOrders(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const secrets = await connectionSecrets(this);
	let client: ExtendClient | undefined;
	try {
		const days = Math.max(1, Math.floor(Number(this.getNodeParameter('lookBackDays', 0, 30))));
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const prefix = String(options.orderNumberPrefix ?? '');
		const warehouse = await orderWarehouse(this, options.warehouse as string | undefined);
		const connection = await this.getCredentials('extendCommerceConnectionApi');
		const store = new WooClient(sendWithCredential(this, 'extendCommerceConnectionApi', connection), storeSettingsFrom(connection), { timeoutMs: 60_000, retryPolicy: DEFAULT_RETRY_POLICY });
		client = await extendClientFor(this, 0, {});
		const since = new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const orderFields = client.assumptions.order;
		const own = (await openOrdersSince(client, since)).map((order) => ownOrder(order, prefix, orderFields)).filter((order): order is OpenOrder => order !== undefined);
		const existing = await listedIds(store, own.map((order) => order.wooCommerceId), 'any');
		const missing = own.filter((order) => !existing.has(order.wooCommerceId));
		// An order the store still holds in its trash is this store's whatever the prefix.
		const inTrash = await listedIds(store, missing.map((order) => order.wooCommerceId), 'trash');
		const trashed = missing.filter((order) => inTrash.has(order.wooCommerceId));
		const notFound = missing.filter((order) => !inTrash.has(order.wooCommerceId));
		// An order in no list may be another channel's that only shares the number format: it is this
		// store's only under a prefix, or when the user says no other channel sends Extend orders.
		const scoped = prefix !== '' || this.getNodeParameter('onlyThisStoreSendsOrders', 0, false) === true;
		const deleted: OpenOrder[] = [];
		if (scoped) {
			for (const order of notFound) {
				// Where a numbering plugin makes the number differ from the id, the order is found by its number:
				// only an order the store has under neither (or has in the trash) counts as deleted.
				const found = await findOrder(store, String(order.wooCommerceId));
				if (!found || found.status === 'trash') deleted.push(order);
			}
		}
		const gone = [...trashed, ...deleted];
		checkSafetyCap(this, gone.length, {
			parameter: 'maxCancellations',
			label: 'Most Cancellations per Run',
			noun: 'orders to cancel',
			check: `Check that the Order Number Prefix ("${prefix}") is the one Order → Create uses and that the store lists its orders to this connection.`,
		});
		const connected = client;
		const results: RecordResult[] = [];
		for (const order of gone) {
			const keys: IDataObject = { wooCommerceId: String(order.wooCommerceId), orderNumberExternal: order.orderNumberExternal, extendOrderNumber: order.orderNumber };
			const change = await settle(async () => await cancelSentOrder(connected, order.orderNumber, warehouse, []));
			if (change.ok) results.push(sentOrderResult(0, `order ${order.wooCommerceId}`, keys, change.value));
			else if (isRecordRefusal(change.error)) results.push({ itemIndex: 0, outcome: 'rejected', record: `order ${order.wooCommerceId}`, reason: change.error.message, fix: change.error.description, keys, extendStatus: change.error.status, extendMessage: change.error.detail });
			else throw change.error;
		}
		const refusals = results.filter(isRefused);
		this.addExecutionHints({
			message: `${own.length} open Extend orders numbered ${prefix ? `"${prefix}" + a number` : 'with plain numbers'} changed since ${since}; ${trashed.length} in the store's trash, ${deleted.length} deleted for good: ${results.filter((r) => r.outcome === 'cancelled').length} cancelled, ${refusals.length} refused or locked.`,
			location: 'outputPane',
		});
		if (!scoped && notFound.length > 0) {
			const examples = notFound.slice(0, 5).map((order) => order.orderNumberExternal).join(', ');
			this.addExecutionHints({
				message: `${notFound.length} open Extend orders with plain numbers (${examples}${notFound.length > 5 ? ', …' : ''}) are not in this store and were not cancelled: with no Order Number Prefix they may be another sales channel's. Set the prefix Order → Create uses, or turn on Only This Store Sends Orders if no other channel sends orders to Extend.`,
				type: 'warning',
				location: 'outputPane',
			});
		}
		const outputs = buildOutputs('order', results, undefined);
		return [outputs.results, [], outputs.rejected];
	} catch (error) {
		return failedRun(this, 'order', error, [...secrets, ...(client?.settings.secrets ?? [])]);
	}
}
