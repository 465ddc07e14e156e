/**
 * Push: orders into the sandbox back office through the push node (WorkflowExecute, default batch
 * size and concurrency), against the same node sending one record per request (Batch Size 1) on
 * a sample, extrapolated linearly to every record.
 */
import { performance } from 'node:perf_hooks';

import type { INodeExecutionData } from 'n8n-workflow';

import { startBackOffice, type BackOffice } from '../sandbox/extend-commerce';
import { runWorkflow, type WorkflowJson } from '../test/harness/run-workflow';
import type { WooProcess } from './lib/woo-process';
import { storeCredential } from './fetch';

export interface PushFigures {
	records: number;
	latencyMs: number;
	seconds: number;
	requests: number;
	batchRequests: number;
	recordsPerSecond: number;
	sampleRecords: number;
	sampleSeconds: number;
	sampleRequests: number;
	/** Requests one record per request would make for every record (extrapolated from the sample). */
	perRecordRequests: number;
	perRecordSeconds: number;
	perRecordRecordsPerSecond: number;
	/** perRecordRequests ÷ requests */
	requestRatio: number;
}

function pushWorkflow(batchSize?: number): WorkflowJson {
	return {
		name: 'Push bench',
		nodes: [
			{ id: 't', name: 'Schedule Trigger', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: {} },
			{
				id: 'p',
				name: 'Extend Commerce',
				type: 'n8n-nodes-extend-commerce.extendCommercePush',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'order', operation: 'upsert', ...(batchSize ? { batchSize } : {}) },
				credentials: { extendCommerceConnectionApi: { id: '1', name: 'Shop' }, extendCommerceApi: { id: '2', name: 'Back office' } },
			},
		],
		connections: { 'Schedule Trigger': { main: [[{ node: 'Extend Commerce', type: 'main', index: 0 }]] } },
	};
}

async function pushOnce(woo: Pick<WooProcess, 'httpsUrl' | 'key'>, items: INodeExecutionData[], latencyMs: number, batchSize?: number): Promise<{ seconds: number; requests: number; batchRequests: number; office: BackOffice }> {
	const office = await startBackOffice({ port: 0, latencyMs, logLimit: 10_000_000 });
	try {
		const started = performance.now();
		const result = await runWorkflow(pushWorkflow(batchSize), {
			credentials: { extendCommerceConnectionApi: storeCredential(woo), extendCommerceApi: { apiUrl: office.url, accessToken: office.token, ignoreSslIssues: false } },
			triggerItems: items.map((item) => ({ json: item.json })),
		});
		const seconds = (performance.now() - started) / 1000;
		if (result.error) throw new Error(`the push node failed: ${result.error.message}`);
		const delivered = result.items('Extend Commerce').length;
		if (delivered !== items.length) throw new Error(`the push node answered ${delivered} of ${items.length} records`);
		return { seconds, requests: office.log.length, batchRequests: office.log.filter((entry) => entry.path.endsWith('/batch')).length, office };
	} finally {
		await office.close();
	}
}

export async function measurePush(woo: Pick<WooProcess, 'httpsUrl' | 'key'>, orders: INodeExecutionData[], latencyMs: number, sampleSize: number, log: (line: string) => void): Promise<PushFigures> {
	const batched = await pushOnce(woo, orders, latencyMs);
	log(`  batched: ${orders.length} orders in ${batched.requests} requests (${batched.batchRequests} batches), ${batched.seconds.toFixed(1)} s`);
	const sample = orders.slice(0, sampleSize);
	const single = await pushOnce(woo, sample, latencyMs, 1);
	log(`  one per request: sample of ${sample.length} orders in ${single.requests} requests, ${single.seconds.toFixed(1)} s`);
	const overhead = single.requests - single.batchRequests;
	const perRecordRequests = overhead + (single.batchRequests / sample.length) * orders.length;
	const perRecordSeconds = (single.seconds / sample.length) * orders.length;
	return {
		records: orders.length,
		latencyMs,
		seconds: batched.seconds,
		requests: batched.requests,
		batchRequests: batched.batchRequests,
		recordsPerSecond: orders.length / batched.seconds,
		sampleRecords: sample.length,
		sampleSeconds: single.seconds,
		sampleRequests: single.requests,
		perRecordRequests,
		perRecordSeconds,
		perRecordRecordsPerSecond: sample.length / single.seconds,
		requestRatio: perRecordRequests / batched.requests,
	};
}
