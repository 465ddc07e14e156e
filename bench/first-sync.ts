/**
 * First sync (issue 24): a store of `orders` orders reaches the back office in one continuous
 * catch-up through the orders template. Each part (Max Records per Run, `cap`) runs in a process of
 * its own (bench/lib/first-sync-child.ts), as n8n runs one execution, and reports its peak RSS; the
 * template's own "Sync the next part" node asks for the next part, which starts at once — no
 * schedule tick in between. The sync table's rows pass from part to part as n8n's database holds
 * them. The back office allows `limit` requests per `windowSeconds` per rate-limit group, with
 * lookups and creates in one group (Extend's strictest reading), so the rate limit sets the length:
 * the time at Extend's 300 per minute is the measured time × `timeScale`.
 */
import { performance } from 'node:perf_hooks';

import type { INodeExecutionData } from 'n8n-workflow';

import { demoCredentials } from '../demo/demo';
import type { NextCursor, SyncWindowInfo } from '../nodes/shared/sync/syncWindow';
import { startBackOffice, type RateLimitGrouping } from '../sandbox/extend-commerce';
import { storeSkus } from '../sandbox/cli';
import { startWooSandbox } from '../sandbox/woocommerce';
import { forkTs } from './lib/woo-process';
import { EXTEND_STANDARD_PER_MINUTE, groupFigures } from './push';

export interface FirstSyncOptions {
	orders: number;
	/** Max Records per Run of each part; the template's default is 10,000. */
	cap: number;
	limit: number;
	windowSeconds: number;
	latencyMs: number;
	grouping: RateLimitGrouping;
}

export interface FirstSyncPart {
	records: number;
	capped: boolean;
	seconds: number;
	/** Starting the part's process and loading n8n-core, before the run (n8n starts the next execution in its running process). */
	startupSeconds: number;
	rssBeforeMb: number;
	peakRssMb: number;
}

export interface FirstSyncFigures extends FirstSyncOptions {
	timeScale: number;
	storeBuildSeconds: number;
	parts: FirstSyncPart[];
	seconds: number;
	/** Orders in the statuses the template sends (processing, on-hold, completed). */
	sendable: number;
	delivered: number;
	twice: number;
	missing: number;
	requests: number;
	requestsPerOrder: number;
	answered429: number;
	/** The busiest group's sustained share of its limit. */
	ofLimit: number;
	peakRssMb: number;
	/** Measured minutes × timeScale: the same catch-up at Extend's 300 per minute. */
	minutesAt300: number;
	/** The bound the rate limit alone sets: the busiest group's requests ÷ 300 per minute. */
	minutesAtLimit: number;
	sendablePerMinuteAt300: number;
}

interface Done {
	type: 'done';
	error?: string;
	records: number;
	window?: SyncWindowInfo;
	nextCursor?: NextCursor;
	rows: Array<Record<string, string | null>>;
	next?: INodeExecutionData[];
	seconds: number;
	rssBeforeMb: number;
	peakRssMb: number;
}

const SENT_STATUSES = ['processing', 'on-hold', 'completed'];
const MAX_PARTS = 1000;

async function runPart(env: Record<string, string>): Promise<Done> {
	const child = forkTs('bench/lib/first-sync-child.ts', env);
	const done = await new Promise<Done>((resolve, reject) => {
		child.once('message', (message: Done) => resolve(message));
		child.once('exit', (code) => reject(new Error(`a part exited with ${code} before it reported`)));
	});
	await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
	return done;
}

export async function measureFirstSync(options: FirstSyncOptions, log: (line: string) => void): Promise<FirstSyncFigures> {
	const timeScale = (options.limit * 60) / options.windowSeconds / EXTEND_STANDARD_PER_MINUTE;
	const building = performance.now();
	const woo = await startWooSandbox({ host: '127.0.0.1', products: 300, orders: options.orders, variableShare: 0.25, variationsPerProduct: 5, seed: 1 });
	const storeBuildSeconds = (performance.now() - building) / 1000;
	const office = await startBackOffice({
		host: '127.0.0.1',
		latencyMs: options.latencyMs,
		logLimit: 100_000_000,
		rateLimitGrouping: options.grouping,
		rateLimit: { limit: options.limit, windowSeconds: options.windowSeconds },
		master: { customers: ['WEBSHOP'], warehouses: ['MAIN'], products: storeSkus(woo) },
	});
	try {
		const sendable = woo.store.orders().filter((order) => SENT_STATUSES.includes(order.status));
		log(`  store: ${options.orders} orders (${sendable.length} in a status the template sends) built in ${storeBuildSeconds.toFixed(1)} s; back office ${options.limit} requests per ${options.windowSeconds} s per group (${options.grouping}), ×${timeScale.toFixed(1)} Extend's pace`);
		const credentials = JSON.stringify(demoCredentials({ store: woo, office }));
		const parts: FirstSyncPart[] = [];
		let rows: Done['rows'] = [];
		let input: INodeExecutionData[] | undefined;
		const began = performance.now();
		for (let part = 1; part <= MAX_PARTS; part++) {
			const started = performance.now();
			const done = await runPart({
				BENCH_CREDENTIALS: credentials,
				BENCH_ROWS: JSON.stringify(rows),
				BENCH_EXECUTION_ID: `first-sync-${part}`,
				BENCH_CAP: String(options.cap),
				...(input ? { BENCH_INPUT: JSON.stringify(input) } : {}),
			});
			if (done.error) throw new Error(`part ${part}: ${done.error}`);
			const capped = done.window?.capped ?? false;
			parts.push({ records: done.records, capped, seconds: done.seconds, startupSeconds: Math.max(0, (performance.now() - started) / 1000 - done.seconds), rssBeforeMb: done.rssBeforeMb, peakRssMb: done.peakRssMb });
			log(`  part ${part}: ${done.records} orders${capped ? ' (capped)' : ''} in ${done.seconds.toFixed(1)} s, peak RSS ${done.peakRssMb.toFixed(0)} MB (${done.rssBeforeMb.toFixed(0)} MB loaded), cursor ${done.nextCursor?.cursor ?? '(not saved)'}${done.next ? ', next part requested' : ''}`);
			rows = done.rows;
			if (!done.next) break;
			input = done.next;
		}
		const seconds = (performance.now() - began) / 1000;
		const externals = office.data.orders().map((order) => order.orderNumberExternal);
		const held = new Set(externals);
		const api = office.log.filter((entry) => entry.group !== undefined);
		const names = [...new Set(api.map((entry) => entry.group as string))];
		const groups = names.map((name) => groupFigures(api.filter((entry) => entry.group === name), options.limit, options.windowSeconds));
		const minutesAt300 = (seconds * timeScale) / 60;
		return {
			...options,
			timeScale,
			storeBuildSeconds,
			parts,
			seconds,
			sendable: sendable.length,
			delivered: held.size,
			twice: externals.length - held.size,
			missing: sendable.filter((order) => !held.has(String(order.id))).length,
			requests: api.length,
			requestsPerOrder: api.length / Math.max(1, sendable.length),
			answered429: api.filter((entry) => entry.status === 429).length,
			ofLimit: Math.max(...groups.map((group) => group.ofLimit)),
			peakRssMb: Math.max(...parts.map((part) => part.peakRssMb)),
			minutesAt300,
			minutesAtLimit: Math.max(...names.map((name) => api.filter((entry) => entry.group === name).length)) / EXTEND_STANDARD_PER_MINUTE,
			sendablePerMinuteAt300: sendable.length / minutesAt300,
		};
	} finally {
		await Promise.all([office.close(), woo.close()]);
	}
}
