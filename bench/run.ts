/**
 * `npm run bench` (add `-- --quick` for a scaled-down run under a minute): how much faster and
 * lighter the sync is than paging one request at a time, all measured in one run. Prints a table
 * and PASS/MISS per target, and writes bench-results.json at the repository root.
 * `npm run bench -- --only=fetch` measures the fetch alone (idle and under churn) and writes
 * bench-results-fetch.json instead; `--only=churn` just the reads under churn. `--only=push`
 * measures the push alone under each rate-limit grouping and puts its figures into
 * bench-results.json (the other parts of the file are kept). `--push-window=SECONDS` sets the
 * push's rate-limit window (default 20: Extend's 300 per minute, three times as fast; a shorter
 * window makes the client, not the limit, the bottleneck on a busy two-core machine).
 * `--only=first-sync` runs a first sync of 100,000 orders through the orders template in parts
 * that continue one another (issue 24) and puts its figures into bench-results.json;
 * `--first-sync-window=SECONDS` sets its rate-limit window (default 4: 300 per 4 s, ×15 Extend's pace).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { measureCpu } from './cpu';
import { measureFetch } from './fetch';
import { measureFirstSync, type FirstSyncFigures } from './first-sync';
import { measureChurn } from './fetch-churn';
import { fmt, formatTable, judge, verdictRows, type Target } from './lib/report';
import { REPO_ROOT } from './lib/woo-process';
import { measureMemory } from './memory';
import { measurePush, type PushFigures } from './push';
import { measureSandbox } from './sandbox-cost';

const quick = process.argv.includes('--quick');
const onlyFetch = process.argv.includes('--only=fetch') || process.argv.includes('--only=churn');
/** --only=churn: just the read under churn (the slowest part is the id-ordered read under churn). */
const onlyChurn = process.argv.includes('--only=churn');
const onlyPush = process.argv.includes('--only=push');
const pushWindowFlag = process.argv.find((arg) => arg.startsWith('--push-window='));
const onlyFirstSync = process.argv.includes('--only=first-sync');
const firstSyncWindowFlag = process.argv.find((arg) => arg.startsWith('--first-sync-window='));

const SCALE = quick
	? { products: 1000, orders: 5000, latencyMs: 50, cpuOrders: 5000, cpuRuns: 3, pushOrders: 300, pushProducts: 30, pushLimit: 100, pushWindowSeconds: 5, memoryOrders: 50_000, memoryCap: 10_000, memoryRuns: 2, sandboxOrders: 50_000, churnOrders: 5000 }
	: { products: 10_000, orders: 50_000, latencyMs: 50, cpuOrders: 50_000, cpuRuns: 5, pushOrders: 2000, pushProducts: 200, pushLimit: 300, pushWindowSeconds: 20, memoryOrders: 1_000_000, memoryCap: 50_000, memoryRuns: 3, sandboxOrders: 50_000, churnOrders: 50_000 };

const PUSH = {
	orders: SCALE.pushOrders,
	products: SCALE.pushProducts,
	limit: SCALE.pushLimit,
	windowSeconds: pushWindowFlag ? Number(pushWindowFlag.split('=')[1]) : SCALE.pushWindowSeconds,
	latencyMs: SCALE.latencyMs,
	groupings: ['method', 'resource', 'shared'] as const,
};

/** Parts of 10,000: the template's default Max Records per Run (see README Benchmarks for the memory per part). */
const FIRST_SYNC = {
	orders: quick ? 10_000 : 100_000,
	cap: quick ? 2_500 : 10_000,
	limit: 300,
	windowSeconds: firstSyncWindowFlag ? Number(firstSyncWindowFlag.split('=')[1]) : 4,
	latencyMs: 10,
	grouping: 'resource' as const,
};

