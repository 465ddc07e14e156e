/**
 * Push: orders into the sandbox back office through the push node (WorkflowExecute, node
 * defaults) against a rate limit of `limit` requests per `windowSeconds` per group (300 per
 * minute is Extend's documented standard limit). Each order costs one read (the lookup by
 * orderNumberExternal) and one write (POST CustomerOrders), in two rate-limit groups, so a run
 * of `windows` × `limit` orders needs `windows` full windows in each group.
 *
 * Sustained rate = requests of a group ÷ the time from its first request to the end of the window
 * of its last request (no client could send more before that window ends), against the limit.
 */
import { performance } from 'node:perf_hooks';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { startBackOffice, type LogEntry } from '../sandbox/extend-commerce';
import { runWorkflow, type WorkflowJson } from '../test/harness/run-workflow';
import { officeCredential } from '../test/support/sync-env';

export interface PushRateOptions {
	limit: number;
	windowSeconds: number;
	windows: number;
	latencyMs: number;
}

export interface GroupFigures {
	requests: number;
	answered429: number;
	windowsUsed: number;
	spanSeconds: number;
	requestsPerMinute: number;
	/** requestsPerMinute ÷ the limit per minute */
	ofLimit: number;
}

export interface PushFigures extends PushRateOptions {
	records: number;
	created: number;
	lost: number;
	seconds: number;
	reads: GroupFigures;
	writes: GroupFigures;
	/** 429 answers ÷ all requests */
	share429: number;
	/** The lower of the two groups' ofLimit. */
	ofLimit: number;
}

const STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'refunded', 'failed', 'checkout-draft'];

function pushWorkflow(): WorkflowJson {
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
				parameters: { resource: 'order', operation: 'create', customerNumber: 'WEBSHOP', statusesToSend: STATUSES, cursorMode: 'none', options: { warehouse: 'MAIN' } },
				credentials: { extendCommerceApi: { id: '2', name: 'Back office' } },
			},
		],
		connections: { 'Schedule Trigger': { main: [[{ node: 'Extend Commerce', type: 'main', index: 0 }]] } },
	};
}

/** The group's windows rebuilt as the sandbox counts them (a window opens with the first request after the last one closed). */
function groupFigures(entries: LogEntry[], limit: number, windowSeconds: number): GroupFigures {
	const times = entries.map((entry) => Date.parse(entry.at)).sort((a, b) => a - b);
	const windowMs = windowSeconds * 1000;
	let windowsUsed = 0;
	let windowStart = -Infinity;
	for (const at of times) {
		if (at >= windowStart + windowMs) {
			windowStart = at;
			windowsUsed += 1;
		}
	}
	const spanSeconds = times.length ? (windowStart + windowMs - times[0]) / 1000 : 0;
	const requestsPerMinute = spanSeconds > 0 ? (entries.length / spanSeconds) * 60 : 0;
	return {
		requests: entries.length,
		answered429: entries.filter((entry) => entry.status === 429).length,
		windowsUsed,
		spanSeconds,
		requestsPerMinute,
		ofLimit: requestsPerMinute / ((limit * 60) / windowSeconds),
	};
}

export async function measurePush(orders: INodeExecutionData[], options: PushRateOptions, log: (line: string) => void): Promise<PushFigures> {
	const count = options.limit * options.windows;
	const chosen = orders.map((item) => item.json as IDataObject).filter((order) => order.status !== 'cancelled' && order.status !== 'trash').slice(0, count);
	if (chosen.length < count) throw new Error(`the push bench needs ${count} orders, the fetch gave ${chosen.length}`);
	const skus = [...new Set(chosen.flatMap((order) => (order.line_items as IDataObject[]).map((line) => String(line.sku))))];
	const window = { limit: options.limit, windowSeconds: options.windowSeconds };
	const office = await startBackOffice({
		latencyMs: options.latencyMs,
		logLimit: 10_000_000,
		rateLimits: { orders: window, reads: window, products: window },
		master: { customers: ['WEBSHOP'], warehouses: ['MAIN'], products: skus },
	});
	try {
		const started = performance.now();
		const result = await runWorkflow(pushWorkflow(), {
			credentials: { extendCommerceApi: officeCredential(office) },
			triggerItems: chosen.map((json) => ({ json })),
		});
		const seconds = (performance.now() - started) / 1000;
		if (result.error) throw new Error(`the push node failed: ${result.error.message}`);
		const created = result.items('Extend Commerce').filter((item) => item.json.outcome === 'created').length;
		const stored = new Set(office.data.orders().map((order) => order.orderNumberExternal));
		const lost = chosen.filter((order) => !stored.has(String(order.number))).length;
		const api = office.log.filter((entry) => /customerorders/i.test(entry.path));
		const reads = groupFigures(api.filter((entry) => entry.method === 'GET'), options.limit, options.windowSeconds);
		const writes = groupFigures(api.filter((entry) => entry.method === 'POST'), options.limit, options.windowSeconds);
		const share429 = (reads.answered429 + writes.answered429) / Math.max(1, reads.requests + writes.requests);
		log(
			`  ${chosen.length} orders, limit ${options.limit}/${options.windowSeconds} s per group, ${options.latencyMs} ms latency: ${seconds.toFixed(1)} s; ` +
				`reads ${reads.requests} in ${reads.windowsUsed} windows (${reads.requestsPerMinute.toFixed(0)}/min), writes ${writes.requests} in ${writes.windowsUsed} windows (${writes.requestsPerMinute.toFixed(0)}/min), ` +
				`${reads.answered429 + writes.answered429} answered 429, ${lost} lost`,
		);
		return { ...options, records: chosen.length, created, lost, seconds, reads, writes, share429, ofLimit: Math.min(reads.ofLimit, writes.ofLimit) };
	} finally {
		await office.close();
	}
}
