import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { loadTemplate } from '../../demo/demo';
import { startBackOffice, type BackOffice, type BackOfficeOptions } from '../../sandbox/extend-commerce';
import { startWooSandbox, type WooSandbox, type WooSandboxOptions } from '../../sandbox/woocommerce';
import type { WorkflowJson } from '../harness/run-workflow';
import { connectionCredential, officeCredential } from './sync-env';

/** The reverse-flow templates (issue 12) and the daily deletion check (issue 23), next to the two the demo runs. */
export const REVERSE_TEMPLATES = {
	stockWebhook: 'extend-commerce-stock-to-woocommerce.json',
	stockPolling: 'extend-commerce-stock-to-woocommerce-polling.json',
	orderStatus: 'extend-commerce-orders-to-woocommerce-status.json',
	reconciliation: 'extend-commerce-stock-reconciliation.json',
	deletedInWooCommerce: 'extend-commerce-deleted-in-woocommerce.json',
} as const;

export const WEBHOOK_SECRET = 'whsec-reverse-flow-5b1f0c';
export const WAREHOUSE = 'MAIN';

export function reverseTemplate(name: keyof typeof REVERSE_TEMPLATES): WorkflowJson {
	return loadTemplate(REVERSE_TEMPLATES[name]);
}

export interface ReverseEnv {
	store: WooSandbox;
	office: BackOffice;
	/** Every SKU of the store (products and variations). */
	skus: string[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	close(): Promise<void>;
}

/** Both sandboxes, the back office knowing every SKU of the store (plus `extraProducts`) in one warehouse. */
export async function startReverseEnv(storeOptions: WooSandboxOptions = {}, extraProducts: string[] = [], officeOptions: BackOfficeOptions = {}): Promise<ReverseEnv> {
	const store = await startWooSandbox(storeOptions);
	const skus = [...store.store.products().map((p) => p.sku), ...store.store.variations().map((v) => v.sku)].filter((sku) => sku !== '');
	const office = await startBackOffice({ port: 0, ...officeOptions, master: { products: [...skus, ...extraProducts], warehouses: [WAREHOUSE] } });
	return {
		store,
		office,
		skus,
		credentials: {
			extendCommerceWebhookApi: { secret: WEBHOOK_SECRET },
			extendCommerceApi: officeCredential(office),
			extendCommerceConnectionApi: connectionCredential(store, 'basic-https', { warehouse: WAREHOUSE }),
		},
		close: async () => {
			await Promise.all([store.close(), office.close()]);
		},
	};
}

/** Creates an order in the back office for a WooCommerce order, as the orders template's push does. */
export async function createExtendOrder(env: ReverseEnv, orderNumberExternal: string, productNumber: string): Promise<string> {
	const key = env.office.credentials.apiKey;
	const response = await fetch(`${env.office.url}/CustomerOrders`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', [key.header]: key.value },
		body: JSON.stringify({
			orderHeader: { orderType: 'Normal', orderNumberExternal, customerNumber: 'WEBSHOP' },
			orderRows: [{ product: { productNumber }, salesData: { quantity: 1, unit: 'ST' }, warehouse: WAREHOUSE, supplyMode: 'Warehouse' }],
		}),
	});
	const body = (await response.json()) as { orderNumber?: string };
	if (response.status !== 201 || !body.orderNumber) throw new Error(`The back office refused the order: ${response.status} ${JSON.stringify(body)}`);
	return body.orderNumber;
}
