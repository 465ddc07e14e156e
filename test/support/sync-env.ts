import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { startBackOffice, type BackOffice, type BackOfficeOptions } from '../../sandbox/extend-commerce';
import { startWooSandbox, type ApiKey, type WooSandbox, type WooSandboxOptions } from '../../sandbox/woocommerce';
import { runWorkflow, type RunOptions, type RunResult, type WorkflowJson } from '../harness/run-workflow';

export interface SyncEnv {
	store: WooSandbox;
	office: BackOffice;
	close(): Promise<void>;
}

export async function startSyncEnv(storeOptions: WooSandboxOptions = {}, officeOptions: BackOfficeOptions = {}): Promise<SyncEnv> {
	const [store, office] = await Promise.all([startWooSandbox(storeOptions), startBackOffice({ port: 0, ...officeOptions })]);
	return {
		store,
		office,
		close: async () => {
			await Promise.all([store.close(), office.close()]);
		},
	};
}

export type Transport = 'basic-https' | 'query-https' | 'oauth1-http';

export const CONNECTION_NAME = 'WooCommerce Jönköping';

export function connectionCredential(store: WooSandbox, transport: Transport = 'basic-https', overrides: IDataObject = {}, key: ApiKey = store.keys.readWrite): ICredentialDataDecryptedObject {
	const https = transport !== 'oauth1-http';
	return {
		connectionName: CONNECTION_NAME,
		externalSystem: 'woocommerce',
		accessToken: key.consumerKey,
		secret: key.consumerSecret,
		apiUrl: https ? store.httpsUrl : store.httpUrl,
		orderStart: '2025-01-01T00:00:00Z',
		warehouse: 'Main warehouse',
		companyGroup: '',
		authMode: transport === 'query-https' ? 'query' : transport === 'oauth1-http' ? 'oauth1' : 'automatic',
		ignoreSslIssues: true,
		...overrides,
	};
}

export function officeCredential(office: BackOffice): ICredentialDataDecryptedObject {
	return { apiUrl: office.url, accessToken: office.token, ignoreSslIssues: false };
}

export function credentialsFor(env: SyncEnv, transport: Transport = 'basic-https', overrides: IDataObject = {}): Record<string, ICredentialDataDecryptedObject> {
	return { extendCommerceConnectionApi: connectionCredential(env.store, transport, overrides), extendCommerceApi: officeCredential(env.office) };
}

/** Schedule Trigger → WooCommerce Fetch, as the templates start. */
export function fetchWorkflow(parameters: IDataObject): WorkflowJson {
	return {
		name: 'Fetch test',
		nodes: [
			{ id: 't', name: 'Schedule Trigger', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: {} },
			{
				id: 'f',
				name: 'WooCommerce Fetch',
				type: 'n8n-nodes-extend-commerce.wooCommerceFetch',
				typeVersion: 1,
				position: [220, 0],
				parameters: { operation: 'getChanged', ...parameters },
				credentials: { extendCommerceConnectionApi: { id: '1', name: 'Shop' }, extendCommerceApi: { id: '2', name: 'Back office' } },
			},
		],
		connections: { 'Schedule Trigger': { main: [[{ node: 'WooCommerce Fetch', type: 'main', index: 0 }]] } },
	};
}

export async function runFetch(parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject>, options: RunOptions = {}): Promise<RunResult> {
	return await runWorkflow(fetchWorkflow(parameters), { credentials, ...options });
}

export function ids(items: INodeExecutionData[]): number[] {
	return items.map((item) => Number(item.json.id)).sort((a, b) => a - b);
}

/** Every string a run produced, for asserting that no secret leaked into outputs or errors. */
export function everythingSaid(result: RunResult): string {
	const error = result.error as unknown as { message?: string; description?: string; stack?: string } | undefined;
	return JSON.stringify(result.run.data.resultData) + (error ? `${error.message ?? ''} ${error.description ?? ''}` : '');
}

export function secretsOf(credentials: Record<string, ICredentialDataDecryptedObject>): string[] {
	return [credentials.extendCommerceConnectionApi?.secret, credentials.extendCommerceApi?.accessToken].filter((value): value is string => typeof value === 'string' && value.length > 0);
}

/** The back office's HTTP API, as the push node would call it, for fetch-only tests. */
export async function officeCall(office: BackOffice, method: string, path: string, body?: unknown): Promise<{ status: number; body: IDataObject }> {
	const response = await fetch(`${office.url}/api/v1${path}`, {
		method,
		headers: { Authorization: `Bearer ${office.token}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as IDataObject };
}

export function utcNowSeconds(store: WooSandbox): number {
	return Math.floor(store.now().getTime() / 1000);
}
