/**
 * Sandbox cost: the WooCommerce sandbox's own CPU per page of 100 orders, from a fresh store in a
 * child process (`process.cpuUsage()` of that process before and after, so TLS, HTTP, auth,
 * listing and encoding are all in it; the client's work is not). No latency. The client keeps its
 * connection open, so the figure is the cost of serving a page; a TLS handshake per request (what
 * n8n's request helper does) is measured separately.
 */
import https from 'node:https';

import type { ApiKey } from '../sandbox/woocommerce';
import { SequentialClient } from './lib/sequential';
import { startWooProcess } from './lib/woo-process';

/** One keep-alive connection, one request at a time. */
class KeepAliveClient {
	private readonly agent = new https.Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });

	private readonly authorization: string;

	constructor(key: ApiKey) {
		this.authorization = `Basic ${Buffer.from(`${key.consumerKey}:${key.consumerSecret}`).toString('base64')}`;
	}

	async get(url: string): Promise<{ status: number }> {
		return await new Promise((resolve, reject) => {
			https
				.get(url, { agent: this.agent, headers: { Authorization: this.authorization } }, (response) => {
					response.resume();
					response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
				})
				.on('error', reject);
		});
	}

	close(): void {
		this.agent.destroy();
	}
}

export interface SandboxFigures {
	orders: number;
	pages: number;
	storeBuildSeconds: number;
	/** The first page of the walk: filters and sorts the whole store once. */
	firstPageCpuMs: number;
	/** Mean over every page of a walk through all orders (the first included). */
	cpuMsPerPage: number;
	/** Mean over a second walk (query results cached). */
	repeatCpuMsPerPage: number;
	/** Mean over a walk with a new TLS connection per page, as n8n's request helper makes them. */
	newConnectionCpuMsPerPage: number;
}

export async function measureSandbox(orders: number): Promise<SandboxFigures> {
	const woo = await startWooProcess({ products: 200, orders, latencyMs: 0 });
	const client = new KeepAliveClient(woo.key);
	const perRequestConnections = new SequentialClient(woo.httpsUrl, woo.key);
	try {
		const url = (page: number) => `${woo.httpsUrl}/wp-json/wc/v3/orders?status=any&orderby=id&order=asc&per_page=100&page=${page}&modified_after=2024-12-31T23:59:59&modified_before=2030-01-01T00:00:00&dates_are_gmt=true`;
		await client.get(`${woo.httpsUrl}/wp-json/wc/v3/system_status?_fields=environment`); // TLS session and JIT of the pipeline
		const walk = async (via: { get(url: string): Promise<{ status: number }> } = client): Promise<{ pages: number; cpuMs: number; firstMs: number }> => {
			const start = (await woo.cpu()).cpuMicros;
			const first = await via.get(url(1));
			const afterFirst = (await woo.cpu()).cpuMicros;
			const totalPages = Math.ceil(orders / 100);
			if (first.status !== 200) throw new Error(`page 1 answered ${first.status}`);
			for (let page = 2; page <= totalPages; page++) await via.get(url(page));
			const end = (await woo.cpu()).cpuMicros;
			return { pages: totalPages, cpuMs: (end - start) / 1000, firstMs: (afterFirst - start) / 1000 };
		};
		const fresh = await walk();
		const repeat = await walk();
		const newConnections = await walk(perRequestConnections);
		return {
			orders,
			pages: fresh.pages,
			storeBuildSeconds: woo.buildSeconds,
			firstPageCpuMs: fresh.firstMs,
			cpuMsPerPage: fresh.cpuMs / fresh.pages,
			repeatCpuMsPerPage: repeat.cpuMs / repeat.pages,
			newConnectionCpuMsPerPage: newConnections.cpuMs / newConnections.pages,
		};
	} finally {
		client.close();
		await woo.close();
	}
}
