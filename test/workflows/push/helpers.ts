import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialDataDecryptedObject, IDataObject, ITaskData } from 'n8n-workflow';

import { startBackOffice, type BackOffice, type BackOfficeOptions } from '../../../sandbox/extend-commerce';
import { startWooSandbox, type WooSandbox, type WooSandboxOptions } from '../../../sandbox/woocommerce';
import type { SyncWindowInfo } from '../../../nodes/shared/sync/syncWindow';
import { runWorkflow, type RunOptions, type RunResult, type WorkflowJson } from '../../harness/run-workflow';
import { connectionCredential, officeCredential, officeCredentialType, type OfficeAuth } from '../../support/sync-env';

export const PUSH = 'Extend Commerce';
export const FETCH = 'WooCommerce Fetch';
export const START = 'Schedule Trigger';
export const CONNECTION_NAME = 'Push Test Shop';
export const WAREHOUSE = 'MAIN';
export const WEBSHOP_CUSTOMER = 'WEBSHOP';

const FIXTURES = path.resolve(__dirname, '../../fixtures/woocommerce/real-10.0.2');

/** Every WooCommerce order captured from the real WooCommerce 10.0.2 store, once each (by id). */
export function capturedOrders(): IDataObject[] {
	const byId = new Map<number, IDataObject>();
	for (const file of ['orders_list_page1', 'orders_list_modified_after', 'orders_list_status_filter', 'order_single', 'order_single_with_refunds', 'write_order_update_status']) {
		const body = (JSON.parse(readFileSync(path.join(FIXTURES, `${file}.json`), 'utf8')) as { body: unknown }).body;
		for (const order of Array.isArray(body) ? body : [body]) {
			const record = order as IDataObject;
			if (record && typeof record === 'object' && Array.isArray(record.line_items) && !byId.has(record.id as number)) byId.set(record.id as number, record);
		}
	}
	return [...byId.values()];
}

export function fixture(name: string): IDataObject {
	return (JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as { body: IDataObject }).body;
}

/** A back office whose master data knows the given product numbers, the webshop customer and MAIN. */
export async function startOffice(productNumbers: string[] = [], options: BackOfficeOptions = {}): Promise<BackOffice> {
	return await startBackOffice({
		...options,
		master: { customers: [WEBSHOP_CUSTOMER], warehouses: [WAREHOUSE], products: productNumbers, ...options.master },
	});
}

export function skusOf(orders: IDataObject[]): string[] {
	return [...new Set(orders.flatMap((order) => (order.line_items as IDataObject[]).map((line) => String(line.sku))))].filter(Boolean);
}

/** Every SKU of a sandbox store (products and variations). */
export function storeSkus(woo: WooSandbox): string[] {
	return [...woo.store.products().map((p) => p.sku), ...woo.store.variations().map((v) => v.sku)].filter((sku) => sku !== '');
}

export interface PushRun {
	resource: 'order' | 'product';
	parameters?: IDataObject;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	auth?: OfficeAuth;
	/** Input items of the push (what the fetch node would emit). */
	items: IDataObject[];
	/** The Sync Window the push reads; omitted = a complete window; null = "Don't save a cursor". */
	window?: Partial<SyncWindowInfo> | null;
	credentialOverrides?: IDataObject;
}

export function completeWindow(resource: 'orders' | 'products', overrides: Partial<SyncWindowInfo> = {}): SyncWindowInfo {
	return {
		connection: CONNECTION_NAME,
		resource,
		since: 'cursor',
		windowStart: '2025-01-01T00:00:00Z',
		windowEnd: '2025-08-01T00:00:00Z',
		records: 0,
		capped: false,
		complete: true,
		...overrides,
	};
}

/** Schedule Trigger (emitting the items) → Extend Commerce push, its Sync Window given as JSON. */
export function pushWorkflow(run: PushRun): WorkflowJson {
	const auth = run.auth ?? 'apiKey';
	const resource = run.resource === 'order' ? 'orders' : 'products';
	const windowParameters: IDataObject =
		run.window === null ? { cursorMode: 'none' } : { cursorMode: 'syncWindow', syncWindow: JSON.stringify(completeWindow(resource, run.window ?? {})) };
	const defaults: IDataObject = run.resource === 'order' ? { customerNumberMode: 'fixed', customerNumber: WEBSHOP_CUSTOMER } : { currency: 'USD' };
	return {
		nodes: [
			{ id: '1', name: START, type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: {} },
			{
				id: '2',
				name: PUSH,
				type: 'n8n-nodes-extend-commerce.extendCommercePush',
				typeVersion: 1,
				position: [200, 0],
				parameters: {
					authentication: officeCredentialType(auth),
					resource: run.resource,
					operation: run.resource === 'order' ? 'create' : 'upsert',
					...defaults,
					...windowParameters,
					...run.parameters,
				},
				credentials: { [officeCredentialType(auth)]: { id: '2', name: 'Back office' }, extendCommerceConnectionApi: { id: '1', name: 'Shop' } },
				...(run.onError ? { onError: run.onError } : {}),
			},
		],
		connections: { [START]: { main: [[{ node: PUSH, type: 'main', index: 0 }]] } },
	};
}

