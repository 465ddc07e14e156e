/**
 * Fetch under churn: the orders read through n8n-core's WorkflowExecute (default concurrency, no
 * cap) with the store idle and with the store taking `perSecond` order changes per second
 * (edits, trashing, deletes, new orders, anywhere in the store), for the date-ordered read and for
 * the id-ordered read it replaces. The id-ordered read runs through the same node and workflow:
 * the bench swaps the pager's readAll for readAllById while it measures it.
 */
import { performance } from 'node:perf_hooks';

import type { INodeExecutionData } from 'n8n-workflow';

import { WindowPager } from '../nodes/shared/woocommerce/pager';
import { runWorkflow } from '../test/harness/run-workflow';
import { fetchWorkflow } from '../test/support/sync-env';
import { storeCredential } from './fetch';
import { startWooProcess, type WooProcess } from './lib/woo-process';

export interface ChurnRead {
	seconds: number;
	/** The store stopped changing after this many seconds because the read had not ended (the time is then a lower bound). */
	churnStoppedAfter?: number;
	requests: number;
	records: number;
	/** Changes the store made during the read. */
	changes: number;
}

export interface StrategyFigures {
	idle: ChurnRead;
	churn: ChurnRead;
	/** churn.seconds ÷ idle.seconds */
	slowdown: number;
}

export interface ChurnFigures {
	orders: number;
	latencyMs: number;
	perSecond: number;
	byModified: StrategyFigures;
	byId: StrategyFigures;
	/** The shipped read: byModified.slowdown */
	churnSlowdown: number;
	/** The id-ordered read it replaces, measured the same way. */
	churnSlowdownIdOrder: number;
}

/** A read under churn that has not ended after this many seconds gets a quiet store, so the bench ends. */
const CHURN_CAP_SECONDS = 300;

async function readOrders(woo: WooProcess, perSecond: number): Promise<ChurnRead> {
	const before = await woo.requests();
	const changesBefore = (await woo.churn(perSecond)).changes;
	const started = performance.now();
	let churnStoppedAfter: number | undefined;
	let changesAtCap: number | undefined;
	const cap = perSecond > 0
		? setTimeout(() => {
				churnStoppedAfter = (performance.now() - started) / 1000;
				void woo.churn(0).then((answer) => (changesAtCap = answer.changes));
			}, CHURN_CAP_SECONDS * 1000)
		: undefined;
	const result = await runWorkflow(fetchWorkflow({ resource: 'order', since: 'date', sinceDate: '2000-01-01T00:00:00Z', options: { maxRecordsPerRun: 0 } }), {
		credentials: { extendCommerceConnectionApi: storeCredential(woo) },
	});
	const seconds = (performance.now() - started) / 1000;
	clearTimeout(cap);
	const changesAfter = changesAtCap ?? (await woo.churn(0)).changes;
	if (result.error) throw new Error(`the fetch node failed under churn: ${result.error.message}`);
	const items: INodeExecutionData[] = result.items('WooCommerce Fetch');
	const after = await woo.requests();
	return { seconds, churnStoppedAfter, requests: after.total - before.total, records: items.length, changes: changesAfter - changesBefore };
}

async function readLogged(woo: WooProcess, perSecond: number, label: string, log: (line: string) => void): Promise<ChurnRead> {
	const read = await readOrders(woo, perSecond);
	const capped = read.churnStoppedAfter === undefined ? '' : `; the store stopped changing after ${read.churnStoppedAfter.toFixed(0)} s because the read had not ended, so this is a lower bound`;
	const state = perSecond > 0 ? `${perSecond} changes/s` : 'idle';
	log(`  ${label}, ${state}: ${read.records} orders in ${read.requests} requests, ${read.seconds.toFixed(1)} s${perSecond > 0 ? ` (${read.changes} changes during the read${capped})` : ''}`);
	return read;
}

export async function measureChurn(orders: number, latencyMs: number, perSecond: number, log: (line: string) => void): Promise<ChurnFigures> {
	const woo = await startWooProcess({ products: 100, orders, latencyMs, churnKinds: ['order'] });
	try {
		log(`  store: ${orders} orders, ${latencyMs} ms latency (built in ${woo.buildSeconds.toFixed(1)} s)`);
		// Warm up (module loading, TLS, JIT) outside the measurement.
		await runWorkflow(fetchWorkflow({ resource: 'order', since: 'date', sinceDate: '2000-01-01T00:00:00Z', returnAll: false, limit: 1 }), { credentials: { extendCommerceConnectionApi: storeCredential(woo) } });
		// Both idle reads first (the id-ordered one first, so neither has the colder start), then both under churn.
		const shipped = Object.getOwnPropertyDescriptor(WindowPager.prototype, 'readAll') as PropertyDescriptor;
		const byIdOrder = async <T>(read: () => Promise<T>): Promise<T> => {
			Object.defineProperty(WindowPager.prototype, 'readAll', { ...shipped, value: async function (this: WindowPager, window: Parameters<WindowPager['readAll']>[0]) { return await this.readAllById(window); } });
			try {
				return await read();
			} finally {
				Object.defineProperty(WindowPager.prototype, 'readAll', shipped);
			}
		};
		const beforeById = (await woo.requests()).byOrderby;
		const idleById = await byIdOrder(async () => await readLogged(woo, 0, 'by id (the read it replaces)', log));
		const afterIdleById = (await woo.requests()).byOrderby;
		if ((afterIdleById.modified ?? 0) !== (beforeById.modified ?? 0)) throw new Error('the id-ordered read asked for date order');
		const idleByModified = await readLogged(woo, 0, 'by modified date', log);
		const churnByModified = await readLogged(woo, perSecond, 'by modified date', log);
		const churnById = await byIdOrder(async () => await readLogged(woo, perSecond, 'by id (the read it replaces)', log));
		const byModified = { idle: idleByModified, churn: churnByModified, slowdown: churnByModified.seconds / idleByModified.seconds };
		const byId = { idle: idleById, churn: churnById, slowdown: churnById.seconds / idleById.seconds };
		const used = (await woo.requests()).byOrderby;
		if (!used.modified || (used.id ?? 0) <= (afterIdleById.id ?? 0)) throw new Error(`the reads did not use their own orders: requests by orderby ${JSON.stringify(used)}`);
		return { orders, latencyMs, perSecond, byModified, byId, churnSlowdown: byModified.slowdown, churnSlowdownIdOrder: byId.slowdown };
	} finally {
		await woo.close();
	}
}