/** Order changes per second while the churn read runs (a busy shop during a sale). */
const CHURN_PER_SECOND = 5;

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
	const began = Date.now();
	const machine = { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 1073741824), node: process.version, platform: `${os.platform()} ${os.release()}` };
	log(`extend-commerce sync benchmark${quick ? ' (quick)' : ''}${onlyFetch ? ' (fetch only)' : ''} — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`);
	if (onlyFetch) {
		await fetchOnly(began, machine);
		return;
	}
	if (onlyPush) {
		await pushOnly(began, machine);
		return;
	}
	if (onlyFirstSync) {
		await firstSyncOnly(began, machine);
		return;
	}

	log('\nSandbox cost');
	const sandbox = await measureSandbox(SCALE.sandboxOrders);

	log('\nFetch');
	const fetchFigures = await measureFetch({ products: SCALE.products, orders: SCALE.orders, variableShare: 0.2, variationsPerProduct: 5, latencyMs: SCALE.latencyMs }, log);
	const { orders: _orders, ...fetch } = fetchFigures;
	void _orders;

	log('\nFetch under churn');
	const churn = await measureChurn(SCALE.churnOrders, SCALE.latencyMs, CHURN_PER_SECOND, log);

	log('\nPush');
	const push = await measurePush({ ...PUSH, groupings: [...PUSH.groupings] }, log);

	log('\nCPU');
	const cpu = await measureCpu(SCALE.cpuOrders, SCALE.cpuRuns);
	log(`  ${cpu.records} orders: node run ${fmt(cpu.nodeRunCpuMs)} ms CPU, the same pages fetched and parsed through n8n's HTTP stack ${fmt(cpu.jsonParseCpuMs)} ms (medians of ${cpu.runs})`);

	log('\nMemory');
	const memory = await measureMemory(SCALE.memoryOrders, SCALE.memoryCap, SCALE.memoryRuns, log);

	const targets: Target[] = [
		{ name: 'fetch vs sequential', figure: 'fetch.ratio', value: fetch.ratio, kind: 'min', limit: 3.5, unit: '×' },
		{ name: 'fetch vs ideal', figure: 'fetch.nodeSeconds ÷ fetch.idealSeconds', value: fetch.ofIdeal, kind: 'max', limit: 1.15, unit: '×' },
		churnTarget(churn.churnSlowdown),
		{ name: 'node CPU per record', figure: 'cpu.microsecondsPerRecord', value: cpu.microsecondsPerRecord, kind: 'max', limit: 10, unit: ' µs' },
		...pushTargets(push),
		{ name: 'peak RSS per capped run', figure: 'memory.peakRssMb', value: memory.peakRssMb, kind: 'max', limit: 512, unit: ' MB' },
		{ name: 'sandbox CPU per page', figure: 'sandbox.cpuMsPerPage', value: sandbox.cpuMsPerPage, kind: 'max', limit: 5, unit: ' ms' },
	];
	const verdicts = targets.map(judge);

	const figures: string[][] = [
		['fetch', 'sequential (Link rel=next, 1 in flight)', `${fmt(fetch.sequentialSeconds)} s`, `${fmt(fetch.sequentialRequests, 0)} req`, `${fmt(fetch.sequentialRecordsPerSecond, 0)} rec/s`],
		['fetch', `node (WorkflowExecute, concurrency ${fetch.concurrency})`, `${fmt(fetch.nodeSeconds)} s`, `${fmt(fetch.nodeRequests, 0)} req`, `${fmt(fetch.nodeRecordsPerSecond, 0)} rec/s`],
		['fetch', 'ideal (pages × latency ÷ concurrency)', `${fmt(fetch.idealSeconds)} s`, `${fmt(fetch.sequentialRequests, 0)} pages`, ''],
		['fetch', 'ratio sequential ÷ node; node ÷ ideal', `${fmt(fetch.ratio)}×`, `${fmt(fetch.ofIdeal)}×`, ''],
		...churnRows(churn),
		['cpu', 'node µs/record beyond HTTP and JSON.parse', `${fmt(cpu.microsecondsPerRecord)} µs`, `${fmt(cpu.totalMicrosecondsPerRecord)} µs total`, `${fmt(cpu.records)} rec`],
		...pushRows(push),
		['memory', `${memory.runs.length} capped runs of ${fmt(memory.cap)} through ${fmt(memory.storeOrders)} orders`, `${fmt(memory.peakRssMb, 0)} MB peak`, `${fmt(Math.max(...memory.runs.map((r) => r.rssBeforeMb)), 0)} MB loaded`, `${fmt(memory.recordsCovered)} rec`],
		['sandbox', `CPU per page of 100 (${fmt(sandbox.orders)} orders, fresh walk)`, `${fmt(sandbox.cpuMsPerPage)} ms`, `first ${fmt(sandbox.firstPageCpuMs)} ms`, `repeat ${fmt(sandbox.repeatCpuMsPerPage)} ms`],
		['sandbox', 'CPU per page with a new TLS connection each', `${fmt(sandbox.newConnectionCpuMsPerPage)} ms`, 'as n8n connects', ''],
	];
	log(`\n${formatTable(['area', 'measurement', 'time / size', 'requests / detail', 'throughput'], figures)}`);
	log(`\n${formatTable(['', 'target', 'measured', 'target', 'figure'], verdictRows(verdicts))}`);

	const results = {
		timestamp: new Date().toISOString(),
		quick,
		durationSeconds: (Date.now() - began) / 1000,
		machine,
		fetch: { ...fetch, churnSlowdown: churn.churnSlowdown, churnSlowdownIdOrder: churn.churnSlowdownIdOrder, churn },
		cpu,
		push,
		memory,
		sandbox,
		targets: verdicts,
	};
	const file = path.join(REPO_ROOT, 'bench-results.json');
	writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
	log(`\nWrote ${path.relative(process.cwd(), file) || file} (${((Date.now() - began) / 1000).toFixed(0)} s).`);
}

