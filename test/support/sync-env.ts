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

export type OfficeAuth = 'apiKey' | 'bearer' | 'basic' | 'oauth2';

/** The credential type name of the node's Authentication choice for a mode. */
export function officeCredentialType(mode: OfficeAuth = 'apiKey'): 'extendCommerceApi' | 'extendCommerceOAuth2Api' {
	return mode === 'oauth2' ? 'extendCommerceOAuth2Api' : 'extendCommerceApi';
}

/** The Extend Commerce credential data for one of the back office's auth modes (read-write principal unless told). */
export function officeCredential(office: BackOffice, mode: OfficeAuth = 'apiKey', principal: 'readWrite' | 'readOnly' = 'readWrite'): ICredentialDataDecryptedObject {
	const secrets = principal === 'readOnly' ? office.readOnlyCredentials : office.credentials;
	switch (mode) {
		case 'bearer':
			return { apiUrl: office.url, authMode: 'bearer', bearerToken: secrets.bearer, ignoreSslIssues: false };
		case 'basic':
			return { apiUrl: office.url, authMode: 'basic', username: secrets.basic.user, password: secrets.basic.password, ignoreSslIssues: false };
		case 'oauth2':
			return {
				apiUrl: office.url,
				grantType: 'clientCredentials',
				accessTokenUrl: secrets.oauth2.tokenUrl,
				clientId: secrets.oauth2.clientId,
				clientSecret: secrets.oauth2.clientSecret,
				scope: secrets.oauth2.scope,
				authentication: 'header',
				authUrl: '',
				authQueryParameters: '',
			};
		default:
			return { apiUrl: office.url, authMode: 'apiKey', headerName: secrets.apiKey.header, apiKeyValue: secrets.apiKey.value, ignoreSslIssues: false };
	}
}

/** Every secret of a back-office principal, for asserting that none leaks. */
export function officeSecrets(office: BackOffice): string[] {
	return [office.credentials, office.readOnlyCredentials].flatMap((c) => [c.apiKey.value, c.bearer, c.basic.password, c.oauth2.clientSecret]);
}

export function credentialsFor(env: SyncEnv, transport: Transport = 'basic-https', overrides: IDataObject = {}, officeAuth: OfficeAuth = 'apiKey'): Record<string, ICredentialDataDecryptedObject> {
	return { extendCommerceConnectionApi: connectionCredential(env.store, transport, overrides), [officeCredentialType(officeAuth)]: officeCredential(env.office, officeAuth) };
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
	const office = { ...credentials.extendCommerceApi, ...credentials.extendCommerceOAuth2Api };
	return [credentials.extendCommerceConnectionApi?.secret, office.apiKeyValue, office.bearerToken, office.password, office.clientSecret].filter(
		(value): value is string => typeof value === 'string' && value.length > 0,
	);
}

export function utcNowSeconds(store: WooSandbox): number {
	return Math.floor(store.now().getTime() / 1000);
}