export function pushCredentials(office: BackOffice, auth: OfficeAuth = 'apiKey', woo?: WooSandbox, overrides: IDataObject = {}): Record<string, ICredentialDataDecryptedObject> {
	const connection = woo
		? connectionCredential(woo, 'basic-https', { connectionName: CONNECTION_NAME, warehouse: WAREHOUSE, ...overrides })
		: { connectionName: CONNECTION_NAME, externalSystem: 'woocommerce', accessToken: 'ck_push_test_key_0000', secret: 'cs_push_test_secret_0000', apiUrl: 'https://shop.invalid', orderStart: '2025-01-01T00:00:00Z', warehouse: WAREHOUSE, ...overrides };
	return { [officeCredentialType(auth)]: officeCredential(office, auth), extendCommerceConnectionApi: connection };
}

export async function runPush(office: BackOffice, run: PushRun, options: RunOptions = {}): Promise<RunResult> {
	return await runWorkflow(pushWorkflow(run), {
		credentials: pushCredentials(office, run.auth, undefined, run.credentialOverrides),
		triggerItems: run.items.map((json) => ({ json })),
		...options,
	});
}

export interface PushOutputs {
	results: IDataObject[];
	nextCursor: IDataObject[];
	/** The node's own "Rejected records" output. */
	rejected: IDataObject[];
}

export function outputsOf(result: RunResult): PushOutputs {
	return {
		results: result.items(PUSH, 0).map((item) => item.json),
		nextCursor: result.items(PUSH, 1).map((item) => item.json),
		rejected: result.items(PUSH, 2).map((item) => item.json),
	};
}

export function hintsOf(result: RunResult, nodeName = PUSH): string[] {
	const runs = (result.run.data.resultData.runData[nodeName] ?? []) as ITaskData[];
	return runs.flatMap((run) => (run.hints ?? []).map((hint) => hint.message));
}

/** Every string a run produced (outputs, errors, hints), for secret checks. */
export function everythingSaid(result: RunResult): string {
	const error = result.error as unknown as { message?: string; description?: string } | undefined;
	return JSON.stringify(result.run.data.resultData) + (error ? `${error.message ?? ''} ${error.description ?? ''}` : '');
}

export function countRequests(office: BackOffice, method: string, pathPart: RegExp): number {
	return office.log.filter((entry) => entry.method === method && pathPart.test(entry.path)).length;
}

export { startWooSandbox, type WooSandboxOptions };

/** Schedule Trigger → WooCommerce Fetch → Extend Commerce, as the templates chain them (Sync Window by its default expression). */
export function chainWorkflow(resource: 'order' | 'product', fetchParameters: IDataObject = {}, pushParameters: IDataObject = {}, onError?: PushRun['onError']): WorkflowJson {
	const push = pushWorkflow({ resource, items: [], parameters: pushParameters, onError }).nodes[1];
	delete push.parameters.syncWindow;
	delete push.parameters.cursorMode;
	Object.assign(push.parameters, pushParameters);
	return {
		nodes: [
			{ id: '1', name: START, type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: {} },
			{
				id: '3',
				name: FETCH,
				type: 'n8n-nodes-extend-commerce.wooCommerceFetch',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource, operation: 'getChanged', since: 'date', sinceDate: '2020-01-01T00:00:00Z', returnAll: true, options: { settleSeconds: 0 }, ...fetchParameters },
				credentials: { extendCommerceConnectionApi: { id: '1', name: 'Shop' } },
			},
			{ ...push, position: [400, 0] },
		],
		connections: {
			[START]: { main: [[{ node: FETCH, type: 'main', index: 0 }]] },
			[FETCH]: { main: [[{ node: PUSH, type: 'main', index: 0 }], []] },
		},
	};
}
