import type { HttpRequest, HttpResponse } from '../transport/http';
import { WooClient } from './client';
import { capWindow, WindowPager } from './pager';
import { toWooDate } from './window';

/**
 * A store in memory that pages like WooCommerce (live LIMIT/OFFSET, strict modified bounds,
 * ordered by id) and lets a test change records between the pages of a read.
 */
class LiveStore {
	records = new Map<number, number>(); // id -> modified (epoch seconds)

	requests = 0;

	betweenPages: (() => void) | undefined;

	now = 2_000_000;

	send = async (request: HttpRequest): Promise<HttpResponse> => {
		this.requests++;
		const url = new URL(request.url);
		const after = Date.parse(`${url.searchParams.get('modified_after')}Z`) / 1000;
		const before = Date.parse(`${url.searchParams.get('modified_before')}Z`) / 1000;
		const perPage = Number(url.searchParams.get('per_page') ?? 10);
		const page = Number(url.searchParams.get('page') ?? 1);
		const matching = [...this.records.entries()].filter(([, modified]) => modified > after && modified < before).sort(([a], [b]) => a - b);
		const slice = matching.slice((page - 1) * perPage, page * perPage);
		const body = slice.map(([id, modified]) => ({ id, date_modified_gmt: toWooDate(modified) }));
		this.betweenPages?.();
		return {
			status: 200,
			headers: { 'content-type': 'application/json', 'x-wp-total': String(matching.length), 'x-wp-totalpages': String(Math.ceil(matching.length / perPage)), date: new Date(this.now * 1000).toUTCString() },
			text: JSON.stringify(body),
		};
	};
}

function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

function clientFor(store: LiveStore): WooClient {
	return new WooClient(store.send, { storeUrl: 'https://shop.test', keys: { consumerKey: 'ck_x', consumerSecret: 'cs_y', authMode: 'basic' }, ignoreSslIssues: false });
}

const window = { start: 1_000_000, end: 1_900_000 };

describe('reading a window completely', () => {
	it('reads every record of a quiet store once, pages in parallel', async () => {
		const store = new LiveStore();
		for (let id = 1; id <= 1234; id++) store.records.set(id, window.start + id * 100);
		const records = await new WindowPager(clientFor(store), 'orders', {}, { concurrency: 4 }).readAll(window);
		expect(records.map((record) => record.id)).toEqual([...store.records.keys()]);
		expect(store.requests).toBe(13);
	});

	it('misses no record when records are edited, inserted, trashed or deleted while it pages — 200 seeded trials', async () => {
		for (let trial = 0; trial < 200; trial++) {
			const random = seededRandom(trial + 1);
			const store = new LiveStore();
			const count = 150 + Math.floor(random() * 400);
			for (let id = 1; id <= count; id++) store.records.set(id, window.start + Math.floor(random() * (window.end - window.start)));
			const initial = new Map(store.records);
			let nextId = count + 1;
			store.betweenPages = () => {
				if (random() < 0.5) return;
				const ids = [...store.records.keys()];
				const victim = ids[Math.floor(random() * ids.length)];
				const action = random();
				if (action < 0.4) store.records.set(victim, store.now); // edited now: leaves the past window
				else if (action < 0.7) store.records.delete(victim); // trashed or deleted
				else store.records.set(nextId++, store.now); // inserted now: after the window
			};
			const records = await new WindowPager(clientFor(store), 'orders', {}, { concurrency: 1 + (trial % 4), rereads: 1 }).readAll(window);
			const read = new Set(records.map((record) => record.id));
			// Every record that is still in the window at the end must have been read; records that left it belong to the next window.
			for (const [id, modified] of store.records) {
				if (modified >= window.start && modified < window.end) expect(read.has(id)).toBe(true);
			}
			for (const id of read) expect(initial.has(id)).toBe(true);
		}
	});

	it('refuses a store that ignores modified_after (WooCommerce before 5.8)', async () => {
		const store = new LiveStore();
		store.records.set(1, window.end + 50);
		store.send = async () => ({ status: 200, headers: { 'content-type': 'application/json', 'x-wp-total': '1', 'x-wp-totalpages': '1' }, text: JSON.stringify([{ id: 1, date_modified_gmt: toWooDate(window.end + 50) }]) });
		await expect(new WindowPager(clientFor(store), 'orders', {}, { concurrency: 2 }).readAll(window)).rejects.toThrow(/5\.8/);
	});

	it('gives up with a clear error when the store changes during every read of a one-second window', async () => {
		const store = new LiveStore();
		for (let id = 1; id <= 250; id++) store.records.set(id, window.start);
		let flip = 0;
		store.betweenPages = () => store.records.set(1000 + flip++, window.start);
		await expect(new WindowPager(clientFor(store), 'orders', {}, { concurrency: 2 }).readAll({ start: window.start, end: window.start + 1 })).rejects.toThrow(/kept changing/);
	});
});

describe('capping a huge window', () => {
	it('finds the longest window from the start that holds at most the cap', async () => {
		const store = new LiveStore();
		for (let id = 1; id <= 1000; id++) store.records.set(id, window.start + id * 10);
		const pager = new WindowPager(clientFor(store), 'orders', {}, { concurrency: 2 });
		const { window: part, capped } = await capWindow(pager, window, 300);
		expect(capped).toBe(true);
		expect(await pager.count(part)).toBe(300);
		expect(await pager.count({ start: part.start, end: part.end + 1 })).toBe(301);
	});

	it('leaves a window alone that fits', async () => {
		const store = new LiveStore();
		for (let id = 1; id <= 10; id++) store.records.set(id, window.start + id);
		const pager = new WindowPager(clientFor(store), 'orders', {}, { concurrency: 2 });
		expect(await capWindow(pager, window, 300)).toEqual({ window, capped: false });
	});
});
