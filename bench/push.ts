/**
 * Push: orders, then products with their variations, from an in-process WooCommerce sandbox into
 * the sandbox back office through the push node (WorkflowExecute, node defaults), at `limit`
 * requests per `windowSeconds` per rate-limit group, once for each way Extend might group its
 * methods (each method alone, each resource together, everything shared). Extend documents 300
 * per group (per minute, we assume) but not which methods share a group.
 *
 * Figures per run: records per minute, requests per record, the share answered 429, and the
 * sustained rate against its limit of the group that bounds the run (the fewest records per
 * minute; the few lists that tell which orders Extend holds never fill a group of their own): the requests of its completed windows ÷ the
 * time from its first request to the start of its last window (the last window is cut short by
 * the end of the run, so it says nothing about the pace). `overallOfLimit` counts the last window
 * too: all requests ÷ the time to the end of the last window.
 * A limit faster than Extend's standard 300 per minute (`timeScale` = limit per minute ÷ 300, e.g.
 * 300 per 20 s = 3) makes the run that much shorter: records per minute are the sustained rate at
 * Extend's standard limit — per group, its sustained requests per minute ÷ its requests per record,
 * the slowest group deciding, ÷ timeScale — so a run that ends early in a window counts no more
 * than the limit allows. The shorter window is the harder case: the
 * latency and the pacer's margin after each reset weigh more in a shorter window.
 */
import { performance } from 'node:perf_hooks';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startBackOffice, type LogEntry, type RateLimitGrouping } from '../sandbox/extend-commerce';
import { startWooSandbox } from '../sandbox/woocommerce';
import { runWorkflow, type WorkflowJson } from '../test/harness/run-workflow';
import { officeCredential } from '../test/support/sync-env';

export interface PushBenchOptions {
	/** Orders per run (issue 24: 2,000). */
	orders: number;
	/** WooCommerce products; with variations the product runs push about `products × 5` records. */
	products: number;
	limit: number;
	windowSeconds: number;
	latencyMs: number;
	groupings: RateLimitGrouping[];
}

export interface GroupFigures {
	requests: number;
	answered429: number;
	windowsUsed: number;
	spanSeconds: number;
	/** Over the completed windows (all windows when there is only one). */
	requestsPerMinute: number;
	/** requestsPerMinute ÷ the limit per minute */
	ofLimit: number;
	/** All requests ÷ the time from the first request to the end of the last window, ÷ the limit. */
	overallOfLimit: number;
}

export interface PushRunFigures {
	resource: 'order' | 'product';
	grouping: RateLimitGrouping;
	records: number;
	/** Records Extend holds after the run. */
	stored: number;
	lost: number;
	seconds: number;
	/** Sustained records per minute at Extend's standard limit (see the top of this file). */
	recordsPerMinute: number;
	requests: number;
	requestsPerRecord: number;
	/** 429 answers ÷ all requests */
	share429: number;
	/**
	 * ofLimit of the group that bounds the run (the fewest records per minute). A group with a
	 * handful of requests — the lists that tell which orders Extend holds — never fills a window,
	 * so it says nothing about the pace.
	 */
	ofLimit: number;
	/** The group that bounds the run. */
	boundBy: string;
	groups: Record<string, GroupFigures>;
}

/** Documented: "300 would be Standard limit" (per minute, we assume). */
export const EXTEND_STANDARD_PER_MINUTE = 300;

export interface PushFigures extends Omit<PushBenchOptions, 'groupings'> {
	/** The bench's limit per minute ÷ Extend's standard 300: how much faster than at Extend's limit the runs went. */
	timeScale: number;
	runs: PushRunFigures[];
	/** Worst of all runs, for the targets. */
	ofLimit: number;
	/** Orders per minute at Extend's standard limit with lookups and creates in one group (the slower of 'resource' and 'shared'); undefined when neither ran. */
	ordersPerMinuteOneGroup?: number;
	/** Requests per order, the most of any order run. */
	requestsPerOrder: number;
	share429: number;
	lost: number;
}

const STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'refunded', 'failed', 'checkout-draft'];