function pushTargets(push: PushFigures): Target[] {
	return [
		{ name: 'push rate of the limit', figure: 'push.ofLimit (lowest bounding group of any run)', value: push.ofLimit * 100, kind: 'min', limit: 90, unit: ' %' },
		...(push.ordersPerMinuteOneGroup === undefined
			? []
			: [{ name: 'push orders per minute, lookups and creates in one group', figure: 'push.ordersPerMinuteOneGroup (at Extend\'s 300/min)', value: push.ordersPerMinuteOneGroup, kind: 'min' as const, limit: 250, unit: '/min' }]),
		{ name: 'push answered 429', figure: 'push.share429 (highest of any run)', value: push.share429 * 100, kind: 'max', limit: 1, unit: ' %' },
		{ name: 'push records lost', figure: 'push.lost', value: push.lost, kind: 'max', limit: 0, unit: '' },
	];
}

function pushRows(push: PushFigures): string[][] {
	return push.runs.map((run) => [
		'push',
		`${fmt(run.records, 0)} ${run.resource === 'order' ? 'orders' : 'products+variations'}, ${run.grouping === 'shared' ? 'one group for all' : `a group per ${run.grouping}`}, ${push.limit}/${push.windowSeconds} s (×${fmt(push.timeScale, 0)})`,
		`${fmt(run.seconds)} s`,
		`${fmt(run.requestsPerRecord)} req/rec, ${fmt(run.share429 * 100)} % 429`,
		`${fmt(run.recordsPerMinute, 0)}/min at 300/min, ${fmt(run.ofLimit * 100)} % of limit`,
	]);
}

async function pushOnly(began: number, machine: Record<string, unknown>): Promise<void> {
	log(`\nPush (${PUSH.limit} requests per ${PUSH.windowSeconds} s per group, ${PUSH.latencyMs} ms latency)`);
	const push = await measurePush({ ...PUSH, groupings: [...PUSH.groupings] }, log);
	const verdicts = pushTargets(push).map(judge);
	log(`\n${formatTable(['area', 'measurement', 'time / size', 'requests / detail', 'throughput'], pushRows(push))}`);
	log(`\n${formatTable(['', 'target', 'measured', 'target', 'figure'], verdictRows(verdicts))}`);
	const file = path.join(REPO_ROOT, 'bench-results.json');
	const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
	const otherTargets = Array.isArray(earlier.targets) ? (earlier.targets as Target[]).filter((target) => !target.name.startsWith('push ')) : [];
	const results = { ...earlier, pushMeasured: { timestamp: new Date().toISOString(), quick, durationSeconds: (Date.now() - began) / 1000, machine }, push, targets: [...otherTargets, ...verdicts] };
	writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
	log(`\nWrote ${path.relative(process.cwd(), file) || file} (${((Date.now() - began) / 1000).toFixed(0)} s).`);
}

