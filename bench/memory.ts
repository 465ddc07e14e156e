/**
 * Memory: capped runs (Max Records per Run) of the fetch node through a huge order store, each run
 * in a child process of its own that reports its peak RSS (`process.resourceUsage().maxRSS`) and the
 * end of the window it read; the next run starts there, as the templates' Data table cursor does.
 */
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
	nextCursor?: string;
	seconds: number;
	rssBeforeMb: number;
	peakRssMb: number;
}

export async function measureMemory(storeOrders: number, cap: number, runs: number, log: (line: string) => void): Promise<MemoryFigures> {
	const heapMb = Math.max(4096, Math.ceil(storeOrders / 1000) * 12);
	const woo = await startWooProcess({ products: 200, orders: storeOrders, latencyMs: 0 }, heapMb);
	try {
		const storeRssMb = (await woo.cpu()).rssBytes / 1048576;
		log(`  store: ${storeOrders} orders built in ${woo.buildSeconds.toFixed(1)} s, sandbox RSS ${storeRssMb.toFixed(0)} MB`);
		const credentials = { extendCommerceConnectionApi: { ...storeCredential(woo), connectionName: 'Memory Bench Shop' } };
		let cursor = '';
		const results: MemoryRun[] = [];
		for (let run = 1; run <= runs; run++) {
			const executionId = `memory-${run}`;
			const child = forkTs('bench/lib/memory-child.ts', { BENCH_CREDENTIALS: JSON.stringify(credentials), BENCH_CAP: String(cap), BENCH_EXECUTION_ID: executionId, BENCH_CURSOR: cursor });
			const done = await new Promise<Done>((resolve, reject) => {
				child.once('message', (message: Done) => resolve(message));
				child.once('exit', (code) => reject(new Error(`memory run ${run} exited with ${code}`)));
			});
			await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
			if (done.error) throw new Error(`memory run ${run}: ${done.error}`);
			results.push({ records: done.records, seconds: done.seconds, rssBeforeMb: done.rssBeforeMb, peakRssMb: done.peakRssMb });
			log(`  run ${run}: ${done.records} orders in ${done.seconds.toFixed(1)} s, peak RSS ${done.peakRssMb.toFixed(0)} MB (${done.rssBeforeMb.toFixed(0)} MB loaded)`);
			if (!done.nextCursor) throw new Error(`memory run ${run} reported no Sync Window`);
			cursor = done.nextCursor;
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
		await woo.close();
	}
}
