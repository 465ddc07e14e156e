/**
 * A WooCommerce sandbox store in a process of its own, driven over IPC by bench/lib/woo-process.ts:
 * its CPU time is its own (not the client's), and a huge store does not share the client's heap.
 */
import { startWooSandbox, type WooSandboxOptions } from '../../sandbox/woocommerce';

export type ChildRequest = { type: 'cpu' } | { type: 'requests' } | { type: 'close' } | { type: 'churn'; perSecond: number };

export interface ChildCpu {
	type: 'cpu';
	/** process.cpuUsage() user + system, microseconds */
	cpuMicros: number;
	rssBytes: number;
	heapUsedBytes: number;
}

async function main(): Promise<void> {
	const options = JSON.parse(process.env.WOO_BENCH_OPTIONS ?? '{}') as WooSandboxOptions;
	const started = process.hrtime.bigint();
	const woo = await startWooSandbox(options);
	const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
	const send = (message: unknown) => process.send?.(message);
	process.on('message', (message: ChildRequest) => {
		if (message.type === 'cpu') {
			const cpu = process.cpuUsage();
			const memory = process.memoryUsage();
			send({ type: 'cpu', cpuMicros: cpu.user + cpu.system, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed } satisfies ChildCpu);
		} else if (message.type === 'requests') {
			const byPath: Record<string, number> = {};
			const byOrderby: Record<string, number> = {};
			for (const entry of woo.log) {
				byPath[entry.path] = (byPath[entry.path] ?? 0) + 1;
				const orderby = entry.query.orderby;
				if (typeof orderby === 'string') byOrderby[orderby] = (byOrderby[orderby] ?? 0) + 1;
			}
			send({ type: 'requests', total: woo.log.length, byPath, byOrderby });
		} else if (message.type === 'churn') {
			woo.options.churnPerSecond = message.perSecond;
			woo.churn.restart();
			send({ type: 'churn', changes: woo.churn.changes.length });
		} else if (message.type === 'close') {
			void woo.close().then(() => process.exit(0));
		}
	});
	send({ type: 'ready', httpUrl: woo.httpUrl, httpsUrl: woo.httpsUrl, key: woo.keys.readWrite, buildSeconds, options: woo.options });
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
