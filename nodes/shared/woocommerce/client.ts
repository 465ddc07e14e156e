import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { JsonClient, type ClientOptions } from '../transport/client';
import type { HttpSend } from '../transport/http';
import { withQuery, type QueryValue } from '../transport/query';
import { wooKeysFrom } from './auth';
import { describeWooFailure } from './errors';
import { normaliseStoreUrl } from './storeUrl';
import { TransportError } from '../transport/errors';


export interface WooRecord {
	id: number;
	date_modified_gmt?: string | null;
	[key: string]: unknown;
}

export interface WooPage<T = WooRecord> {
	records: T[];
	/** X-WP-Total; undefined when the store sent none. */
	total: number | undefined;
	totalPages: number | undefined;
	/** The store's clock from its Date header. */
	storeDate: Date | undefined;
}

export interface StoreSettings {
	storeUrl: string;
	keys: ReturnType<typeof wooKeysFrom>;
	ignoreSslIssues: boolean;
}

export function storeSettingsFrom(credentials: ICredentialDataDecryptedObject): StoreSettings {
	const storeUrl = normaliseStoreUrl(String(credentials.apiUrl ?? ''));
	if (!storeUrl) {
		throw new TransportError('invalid-input', 'The API URL of the connection is not a web address', 'Enter the store\'s address in the credential\'s API URL field, e.g. https://shop.example.com.');
	}
	return { storeUrl, keys: wooKeysFrom(credentials), ignoreSslIssues: credentials.ignoreSslIssues === true };
}

function headerNumber(value: string | undefined): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : undefined;
}

/** WooCommerce wc/v3 over the shared transport: list pages with their paging headers and the store clock. */
export class WooClient {
	readonly http: JsonClient;

	readonly apiBase: string;

	constructor(send: HttpSend, readonly settings: StoreSettings, options: Partial<ClientOptions> = {}) {
		this.apiBase = `${settings.storeUrl}/wp-json/wc/v3`;
		this.http = new JsonClient({
			send,
			serviceName: 'The WooCommerce store',
			describeHttpFailure: (response, request) => describeWooFailure(response, request, settings.keys),
			secrets: [settings.keys.consumerSecret, settings.keys.consumerKey],
			skipTlsVerification: settings.ignoreSslIssues,
			...options,
		});
	}

	url(route: string, query: Record<string, QueryValue> = {}): string {
		return withQuery(`${this.apiBase}/${route.replace(/^\//, '')}`, query);
	}

	async list<T = WooRecord>(route: string, query: Record<string, QueryValue>): Promise<WooPage<T>> {
		const result = await this.tryList<T>(route, query);
		if (!result.ok) throw result.error;
		return result.page;
	}

	/** Like `list`, but hands a TransportError back instead of throwing it. */
	async tryList<T = WooRecord>(route: string, query: Record<string, QueryValue>): Promise<{ ok: true; page: WooPage<T> } | { ok: false; error: TransportError }> {
		const result = await this.http.tryJson<unknown>({ method: 'GET', url: this.url(route, query) });
		if (!result.ok) return result;
		const response = result.response;
		if (!Array.isArray(response.body)) {
			return { ok: false, error: new TransportError('not-json', `The store answered ${route} with something other than a list`, 'A plugin or proxy changes the REST API\'s answers; check the store.', response.status) };
		}
		const date = response.headers.date ? new Date(response.headers.date) : undefined;
		return {
			ok: true,
			page: {
				records: response.body as T[],
				total: headerNumber(response.headers['x-wp-total']),
				totalPages: headerNumber(response.headers['x-wp-totalpages']),
				storeDate: date && !Number.isNaN(date.getTime()) ? date : undefined,
			},
		};
	}
}