function firstSyncTargets(sync: FirstSyncFigures): Target[] {
	return [
		{ name: 'first sync: peak RSS per part', figure: 'firstSync.peakRssMb', value: sync.peakRssMb, kind: 'max', limit: 512, unit: ' MB' },
		{ name: 'first sync: orders missing or twice', figure: 'firstSync.missing + firstSync.twice', value: sync.missing + sync.twice, kind: 'max', limit: 0, unit: '' },
		{ name: 'first sync: busiest group of its limit', figure: 'firstSync.ofLimit', value: sync.ofLimit * 100, kind: 'min', limit: 90, unit: ' %' },
	];
}

async function firstSyncOnly(began: number, machine: Record<string, unknown>): Promise<void> {
	log(`\nFirst sync (${fmt(FIRST_SYNC.orders, 0)} orders in parts of ${fmt(FIRST_SYNC.cap, 0)}, ${FIRST_SYNC.limit} requests per ${FIRST_SYNC.windowSeconds} s per group, ${FIRST_SYNC.latencyMs} ms latency)`);
	const sync = await measureFirstSync(FIRST_SYNC, log);
	const verdicts = firstSyncTargets(sync).map(judge);
	const startups = sync.parts.map((part) => part.startupSeconds);
	const figures: string[][] = [
		['first sync', `${fmt(sync.orders, 0)} orders, ${sync.parts.length} parts of ≤ ${fmt(sync.cap, 0)}, ${sync.limit}/${sync.windowSeconds} s (×${fmt(sync.timeScale, 0)})`, `${fmt(sync.seconds)} s`, `${fmt(sync.requestsPerOrder)} req/order, ${sync.answered429} × 429`, `${fmt(sync.sendable, 0)} sent orders, ${sync.missing} missing, ${sync.twice} twice`],
		['first sync', 'at Extend\'s 300/min (measured × time scale)', `${fmt(sync.minutesAt300 / 60)} h`, `${fmt(sync.ofLimit * 100)} % of the limit`, `${fmt(sync.sendablePerMinuteAt300, 0)} orders/min`],
		['first sync', 'the rate limit alone (busiest group\'s requests ÷ 300/min)', `${fmt(sync.minutesAtLimit / 60)} h`, '', `${fmt(sync.sendable / sync.minutesAtLimit, 0)} orders/min`],
		['first sync', 'peak RSS per part; process start per part', `${fmt(sync.peakRssMb, 0)} MB`, `${fmt(Math.min(...sync.parts.map((part) => part.rssBeforeMb)), 0)} MB loaded`, `${fmt(Math.max(...startups))} s at most`],
	];
	log(`\n${formatTable(['area', 'measurement', 'time / size', 'requests / detail', 'throughput'], figures)}`);
	log(`\n${formatTable(['', 'target', 'measured', 'target', 'figure'], verdictRows(verdicts))}`);
	const file = path.join(REPO_ROOT, 'bench-results.json');
	const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
	const otherTargets = Array.isArray(earlier.targets) ? (earlier.targets as Target[]).filter((target) => !target.name.startsWith('first sync')) : [];
	const results = { ...earlier, firstSyncMeasured: { timestamp: new Date().toISOString(), quick, durationSeconds: (Date.now() - began) / 1000, machine }, firstSync: sync, targets: [...otherTargets, ...verdicts] };
	writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
	log(`\nWrote ${path.relative(process.cwd(), file) || file} (${((Date.now() - began) / 1000).toFixed(0)} s).`);
}

function churnTarget(value: number): Target {
	return { name: `fetch under ${CHURN_PER_SECOND} changes/s ÷ idle`, figure: 'fetch.churnSlowdown', value, kind: 'max', limit: 1.5, unit: '×' };
}

