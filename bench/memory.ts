/**
 * Memory: capped runs (Max Records per Run) of the fetch node through a huge order store, each run
 * in a child process of its own that reports its peak RSS (`process.resourceUsage().maxRSS`); after
 * each run the window is committed in the back office, so the next run continues where it ended.
 */
import { startBackOffice } from '../sandbox/extend-commerce';
import { connectionKey } from '../nodes/shared/extend-commerce/connectionKey';
import { storeCredential } from './fetch';
import { forkTs, startWooProcess } from './lib/woo-process';

export interface MemoryRun {
	records: number;
	seconds: number;
	/** RSS of the child once n8n-core and the nodes were loaded, before the run. */
	rssBeforeMb: number;
	peakRssMb: number;
}

export interface MemoryFigures {
	storeOrders: number;
	cap: number;
	storeBuildSeconds: number;
	storeRssMb: number;
	runs: MemoryRun[];
	peakRssMb: number;
	recordsCovered: number;
}

interface Done {
	type: 'done';
	error?: string;
	records: number;
	seconds: number;
	rssBeforeMb: number;
	peakRssMb: number;
}

export async function measureMemory(storeOrders: number, cap: number, runs: number, log: (line: string) => void): Promise<MemoryFigures> {
	const heapMb = Math.max(4096, Math.ceil(storeOrders / 1000) * 12);
	const woo = await startWooProcess({ products: 200, orders: storeOrders, latencyMs: 0 }, heapMb);
	const office = await startBackOffice({ port: 0 });
	try {
		const storeRssMb = (await woo.cpu()).rssBytes / 1048576;
		log(`  store: ${storeOrders} orders built in ${woo.buildSeconds.toFixed(1)} s, sandbox RSS ${storeRssMb.toFixed(0)} MB`);
		const credentials = {
			extendCommerceConnectionApi: { ...storeCredential(woo), connectionName: 'Memory Bench Shop' },
			extendCommerceApi: { apiUrl: office.url, accessToken: office.token, ignoreSslIssues: false },
		};
		const key = connectionKey('Memory Bench Shop');
		const results: MemoryRun[] = [];
		for (let run = 1; run <= runs; run++) {
			const executionId = `memory-${run}`;
			const child = forkTs('bench/lib/memory-child.ts', { BENCH_CREDENTIALS: JSON.stringify(credentials), BENCH_CAP: String(cap), BENCH_EXECUTION_ID: executionId });
			const done = await new Promise<Done>((resolve, reject) => {
				child.once('message', (message: Done) => resolve(message));
				child.once('exit', (code) => reject(new Error(`memory run ${run} exited with ${code}`)));
			});
			await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
			if (done.error) throw new Error(`memory run ${run}: ${done.error}`);
			results.push({ records: done.records, seconds: done.seconds, rssBeforeMb: done.rssBeforeMb, peakRssMb: done.peakRssMb });
			log(`  run ${run}: ${done.records} orders in ${done.seconds.toFixed(1)} s, peak RSS ${done.peakRssMb.toFixed(0)} MB (${done.rssBeforeMb.toFixed(0)} MB loaded)`);
			const response = await fetch(`${office.url}/api/v1/connections/${key}/sync-state/orders/commit`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${office.token}`, 'Content-Type': 'application/json' },
				body: JSON.stringify({ executionId }),
			});
			if (response.status !== 200) throw new Error(`commit after run ${run} answered ${response.status}: ${await response.text()}`);
			if (done.records === 0) break;
		}
		return {
			storeOrders,
			cap,
			storeBuildSeconds: woo.buildSeconds,
			storeRssMb,
			runs: results,
			peakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
			recordsCovered: results.reduce((sum, r) => sum + r.records, 0),
		};
	} finally {
		await office.close();
		await woo.close();
	}
}
