import type { INodeExecutionData, IDataObject, ITaskData } from 'n8n-workflow';

import { connectionKey } from '../../../nodes/shared/extend-commerce/connectionKey';
import type { BackOffice, BackOfficeOptions } from '../../../sandbox/extend-commerce';
import type { WooSandbox, WooSandboxOptions } from '../../../sandbox/woocommerce';
import { runWorkflow, type RunOptions, type RunResult, type WorkflowJson } from '../../harness/run-workflow';
import { connectionCredential, officeCredential, startSyncEnv } from '../../support/sync-env';

export const CONNECTION_NAME = 'Push Test Shop';
export const CONNECTION_KEY = connectionKey(CONNECTION_NAME);
export const FETCH = 'WooCommerce Fetch';
export const PUSH = 'Extend Commerce';

export interface Sandboxes {
	woo: WooSandbox;
	office: BackOffice;
	close(): Promise<void>;
}

export async function startSandboxes(woo: WooSandboxOptions = {}, office: BackOfficeOptions = {}): Promise<Sandboxes> {
	const env = await startSyncEnv({ products: 8, orders: 24, variationsPerProduct: 3, ...woo }, office);
	return { woo: env.store, office: env.office, close: env.close };
}

export function credentialsFor(sandboxes: { woo: WooSandbox; office: BackOffice }): NonNullable<RunOptions['credentials']> {
	return {
		extendCommerceConnectionApi: connectionCredential(sandboxes.woo, 'basic-https', { connectionName: CONNECTION_NAME, authMode: 'basic', warehouse: 'Main' }),
		extendCommerceApi: officeCredential(sandboxes.office),
	};
}

export interface ChainOptions {
	resource: 'product' | 'order';
	fetch?: IDataObject;
	push?: IDataObject;
	/** The push node's Settings → On Error. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}

/** Schedule Trigger → WooCommerce Fetch (since the last sync) → Extend Commerce push, as the templates chain them. */
export function syncWorkflow(options: ChainOptions): WorkflowJson {
	const credentials = { extendCommerceConnectionApi: { id: '1', name: 'Shop' }, extendCommerceApi: { id: '2', name: 'Back office' } };
	return {
		nodes: [
			{ id: '1', name: 'Schedule Trigger', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: {} },
			{
				id: '2',
				name: FETCH,
				type: 'n8n-nodes-extend-commerce.wooCommerceFetch',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: options.resource, operation: 'getChanged', since: 'lastSync', options: { settleSeconds: 0 }, ...options.fetch },
				credentials,
			},
			{
				id: '3',
				name: PUSH,
				type: 'n8n-nodes-extend-commerce.extendCommercePush',
				typeVersion: 1,
				position: [400, 0],
				parameters: { resource: options.resource, operation: 'upsert', currency: 'EUR', ...options.push },
				credentials,
				...(options.onError ? { onError: options.onError } : {}),
			},
		],
		connections: {
			'Schedule Trigger': { main: [[{ node: FETCH, type: 'main', index: 0 }]] },
			[FETCH]: { main: [[{ node: PUSH, type: 'main', index: 0 }]] },
		},
	};
}

export async function runSync(sandboxes: Sandboxes, options: ChainOptions, run: RunOptions = {}): Promise<RunResult> {
	return await runWorkflow(syncWorkflow(options), { credentials: credentialsFor(sandboxes), ...run });
}

/** Every id the store holds for a resource (products with their variations, orders), trashed ones excluded. */
export function storeIds(woo: WooSandbox, resource: 'product' | 'order'): string[] {
	if (resource === 'order') return woo.store.orders().filter((o) => o.status !== 'trash').map((o) => String(o.id)).sort();
	const ids: string[] = [];
	for (const product of woo.store.products().filter((p) => p.status !== 'trash')) {
		ids.push(String(product.id));
		for (const variation of woo.store.variations(product.id)) ids.push(String(variation.id));
	}
	return ids.sort();
}

export function officeIds(office: BackOffice, resource: 'product' | 'order'): string[] {
	return office.data.records(CONNECTION_KEY, resource === 'product' ? 'products' : 'orders').map((r) => r.sourceId).sort();
}

export function cursorOf(office: BackOffice, resource: 'product' | 'order'): string | null {
	return office.data.connections().some((c) => c.key === CONNECTION_KEY) ? office.data.syncState(CONNECTION_KEY, resource === 'product' ? 'products' : 'orders').committedCursor : null;
}

export function hintsOf(result: RunResult, nodeName: string): string[] {
	const runs = (result.run.data.resultData.runData[nodeName] ?? []) as ITaskData[];
	return runs.flatMap((run) => (run.hints ?? []).map((hint) => hint.message));
}

export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}

/** Calls the sandbox back office's API directly (test setup only). */
export async function callOffice(office: BackOffice, method: string, path: string, body?: unknown): Promise<unknown> {
	const response = await fetch(`${office.url}${path}`, {
		method,
		headers: { Authorization: `Bearer ${office.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text}`);
	return text ? JSON.parse(text) : undefined;
}

/**
 * Makes every batch request after the first `okBatches` answered ones fail with 500 until
 * `faults.clear()`: the fault is armed synchronously when the back office logs the last good
 * batch answer, before the client can send the next one.
 */
export function failBatchesAfter(office: BackOffice, okBatches: number, resource: 'products' | 'orders'): void {
	let answered = 0;
	const log = office.log;
	const push = log.push.bind(log);
	log.push = (...entries) => {
		for (const entry of entries) {
			if (entry.method === 'POST' && entry.path.endsWith(`/${resource}/batch`) && entry.status === 200) {
				answered += 1;
				if (answered === okBatches) office.faults.add({ kind: 'status', status: 500, match: { method: 'POST', path: `/${resource}/batch` } });
			}
		}
		return push(...entries);
	};
}

/** Waits until the wall clock is in a later second than now (sync windows end on whole seconds). */
export async function nextSecond(): Promise<void> {
	const now = Date.now();
	await new Promise((resolve) => setTimeout(resolve, 1000 - (now % 1000) + 1000));
}
