/**
 * Product → Deactivate Deleted: the daily reconciliation that lets a product or variation trashed or
 * deleted for good in WooCommerce reach Extend. A deleted product is in no WooCommerce list and
 * WooCommerce 10.0.2 sends no webhook for it (its `product.deleted` fires on the trash only and
 * carries only the id), so this operation takes the product numbers Extend holds a balance for
 * (ASSUMED: every product Extend holds has a balance row in the warehouse) and asks WooCommerce
 * which of those SKUs it still has. Extend holds the ERP's whole catalogue, so a SKU the store lacks
 * is no sign of a deletion: only SKUs in the store's trash, or (under a SKU prefix or the user's word
 * that Extend's catalogue is this store's) in no list at all, are marked inactive through the
 * assumed product resource. More than the user allows fail the run before any is written.
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
import { checkSafetyCap } from '../push/safetyCap';

/**
 * Which of the SKUs the store lists under `status`, products and variations alike, in any case (as
 * checked on WooCommerce 10.0.2: `any` leaves the trash out, `trash` lists trashed products and
 * variations). A store that answers SKUs it was not asked for ignores the filter, and every SKU it
 * leaves out would look deleted: the run stops before anything is deactivated.
 */
async function skusInStore(store: WooClient, skus: string[], status: 'any' | 'trash'): Promise<Set<string>> {
	const found = new Set<string>();
	for (const asked of skuFilterChunks(skus)) {
		const byKey = new Map(asked.map((sku) => [sku.toLowerCase(), sku]));
		const page = await store.list('products', { sku: asked.join(','), status, per_page: 100, _fields: 'id,sku' });
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

type HeldProduct = { path: string; record: Record<string, unknown> };

/** The product Extend holds under that number while it is active; undefined when it is inactive already or not held. */
async function activeProduct(client: ExtendClient, productNumber: string): Promise<HeldProduct | undefined> {
	const path = fillPath(client.assumptions.product.path, '{productNumber}', productNumber);
	const held = await client.getIfExists(path);
	// In the tenant's name for the field (API Adjustments product.fields.active).
	if (!isObject(held) || held[client.assumptions.product.fields.active] === false) return undefined;
	return { path, record: held };
}

/** Extend refusing one product goes to Rejected records; anything else fails the run. */
function refusal(productNumber: string, error: unknown): RecordResult {
	if (!isRecordRefusal(error)) throw error;
	return { itemIndex: 0, outcome: 'rejected', record: `product ${productNumber}`, reason: error.message, fix: error.description, keys: { productNumber }, extendStatus: error.status, extendMessage: error.detail };
}

export async function deactivateDeletedProducts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const secrets = await connectionSecrets(this);
	let client: ExtendClient | undefined;
	try {
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const skuPrefix = String(options.skuPrefix ?? '').trim().toLowerCase();
		const catalogIsThisStores = this.getNodeParameter('onlyThisStoresProducts', 0, false) === true;
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
		const inStore = await skusInStore(store, productNumbers, 'any');
		const missing = productNumbers.filter((number) => !inStore.has(number));
		// A SKU in the store's trash is this store's whatever the scope.
		const inTrash = await skusInStore(store, missing, 'trash');
		const trashed = missing.filter((number) => inTrash.has(number));
		const notFound = missing.filter((number) => !inTrash.has(number));
		const deleted = notFound.filter((number) => catalogIsThisStores || (skuPrefix !== '' && number.toLowerCase().startsWith(skuPrefix)));
		const connected = client;
		const results: RecordResult[] = [];
		const toDeactivate: Array<{ productNumber: string; held: HeldProduct }> = [];
		for (const productNumber of [...trashed, ...deleted]) {
			const read = await settle(async () => await activeProduct(connected, productNumber));
			if (!read.ok) results.push(refusal(productNumber, read.error));
			else if (read.value === undefined) results.push({ itemIndex: 0, outcome: 'unchanged', keys: { productNumber } });
			else toDeactivate.push({ productNumber, held: read.value });
		}
		checkSafetyCap(this, toDeactivate.length, {
			parameter: 'maxDeactivations',
			label: 'Most Deactivations per Run',
			noun: 'products to deactivate',
			check: `Check the SKU Prefix ("${String(options.skuPrefix ?? '')}") and Extend's Catalogue Is This Store's, and that the store lists its products to this connection.`,
		});
		const active = connected.assumptions.product.fields.active;
		for (const { productNumber, held } of toDeactivate) {
			const done = await settle(async () => await connected.put(held.path, { ...held.record, [active]: false }));
			if (done.ok) results.push({ itemIndex: 0, outcome: 'deactivated', keys: { productNumber } });
			else results.push(refusal(productNumber, done.error));
		}
		this.addExecutionHints({
			message: `${productNumbers.length} products with a balance${warehouse ? ` in warehouse ${warehouse}` : ''}; ${trashed.length} in the store's trash, ${deleted.length} deleted for good: ${results.filter((r) => r.outcome === 'deactivated').length} deactivated, ${results.filter((r) => r.outcome === 'unchanged').length} unchanged, ${results.filter(isRefused).length} refused.`,
			location: 'outputPane',
		});
		const unscoped = notFound.length - deleted.length;
		if (unscoped > 0) {
			this.addExecutionHints({
				message: `${unscoped} products with a balance in Extend are in no list of this store and were left active: Extend's catalogue holds products the store never sold. To deactivate products deleted for good, set a SKU Prefix only this store's SKUs carry, or turn on Extend's Catalogue Is This Store's.`,
				type: 'info',
				location: 'outputPane',
			});
		}
		const outputs = buildOutputs('product', results, undefined);
		return [outputs.results, [], outputs.rejected];
	} catch (error) {
		return failedRun(this, 'product', error, [...secrets, ...(client?.settings.secrets ?? [])]);
	}
}
