/**
 * Order → Cancel Deleted: the periodic id reconciliation that lets an order deleted for good in
 * WooCommerce reach Extend. A deleted order is in no WooCommerce list and, as checked on
 * WooCommerce 10.0.2, a deletion with force sends no webhook; so this operation lists the orders
 * Extend changed in the last days and still holds open, asks WooCommerce which of them still exist
 * (by id, 100 at a time) and cancels the rows of those that do not. Run it once a day.
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

/** The WooCommerce id behind an Extend order of this shop: the prefix, then WooCommerce's order number (its id). */
function ownOrder(order: Record<string, unknown>, prefix: string, fields: { externalNumberField: string; extendNumberField: string }): OpenOrder | undefined {
	const external = text(order[fields.externalNumberField]);
	if (!external.startsWith(prefix)) return undefined;
	const rest = external.slice(prefix.length);
	if (!/^[1-9]\d*$/.test(rest)) return undefined;
	return { orderNumber: text(order[fields.extendNumberField]), orderNumberExternal: external, wooCommerceId: Number(rest) };
}

/** Which of the ids WooCommerce still lists (any status but the trash; a trashed order is cancelled as well). */
async function existingIds(store: WooClient, ids: number[]): Promise<Set<number>> {
	const found = new Set<number>();
	for (let start = 0; start < ids.length; start += WOO_IDS_PER_REQUEST) {
		const asked = ids.slice(start, start + WOO_IDS_PER_REQUEST);
		const page = await store.list('orders', { include: asked, status: 'any', per_page: WOO_IDS_PER_REQUEST, _fields: 'id' });
		for (const record of page.records) {
			// A store that ignores `include` would make every order it leaves out look deleted.
			if (!asked.includes(Number(record.id))) {
				throw new TransportError('http', 'The store ignored the list of order ids it was asked for', 'A plugin changes the orders list of the REST API; without the ids filter deleted orders cannot be told apart, so nothing was cancelled.');
			}
			found.add(Number(record.id));
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
		const existing = await existingIds(store, own.map((order) => order.wooCommerceId));
		const gone: OpenOrder[] = [];
		for (const order of own.filter((candidate) => !existing.has(candidate.wooCommerceId))) {
			// Where a numbering plugin makes the number differ from the id, the order is found by its number:
			// only an order the store has under neither (or has in the trash) counts as deleted.
			const found = await findOrder(store, String(order.wooCommerceId));
			if (!found || found.status === 'trash') gone.push(order);
		}
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
			message: `${own.length} open orders of this shop changed in Extend since ${since}; ${gone.length} no longer in WooCommerce: ${results.filter((r) => r.outcome === 'cancelled').length} cancelled, ${refusals.length} refused or locked.`,
			location: 'outputPane',
		});
		const outputs = buildOutputs('order', results, undefined);
		return [outputs.results, [], outputs.rejected];
	} catch (error) {
		return failedRun(this, 'order', error, [...secrets, ...(client?.settings.secrets ?? [])]);
	}
}