const PARAMETERS: Record<PushRunFigures['resource'], INodeParameters> = {
	order: { resource: 'order', operation: 'create', customerNumber: 'WEBSHOP', statusesToSend: STATUSES, cursorMode: 'none', options: { warehouse: 'MAIN' } },
	product: { resource: 'product', operation: 'upsert', currency: 'USD', unit: 'ST', vatPercent: '25', cursorMode: 'none', options: {} },
};

function pushWorkflow(resource: PushRunFigures['resource']): WorkflowJson {
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
				parameters: PARAMETERS[resource],
				credentials: { extendCommerceApi: { id: '2', name: 'Back office' } },
			},
		],
		connections: { 'Schedule Trigger': { main: [[{ node: 'Extend Commerce', type: 'main', index: 0 }]] } },
	};
}

/** The group's windows rebuilt as the sandbox counts them (a window opens with the first request after the last one closed). */
export function groupFigures(entries: LogEntry[], limit: number, windowSeconds: number): GroupFigures {
	const times = entries.map((entry) => Date.parse(entry.at)).sort((a, b) => a - b);
	const windowMs = windowSeconds * 1000;
	let windowsUsed = 0;
	let windowStart = -Infinity;
	let beforeLastWindow = 0;
	times.forEach((at, index) => {
		if (at >= windowStart + windowMs) {
			windowStart = at;
			windowsUsed += 1;
			beforeLastWindow = index;
		}
	});
	const limitPerMinute = (limit * 60) / windowSeconds;
	const spanSeconds = times.length ? (windowStart + windowMs - times[0]) / 1000 : 0;
	const overall = spanSeconds > 0 ? (entries.length / spanSeconds) * 60 : 0;
	const completedSeconds = times.length ? (windowStart - times[0]) / 1000 : 0;
	const requestsPerMinute = windowsUsed >= 2 && completedSeconds > 0 ? (beforeLastWindow / completedSeconds) * 60 : overall;
	return {
		requests: entries.length,
		answered429: entries.filter((entry) => entry.status === 429).length,
		windowsUsed,
		spanSeconds,
		requestsPerMinute,
		ofLimit: requestsPerMinute / limitPerMinute,
		overallOfLimit: overall / limitPerMinute,
	};
}

interface RunInput {
	resource: PushRunFigures['resource'];
	grouping: RateLimitGrouping;
	items: IDataObject[];
	/** The product numbers each record must end up as (orders: the shop's order numbers). */
	expected: string[];
	/** Products the back office knows before the run (orders refer to them). */
	master: string[];
}

async function pushRun(input: RunInput, options: PushBenchOptions): Promise<PushRunFigures> {
	const office = await startBackOffice({
		latencyMs: options.latencyMs,
		logLimit: 10_000_000,
		rateLimitGrouping: input.grouping,
		rateLimit: { limit: options.limit, windowSeconds: options.windowSeconds },
		master: { customers: ['WEBSHOP'], warehouses: ['MAIN'], products: input.master },
	});
	try {
		const started = performance.now();
		const result = await runWorkflow(pushWorkflow(input.resource), {
			credentials: { extendCommerceApi: officeCredential(office) },
			triggerItems: input.items.map((json) => ({ json })),
		});
		const seconds = (performance.now() - started) / 1000;
		if (result.error) throw new Error(`the push node failed: ${result.error.message}`);
		const held = new Set(input.resource === 'order' ? office.data.orders().map((order) => order.orderNumberExternal) : office.data.products().map((product) => product.productNumber));
		const lost = input.expected.filter((key) => !held.has(key)).length;
		const api = office.log.filter((entry) => entry.group !== undefined);
		const names = [...new Set(api.map((entry) => entry.group as string))];
		const groups = Object.fromEntries(names.map((name) => [name, groupFigures(api.filter((entry) => entry.group === name), options.limit, options.windowSeconds)]));
		const answered429 = api.filter((entry) => entry.status === 429).length;
		const records = input.expected.length;
		const perGroup = Object.entries(groups).map(([name, group]) => ({ name, recordsPerMinute: group.requestsPerMinute / (group.requests / records) }));
		const bound = perGroup.reduce((slowest, group) => (group.recordsPerMinute < slowest.recordsPerMinute ? group : slowest));
		return {
			resource: input.resource,
			grouping: input.grouping,
			records,
			stored: records - lost,
			lost,
			seconds,
			recordsPerMinute: bound.recordsPerMinute / timeScaleOf(options),
			requests: api.length,
			requestsPerRecord: api.length / records,
			share429: answered429 / Math.max(1, api.length),
			ofLimit: groups[bound.name].ofLimit,
			boundBy: bound.name,
			groups,
		};
	} finally {
		await office.close();
	}
}