function churnRows(churn: Awaited<ReturnType<typeof measureChurn>>): string[][] {
	const row = (label: string, figures: typeof churn.byModified) => [
		'fetch',
		`${label}: ${fmt(churn.orders, 0)} orders, idle → ${churn.perSecond} changes/s`,
		`${fmt(figures.idle.seconds)} → ${fmt(figures.churn.seconds)} s`,
		`${fmt(figures.idle.requests, 0)} → ${fmt(figures.churn.requests, 0)} req`,
		`${figures.churn.churnStoppedAfter === undefined ? '' : '≥ '}${fmt(figures.slowdown)}× slower`,
	];
	return [row('by modified date (shipped)', churn.byModified), row('by id (the read it replaces)', churn.byId)];
}

async function fetchOnly(began: number, machine: Record<string, unknown>): Promise<void> {
	if (onlyChurn) {
		log('\nFetch under churn');
		const churn = await measureChurn(SCALE.churnOrders, SCALE.latencyMs, CHURN_PER_SECOND, log);
		log(`\n${formatTable(['area', 'measurement', 'time / size', 'requests / detail', 'throughput'], churnRows(churn))}`);
		log(`\n${formatTable(['', 'target', 'measured', 'target', 'figure'], verdictRows([judge(churnTarget(churn.churnSlowdown))]))}`);
		writeFileSync(path.join(REPO_ROOT, 'bench-results-fetch.json'), `${JSON.stringify({ timestamp: new Date().toISOString(), quick, durationSeconds: (Date.now() - began) / 1000, machine, churn }, null, 2)}\n`);
		return;
	}
	log('\nFetch');
	const { orders: _orders, ...fetch } = await measureFetch({ products: SCALE.products, orders: SCALE.orders, variableShare: 0.2, variationsPerProduct: 5, latencyMs: SCALE.latencyMs }, log);
	void _orders;
	log('\nFetch under churn');
	const churn = await measureChurn(SCALE.churnOrders, SCALE.latencyMs, CHURN_PER_SECOND, log);
	const verdicts = [
		{ name: 'fetch vs sequential', figure: 'fetch.ratio', value: fetch.ratio, kind: 'min', limit: 3.5, unit: '×' } as Target,
		{ name: 'fetch vs ideal', figure: 'fetch.nodeSeconds ÷ fetch.idealSeconds', value: fetch.ofIdeal, kind: 'max', limit: 1.15, unit: '×' } as Target,
		churnTarget(churn.churnSlowdown),
	].map(judge);
	const figures: string[][] = [
		['fetch', 'sequential (Link rel=next, 1 in flight)', `${fmt(fetch.sequentialSeconds)} s`, `${fmt(fetch.sequentialRequests, 0)} req`, `${fmt(fetch.sequentialRecordsPerSecond, 0)} rec/s`],
		['fetch', `node (WorkflowExecute, concurrency ${fetch.concurrency})`, `${fmt(fetch.nodeSeconds)} s`, `${fmt(fetch.nodeRequests, 0)} req`, `${fmt(fetch.nodeRecordsPerSecond, 0)} rec/s`],
		['fetch', 'ratio sequential ÷ node; node ÷ ideal', `${fmt(fetch.ratio)}×`, `${fmt(fetch.ofIdeal)}×`, ''],
		...churnRows(churn),
	];
	log(`\n${formatTable(['area', 'measurement', 'time / size', 'requests / detail', 'throughput'], figures)}`);
	log(`\n${formatTable(['', 'target', 'measured', 'target', 'figure'], verdictRows(verdicts))}`);
	const file = path.join(REPO_ROOT, 'bench-results-fetch.json');
	const results = { timestamp: new Date().toISOString(), quick, durationSeconds: (Date.now() - began) / 1000, machine, fetch: { ...fetch, churnSlowdown: churn.churnSlowdown, churnSlowdownIdOrder: churn.churnSlowdownIdOrder, churn }, targets: verdicts };
	writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
	log(`\nWrote ${path.relative(process.cwd(), file) || file} (${((Date.now() - began) / 1000).toFixed(0)} s).`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
