/**
 * Product → Deactivate Deleted: the daily reconciliation that lets a product or variation deleted
 * for good in WooCommerce reach Extend. A deleted product is in no WooCommerce list and its
 * `product.deleted` webhook carries no SKU, so this operation takes the product numbers Extend
 * holds a balance for (ASSUMED: every product Extend holds has a balance row in the warehouse),
 * asks WooCommerce which of those SKUs it still has, and marks the others inactive through the
 * assumed product resource, as a trashed product is.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fillPath } from '../../shared/extend-commerce/assumptions';
import { readChangedAvailability } from '../../shared/extend-commerce/availabilityReader';
import { extendClientFor, type ExtendClient } from '../../shared/extend-commerce/client';
import { isRecordRefusal } from '../../shared/extend-commerce/errors';
import { isObject } from '../../shared/mapping/fields';
import { TransportError } from '../../shared/transport/errors';
import { sendWithCredential } from '../../shared/transport/http';
import { DEFAULT_RETRY_POLICY } from '../../shared/transport/retry';
import { settle } from '../../shared/transport/settle';
import { storeSettingsFrom, WooClient } from '../../shared/woocommerce/client';
import { skuFilterChunks } from '../../shared/woocommerce/storeWriter/skuIndex';

import { buildOutputs } from '../push/outputs';
import { isRefused, type RecordResult } from '../push/outcomes';
import { connectionSecrets, failedRun } from '../push/pushRecords';

/**
 * Which of the SKUs the store still has, products and variations alike, in any case (as checked on
 * WooCommerce 10.0.2). A store that answers SKUs it was not asked for ignores the filter, and every
 * SKU it leaves out would look deleted: the run stops before anything is deactivated.
 */
async function skusInStore(store: WooClient, skus: string[]): Promise<Set<string>> {
	const found = new Set<string>();
	for (const asked of skuFilterChunks(skus)) {
		const byKey = new Map(asked.map((sku) => [sku.toLowerCase(), sku]));
		const page = await store.list('products', { sku: asked.join(','), per_page: 100, _fields: 'id,sku' });
		for (const record of page.records) {
			const sku = byKey.get(String(record.sku ?? '').toLowerCase());
			if (sku === undefined) {
				throw new TransportError('http', 'The store ignored the list of SKUs it was asked for', 'A plugin changes the products list of the REST API; without the SKU filter deleted products cannot be told apart, so nothing was deactivated.');
			}
			found.add(sku);
		}
	}
	return found;
}

/** Marks one product Extend holds inactive; `unchanged` when it already is or Extend has no product under that number. */
async function deactivateHeld(client: ExtendClient, productNumber: string): Promise<'deactivated' | 'unchanged'> {
	const path = fillPath(client.assumptions.product.path, '{productNumber}', productNumber);
	const held = await client.getIfExists(path);
	// In the tenant's name for the field (API Adjustments product.fields.active).
	const active = client.assumptions.product.fields.active;
	if (!isObject(held) || held[active] === false) return 'unchanged';
	await client.put(path, { ...held, [active]: false });
	return 'deactivated';
}

export async function deactivateDeletedProducts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const secrets = await connectionSecrets(this);
	let client: ExtendClient | undefined;
	try {
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const connection = await this.getCredentials('extendCommerceConnectionApi');
		const warehouse = String(options.warehouse ?? '').trim() || String(connection.warehouse ?? '').trim();
		const store = new WooClient(sendWithCredential(this, 'extendCommerceConnectionApi', connection), storeSettingsFrom(connection), { timeoutMs: 60_000, retryPolicy: DEFAULT_RETRY_POLICY });
		client = await extendClientFor(this, 0, {});
		const balances = await readChangedAvailability(client, { warehouse: warehouse || undefined });
		if (balances.unreadable.length > 0) {
			const first = balances.unreadable[0];
			throw new TransportError('not-json', `Balance ${first.position + 1} from Extend Commerce has no readable "${first.field}"`, 'Nothing was deactivated: every product number must be read before missing ones can be told apart. Compare one row of Extend\'s answer with the field names the package assumes.');
		}
		const productNumbers = [...new Set(balances.rows.map((row) => String(row.productNumber)))];
		const inStore = await skusInStore(store, productNumbers);
		const gone = productNumbers.filter((number) => !inStore.has(number));
		const connected = client;
		const results: RecordResult[] = [];
		for (const productNumber of gone) {
			const keys: IDataObject = { productNumber };
			const done = await settle(async () => await deactivateHeld(connected, productNumber));
			if (done.ok) results.push({ itemIndex: 0, outcome: done.value, keys });
			else if (isRecordRefusal(done.error)) results.push({ itemIndex: 0, outcome: 'rejected', record: `product ${productNumber}`, reason: done.error.message, fix: done.error.description, keys, extendStatus: done.error.status, extendMessage: done.error.detail });
			else throw done.error;
		}
		this.addExecutionHints({
			message: `${productNumbers.length} products with a balance${warehouse ? ` in warehouse ${warehouse}` : ''}; ${gone.length} no longer in WooCommerce: ${results.filter((r) => r.outcome === 'deactivated').length} deactivated, ${results.filter(isRefused).length} refused.`,
			location: 'outputPane',
		});
		const outputs = buildOutputs('product', results, undefined);
		return [outputs.results, [], outputs.rejected];
	} catch (error) {
		return failedRun(this, 'product', error, [...secrets, ...(client?.settings.secrets ?? [])]);
	}
}