function timeScaleOf(options: Pick<PushBenchOptions, 'limit' | 'windowSeconds'>): number {
	return (options.limit * 60) / options.windowSeconds / EXTEND_STANDARD_PER_MINUTE;
}

export function describeRun(run: PushRunFigures): string {
	const what = run.resource === 'order' ? 'orders' : 'products+variations';
	const groups = Object.entries(run.groups)
		.map(([name, group]) => `${name} ${group.requests} req in ${group.windowsUsed} windows (${(group.ofLimit * 100).toFixed(1)} %${name === run.boundBy ? ', bounds the run' : ''})`)
		.join('; ');
	return (
		`${run.grouping.padEnd(8)} ${run.records} ${what}: ${run.seconds.toFixed(1)} s, ${run.recordsPerMinute.toFixed(0)} ${what}/min at 300/min, ` +
		`${run.requestsPerRecord.toFixed(2)} req/record, ${(run.share429 * 100).toFixed(2)} % 429, ${run.lost} lost — ${groups}`
	);
}

export async function measurePush(options: PushBenchOptions, log: (line: string) => void): Promise<PushFigures> {
	const woo = await startWooSandbox({ products: options.products, variableShare: 0.5, variationsPerProduct: 8, orders: Math.ceil(options.orders * 1.5) });
	try {
		const orders = woo.store
			.orders()
			.map((order) => order as unknown as IDataObject)
			.filter((order) => STATUSES.includes(String(order.status)))
			.slice(0, options.orders);
		if (orders.length < options.orders) throw new Error(`the push bench needs ${options.orders} orders, the sandbox store made ${orders.length}`);
		const skus = [...new Set(orders.flatMap((order) => (order.line_items as IDataObject[]).map((line) => String(line.sku))))];
		const products = woo.store
			.products()
			.filter((product) => product.status !== 'trash' && product.sku)
			.map((product) => ({ ...product, variations: woo.store.variations(product.id) }) as unknown as IDataObject);
		const productNumbers = products.flatMap((product) => [String(product.sku), ...(product.variations as IDataObject[]).map((variation) => String(variation.sku))]);
		const runs: PushRunFigures[] = [];
		for (const grouping of options.groupings) {
			const orderRun = await pushRun({ resource: 'order', grouping, items: orders, expected: orders.map((order) => String(order.number)), master: skus }, options);
			log(`  ${describeRun(orderRun)}`);
			runs.push(orderRun);
			const productRun = await pushRun({ resource: 'product', grouping, items: products, expected: productNumbers, master: [] }, options);
			log(`  ${describeRun(productRun)}`);
			runs.push(productRun);
		}
		const { groupings: _groupings, ...scale } = options;
		void _groupings;
		const orderRuns = runs.filter((run) => run.resource === 'order');
		const oneGroup = orderRuns.filter((run) => run.grouping === 'resource' || run.grouping === 'shared');
		return {
			...scale,
			timeScale: timeScaleOf(options),
			runs,
			ordersPerMinuteOneGroup: oneGroup.length ? Math.min(...oneGroup.map((run) => run.recordsPerMinute)) : undefined,
			requestsPerOrder: Math.max(...orderRuns.map((run) => run.requestsPerRecord)),
			ofLimit: Math.min(...runs.map((run) => run.ofLimit)),
			share429: Math.max(...runs.map((run) => run.share429)),
			lost: runs.reduce((sum, run) => sum + run.lost, 0),
		};
	} finally {
		await woo.close();
	}
}
