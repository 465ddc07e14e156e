/**
 * CPU: the fetch node's own time per record, beyond HTTP and JSON parsing. The node's real code
 * (`fetchChanges`, with its transport adapter, JsonClient, WooClient, WindowPager, de-duplication
 * and item building) runs against an in-process `httpRequestWithAuthentication` that answers from
 * pre-serialised pages of a real sandbox store; process CPU time of a run minus the CPU time of
 * one JSON.parse of the same bodies, divided by the records.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { fetchChanges } from '../nodes/WooCommerceFetch/fetchChanges';
import { startWooSandbox } from '../sandbox/woocommerce';
import { median } from './lib/report';

export interface CpuFigures {
	records: number;
	pages: number;
	runs: number;
	/** Median process CPU of one node run, ms. */
	nodeRunCpuMs: number;
	/** Median CPU of parsing every body once, ms. */
	jsonParseCpuMs: number;
	/** (node run − JSON.parse) ÷ records, µs */
	microsecondsPerRecord: number;
	/** node run ÷ records, µs (including the one parse) */
	totalMicrosecondsPerRecord: number;
}

interface Page {
	text: string;
	total: number;
	totalPages: number;
}

async function serialisedPages(orders: number): Promise<{ pages: Page[]; probe: string }> {
	const woo = await startWooSandbox({ products: 200, orders, https: false, basicOverHttp: true });
	try {
		const key = woo.keys.readWrite;
		const authorization = `Basic ${Buffer.from(`${key.consumerKey}:${key.consumerSecret}`).toString('base64')}`;
		const pages: Page[] = [];
		for (let page = 1; ; page++) {
			const response = await fetch(`${woo.httpUrl}/wp-json/wc/v3/orders?status=any&orderby=id&order=asc&per_page=100&page=${page}`, { headers: { Authorization: authorization } });
			const text = await response.text();
			const totalPages = Number(response.headers.get('x-wp-totalpages'));
			pages.push({ text, total: Number(response.headers.get('x-wp-total')), totalPages });
			if (page >= totalPages) break;
		}
		const first = (JSON.parse(pages[0].text) as IDataObject[])[0];
		return { pages, probe: JSON.stringify([{ id: first.id }]) };
	} finally {
		await woo.close();
	}
}

function fakeContext(pages: Page[], probe: string): IExecuteFunctions {
	const node = { id: 'f', name: 'WooCommerce Fetch', type: 'n8n-nodes-extend-commerce.wooCommerceFetch', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
	const parameters: Record<string, unknown> = {
		resource: 'order',
		since: 'date',
		sinceDate: '2000-01-01T00:00:00Z',
		returnAll: true,
		filters: {},
		options: { maxRecordsPerRun: 0 },
	};
	const credentials = {
		connectionName: 'Bench Shop',
		accessToken: 'ck_bench',
		secret: 'cs_bench',
		apiUrl: 'https://store.bench.test',
		orderStart: '2025-01-01T00:00:00Z',
		authMode: 'basic',
		ignoreSslIssues: false,
	};
	const answer = (options: IHttpRequestOptions) => {
		const query = new URL(options.url).searchParams;
		const perPage = Number(query.get('per_page') ?? 10);
		const page = Number(query.get('page') ?? 1);
		const last = pages[pages.length - 1];
		const total = last.total;
		const body = perPage === 1 ? probe : perPage === 100 ? (pages[page - 1]?.text ?? '[]') : '[]';
		return {
			statusCode: 200,
			headers: { 'content-type': 'application/json; charset=UTF-8', 'x-wp-total': String(total), 'x-wp-totalpages': String(Math.ceil(total / perPage)), date: new Date().toUTCString() },
			body,
		};
	};
	const context = {
		getNodeParameter: (name: string, _index: number, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getCredentials: async () => credentials,
		getMode: () => 'trigger',
		getExecutionId: () => 'bench',
		getNode: () => node,
		addExecutionHints: () => {},
		helpers: { httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => answer(options) },
	};
	return context as unknown as IExecuteFunctions;
}

function cpuMs(): number {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1000;
}

export async function measureCpu(orders: number, runs: number): Promise<CpuFigures> {
	const { pages, probe } = await serialisedPages(orders);
	const context = fakeContext(pages, probe);
	const records = pages[pages.length - 1].total;
	const nodeRuns: number[] = [];
	const parseRuns: number[] = [];
	// One warm-up of each, then alternate, so both see the same machine.
	const once = async () => {
		const start = cpuMs();
		const [items] = await fetchChanges.call(context);
		const spent = cpuMs() - start;
		if (items.length !== records) throw new Error(`the node returned ${items.length} of ${records} records`);
		return spent;
	};
	// The parse baseline keeps what it parsed, as anything that returns the records must: holding
	// 50k objects costs the garbage collector promotions that parse-and-drop would not show.
	const parseAll = () => {
		const start = cpuMs();
		const kept: unknown[][] = [];
		for (const page of pages) kept.push(JSON.parse(page.text) as unknown[]);
		const spent = cpuMs() - start;
		if (kept.reduce((sum, list) => sum + list.length, 0) !== records) throw new Error('parse count mismatch');
		return spent;
	};
	await once();
	parseAll();
	for (let run = 0; run < runs; run++) {
		global.gc?.();
		nodeRuns.push(await once());
		global.gc?.();
		parseRuns.push(parseAll());
	}
	const nodeRunCpuMs = median(nodeRuns);
	const jsonParseCpuMs = median(parseRuns);
	return {
		records,
		pages: pages.length,
		runs,
		nodeRunCpuMs,
		jsonParseCpuMs,
		microsecondsPerRecord: ((nodeRunCpuMs - jsonParseCpuMs) * 1000) / records,
		totalMicrosecondsPerRecord: (nodeRunCpuMs * 1000) / records,
	};
}
