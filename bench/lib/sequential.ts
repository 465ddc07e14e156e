/**
 * The baseline: what n8n's built-in WooCommerce node does with "Return All" — one request at a
 * time, per_page=100, following the Link header's rel="next" until there is none, Basic auth over
 * https — sent through n8n's own outbound HTTP stack (the path every node's request helper takes),
 * so both sides pay the same per-request cost and the ratio measures the paging strategy.
 */
import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import type { IHttpRequestOptions } from 'n8n-workflow';

import type { ApiKey } from '../../sandbox/woocommerce';
import { nextLink } from './report';

export interface SequentialResult {
	requests: number;
	records: number;
	/** Variable products seen (their variations were read one product at a time). */
	variableProducts: number;
}

export class SequentialClient {
	requests = 0;

	private readonly authorization: string;

	constructor(readonly baseUrl: string, key: ApiKey) {
		this.authorization = `Basic ${Buffer.from(`${key.consumerKey}:${key.consumerSecret}`).toString('base64')}`;
	}

	async get(url: string): Promise<{ status: number; link: string | undefined; body: string }> {
		this.requests++;
		const options: IHttpRequestOptions = {
			method: 'GET',
			url,
			headers: { Authorization: this.authorization, Accept: 'application/json' },
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			skipSslCertificateValidation: true,
		};
		// n8n-workflow's types exist twice in the tree (n8n-core nests its own copy): the options are the same shape.
		const request = Container.get(OutboundHttp).requests().request as (options: unknown) => Promise<unknown>;
		const response = (await request(options)) as { statusCode: number; headers: Record<string, string | string[] | undefined>; body: string };
		const link = response.headers.link;
		return { status: response.statusCode, link: Array.isArray(link) ? link.join(', ') : link, body: String(response.body) };
	}

	/** Every record of a collection, page after page along rel="next". */
	async all(route: string): Promise<Array<Record<string, unknown>>> {
		const records: Array<Record<string, unknown>> = [];
		let url: string | undefined = `${this.baseUrl}/wp-json/wc/v3/${route}${route.includes('?') ? '&' : '?'}per_page=100`;
		while (url) {
			const page = await this.get(url);
			if (page.status !== 200) throw new Error(`GET ${url} answered ${page.status}: ${page.body.slice(0, 200)}`);
			records.push(...(JSON.parse(page.body) as Array<Record<string, unknown>>));
			url = nextLink(page.link);
		}
		return records;
	}

	close(): void {}
}

/** Products, each variable product's variations, then orders — one request at a time. */
export async function fetchSequentially(baseUrl: string, key: ApiKey): Promise<SequentialResult> {
	const client = new SequentialClient(baseUrl, key);
	try {
		const products = await client.all('products');
		let records = products.length;
		const variable = products.filter((product) => product.type === 'variable');
		for (const product of variable) records += (await client.all(`products/${String(product.id)}/variations`)).length;
		records += (await client.all('orders')).length;
		return { requests: client.requests, records, variableProducts: variable.length };
	} finally {
		client.close();
	}
}
