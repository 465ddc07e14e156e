/**
 * CPU: the fetch node's own time per record, beyond HTTP and JSON parsing. The store runs in a
 * child process, so its CPU is not counted. In this process, alternately and measured with
 * `process.cpuUsage()`:
 *  - the fetch node, through n8n-core's WorkflowExecute, reading every order (no latency), and
 *  - the baseline: the same pages fetched through n8n's own outbound HTTP stack, four at a time as
 *    the node does, and parsed with JSON.parse, keeping the results as the node must.
 * (node − baseline) ÷ records is what the node itself adds per record: window planning, the
 * verified pager, the in-window checks, de-duplication, items — and the engine's own handling.
 */
import { mapWithConcurrency } from '../nodes/shared/concurrency';
import { runWorkflow } from '../test/harness/run-workflow';
import { fetchWorkflow } from '../test/support/sync-env';
import { storeCredential } from './fetch';
import { median } from './lib/report';
import { SequentialClient } from './lib/sequential';
import { startWooProcess } from './lib/woo-process';

export interface CpuFigures {
	records: number;
	pages: number;
	runs: number;
	/** Median process CPU of one node run, ms. */
	nodeRunCpuMs: number;
	/** Median CPU of fetching and parsing every page once through n8n's HTTP stack, ms. */
	jsonParseCpuMs: number;
	/** (node run − baseline) ÷ records, µs */
	microsecondsPerRecord: number;
	/** node run ÷ records, µs (HTTP and parsing included) */
	totalMicrosecondsPerRecord: number;
}

function cpuMs(): number {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1000;
}

export async function measureCpu(orders: number, runs: number): Promise<CpuFigures> {
	const woo = await startWooProcess({ products: 50, orders, latencyMs: 0 });
	const client = new SequentialClient(woo.httpsUrl, woo.key);
	try {
		const credentials = { extendCommerceConnectionApi: storeCredential(woo) };
		const workflow = fetchWorkflow({ resource: 'order', since: 'date', sinceDate: '2000-01-01T00:00:00Z', options: { maxRecordsPerRun: 0 } });
		const pages = Math.ceil(orders / 100);
		const pageUrl = (page: number) =>
			`${woo.httpsUrl}/wp-json/wc/v3/orders?status=any&modified_after=1999-12-31T23%3A59%3A59&modified_before=2100-01-01T00%3A00%3A00&dates_are_gmt=true&orderby=id&order=asc&per_page=100&page=${page}`;

		const nodeOnce = async () => {
			const start = cpuMs();
			const result = await runWorkflow(workflow, { credentials });
			const spent = cpuMs() - start;
			const delivered = result.items('WooCommerce Fetch').length;
			if (result.error || delivered !== orders) throw new Error(`the node delivered ${delivered} of ${orders} orders: ${result.error?.message ?? ''}`);
			return spent;
		};
		const baselineOnce = async () => {
			const start = cpuMs();
			const pageNumbers = Array.from({ length: pages }, (_, index) => index + 1);
			const kept = await mapWithConcurrency(pageNumbers, 4, async (page) => JSON.parse((await client.get(pageUrl(page))).body) as unknown[]);
			const spent = cpuMs() - start;
			const count = kept.reduce((sum, list) => sum + list.length, 0);
			if (count !== orders) throw new Error(`the baseline read ${count} of ${orders} orders`);
			return spent;
		};

		// One warm-up of each, then alternate, so both see the same machine.
		await nodeOnce();
		await baselineOnce();
		const nodeRuns: number[] = [];
		const baselineRuns: number[] = [];
		for (let run = 0; run < runs; run++) {
			global.gc?.();
			nodeRuns.push(await nodeOnce());
			global.gc?.();
			baselineRuns.push(await baselineOnce());
		}
		const nodeRunCpuMs = median(nodeRuns);
		const jsonParseCpuMs = median(baselineRuns);
		return {
			records: orders,
			pages,
			runs,
			nodeRunCpuMs,
			jsonParseCpuMs,
			microsecondsPerRecord: ((nodeRunCpuMs - jsonParseCpuMs) * 1000) / orders,
			totalMicrosecondsPerRecord: (nodeRunCpuMs * 1000) / orders,
		};
	} finally {
		client.close();
		await woo.close();
	}
}
