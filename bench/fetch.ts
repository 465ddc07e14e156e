/**
 * Fetch: the fetch node through n8n-core's WorkflowExecute (default concurrency, since a date that
 * covers everything, no cap) against the sequential baseline, on the same store in a child process.
 */
import { performance } from 'node:perf_hooks';

import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow } from '../test/harness/run-workflow';
import { fetchWorkflow } from '../test/support/sync-env';
import { idealSeconds } from './lib/report';
import { fetchSequentially } from './lib/sequential';
import { startWooProcess, type WooProcess } from './lib/woo-process';

export const DEFAULT_CONCURRENCY = 4;

export interface FetchScale {
	products: number;
	orders: number;
	variableShare: number;
	variationsPerProduct: number;
	latencyMs: number;
}

export interface FetchFigures {
	scale: FetchScale;
	storeBuildSeconds: number;
	sequentialSeconds: number;
	sequentialRequests: number;
	sequentialRecords: number;
	nodeSeconds: number;
	nodeRequests: number;
	nodeRecords: number;
	nodeRequestsByRoute: Record<string, number>;
	/** sequentialSeconds ÷ nodeSeconds */
	ratio: number;
	/** pages × latency ÷ concurrency, pages = the requests the baseline needs (one per page) */
	idealSeconds: number;
	/** nodeSeconds ÷ idealSeconds */
	ofIdeal: number;
	sequentialRecordsPerSecond: number;
	nodeRecordsPerSecond: number;
	concurrency: number;
	/** The orders the node delivered, for the push measurement. */
	orders: INodeExecutionData[];
}

export function storeCredential(woo: Pick<WooProcess, 'httpsUrl' | 'key'>): ICredentialDataDecryptedObject {
	return {
		connectionName: 'Bench Shop',
		externalSystem: 'woocommerce',
		accessToken: woo.key.consumerKey,
		secret: woo.key.consumerSecret,
		apiUrl: woo.httpsUrl,
		orderStart: '2025-01-01T00:00:00Z',
		warehouse: 'Main warehouse',
		companyGroup: '',
		authMode: 'automatic',
		ignoreSslIssues: true,
	};
}

async function runNode(woo: WooProcess, resource: 'product' | 'order'): Promise<INodeExecutionData[]> {
	const result = await runWorkflow(fetchWorkflow({ resource, since: 'date', sinceDate: '2000-01-01T00:00:00Z', options: { maxRecordsPerRun: 0 } }), {
		credentials: { extendCommerceConnectionApi: storeCredential(woo) },
	});
	if (result.error) throw new Error(`the fetch node failed: ${result.error.message}`);
	return result.items('WooCommerce Fetch');
}

function countRecords(items: INodeExecutionData[]): number {
	let records = 0;
	for (const item of items) records += 1 + (Array.isArray(item.json.variations) ? item.json.variations.length : 0);
	return records;
}

export async function measureFetch(scale: FetchScale, log: (line: string) => void): Promise<FetchFigures> {
	const woo = await startWooProcess({ products: scale.products, orders: scale.orders, variableShare: scale.variableShare, variationsPerProduct: scale.variationsPerProduct, latencyMs: scale.latencyMs });
	try {
		log(`  store: ${scale.products} products, ${scale.orders} orders, ${scale.latencyMs} ms latency (built in ${woo.buildSeconds.toFixed(1)} s)`);
		// Warm up both paths (module loading, TLS, JIT) on a tiny read, outside the measurement.
		await runWorkflow(fetchWorkflow({ resource: 'order', since: 'date', sinceDate: '2000-01-01T00:00:00Z', returnAll: false, limit: 1 }), { credentials: { extendCommerceConnectionApi: storeCredential(woo) } });

		let before = (await woo.requests()).total;
		let started = performance.now();
		const sequential = await fetchSequentially(woo.httpsUrl, woo.key);
		const sequentialSeconds = (performance.now() - started) / 1000;
		const afterSequential = await woo.requests();
		log(`  sequential: ${sequential.records} records in ${sequential.requests} requests, ${sequentialSeconds.toFixed(1)} s`);

		before = afterSequential.total;
		const byPathBefore = afterSequential.byPath;
		started = performance.now();
		const products = await runNode(woo, 'product');
		const orders = await runNode(woo, 'order');
		const nodeSeconds = (performance.now() - started) / 1000;
		const afterNode = await woo.requests();
		const nodeRecords = countRecords(products) + orders.length;
		const byRoute: Record<string, number> = {};
		for (const [route, count] of Object.entries(afterNode.byPath)) {
			const grouped = route.replace(/\/products\/\d+\/variations/, '/products/{id}/variations');
			const delta = count - (byPathBefore[route] ?? 0);
			if (delta > 0) byRoute[grouped] = (byRoute[grouped] ?? 0) + delta;
		}
		log(`  node: ${nodeRecords} records in ${afterNode.total - before} requests, ${nodeSeconds.toFixed(1)} s`);
		if (nodeRecords !== sequential.records) log(`  NOTE: the node delivered ${nodeRecords} records, the baseline ${sequential.records}`);

		const ideal = idealSeconds(sequential.requests, scale.latencyMs, DEFAULT_CONCURRENCY);
		return {
			scale,
			storeBuildSeconds: woo.buildSeconds,
			sequentialSeconds,
			sequentialRequests: sequential.requests,
			sequentialRecords: sequential.records,
			nodeSeconds,
			nodeRequests: afterNode.total - before,
			nodeRecords,
			nodeRequestsByRoute: byRoute,
			ratio: sequentialSeconds / nodeSeconds,
			idealSeconds: ideal,
			ofIdeal: nodeSeconds / ideal,
			sequentialRecordsPerSecond: sequential.records / sequentialSeconds,
			nodeRecordsPerSecond: nodeRecords / nodeSeconds,
			concurrency: DEFAULT_CONCURRENCY,
			orders,
		};
	} finally {
		await woo.close();
	}
}
