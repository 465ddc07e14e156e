import { MemoryWooStore, seededRandom } from '../../../../support/memory-woo-store';
import { capWindow, WindowPager, type PagerEvent } from '../../../../../nodes/shared/woocommerce/pager';
import { windowContains, type SyncWindow } from '../../../../../nodes/shared/woocommerce/window';

const window = { start: 1_000_000, end: 1_900_000 };

interface Churned {
	/** Ids changed, created or deleted while the read ran. */
	touched: Set<number>;
}

/**
 * Edits (the record moves to "now", after the window), trashing (the same, for status=any),
 * deletes and inserts, between pages and, with `race`, between a page's id selection and its build.
 */
function churn(store: MemoryWooStore, random: () => number, rate: number, race: boolean): Churned {
	const touched = new Set<number>();
	let nextId = Math.max(0, ...store.records.keys()) + 1;
	const changeOne = (among: number[]) => {
		const action = random();
		if (action >= 0.8) {
			touched.add(nextId);
			store.records.set(nextId++, { modified: store.now, offset: 0 });
			return;
		}
		if (among.length === 0) return;
		const victim = among[Math.floor(random() * among.length)];
		touched.add(victim);
		if (action < 0.65) store.records.set(victim, { modified: store.now, offset: 0 });
		else store.records.delete(victim);
	};
	store.afterPage = () => {
		if (random() < rate) changeOne([...store.records.keys()]);
	};
	if (race) {
		store.betweenSelectAndBuild = (ids) => {
			if (random() < rate) changeOne(ids);
		};
	}
	return { touched };
}

/** Records a trial store with spread dates and a few bulk-edited seconds (up to 300 records on one second). */
function seed(store: MemoryWooStore, random: () => number, count: number, span: SyncWindow): void {
	const bulkSeconds = Array.from({ length: 1 + Math.floor(random() * 3) }, () => span.start + Math.floor(random() * (span.end - span.start)));
	for (let id = 1; id <= count; id++) {
		const bulk = random() < 0.3;
		const modified = bulk ? bulkSeconds[id % bulkSeconds.length] : span.start + Math.floor(random() * (span.end - span.start));
		store.records.set(id, { modified, offset: 0 });
	}
}

function stableMissed(store: MemoryWooStore, read: Set<number>, churned: Churned, span: SyncWindow): number[] {
	return store.idsIn(span.start, span.end).filter((id) => !churned.touched.has(id) && !read.has(id));
}

describe('reading a window completely', () => {
	it('reads every record of a quiet store once, in id order, slices side by side', async () => {
		const store = new MemoryWooStore();
		for (let id = 1; id <= 1234; id++) store.records.set(id, { modified: window.start + id * 100, offset: 0 });
		const events: PagerEvent[] = [];
		const records = await new WindowPager(store.client(), 'orders', {}, { concurrency: 4, onEvent: (event) => events.push(event) }).readAll(window);
		expect(records.map((record) => record.id)).toEqual([...store.records.keys()]);
		const plan = events.find((event) => event.kind === 'plan');
		expect(plan?.kind === 'plan' && plan.byModified.length).toBe(4);
		// index + first page + 3 rank probes + about 13 pages (each slice re-reads its last second once per page).
		expect(store.requests).toBeLessThanOrEqual(22);
	});

	it.each([
		['5 changes per page between pages', 0.5, false],
		['changes landing while the store builds a page (the race)', 0.5, true],
		['a change at nearly every request, both ways', 0.95, true],
	])('misses no record that stayed in the window: %s — 70 seeded trials', async (_label, rate, race) => {
		for (let trial = 0; trial < 70; trial++) {
			const random = seededRandom(trial + 1 + (race ? 1000 : 0) + Math.round(rate * 100));
			const store = new MemoryWooStore(trial + 1);
			seed(store, random, 150 + Math.floor(random() * 1200), window);
			const churned = churn(store, random, rate, race);
			const records = await new WindowPager(store.client(), 'orders', {}, { concurrency: 1 + (trial % 4) }).readAll(window);
			store.afterPage = undefined;
			store.betweenSelectAndBuild = undefined;
			const read = new Set(records.map((record) => record.id));
			expect({ trial, missed: stableMissed(store, read, churned, window) }).toEqual({ trial, missed: [] });
			expect(read.size).toBe(records.length);
			expect({ trial, read: records.length > 0 }).toEqual({ trial, read: true });
			for (const record of records) expect(windowContains(window, record.date_modified_gmt)).toBe(true);
		}
	});

	it('misses nothing from a store whose proxy drops X-WP-Total, pages cut short by the race included — 20 seeded trials', async () => {
		for (let trial = 0; trial < 20; trial++) {
			const random = seededRandom(7000 + trial);
			const store = new MemoryWooStore(trial);
			store.sendsTotals = false;
			seed(store, random, 200 + Math.floor(random() * 800), window);
			const churned = churn(store, random, 0.6, true);
			const records = await new WindowPager(store.client(), 'orders', {}, { concurrency: 1 + (trial % 4) }).readAll(window);
			expect({ trial, missed: stableMissed(store, new Set(records.map((record) => record.id)), churned, window) }).toEqual({ trial, missed: [] });
		}
	});

	it('reads slices in id order when the store does not return them oldest first (a plugin rewrites the order)', async () => {
		for (let trial = 0; trial < 10; trial++) {
			const random = seededRandom(8000 + trial);
			const store = new MemoryWooStore(trial);
			store.sortColumn = 'ignored';
			seed(store, random, 300 + Math.floor(random() * 900), window);
			const churned = churn(store, random, 0.3, true);
			const events: PagerEvent[] = [];
			const records = await new WindowPager(store.client(), 'orders', {}, { concurrency: 2, onEvent: (event) => events.push(event) }).readAll(window);
			expect(events.some((event) => event.kind === 'unordered')).toBe(true);
			expect({ trial, missed: stableMissed(store, new Set(records.map((record) => record.id)), churned, window) }).toEqual({ trial, missed: [] });
		}
	});

	it('reads a second holding more than a page (a bulk edit of 500 records) completely', async () => {
		const store = new MemoryWooStore();
		for (let id = 1; id <= 500; id++) store.records.set(id, { modified: window.start + 5000, offset: 0 });
		for (let id = 501; id <= 700; id++) store.records.set(id, { modified: window.start + id, offset: 0 });
		const records = await new WindowPager(store.client(), 'orders', {}, { concurrency: 2 }).readAll(window);
		expect(records.map((record) => record.id)).toEqual([...store.records.keys()]);
		expect(store.urls.some((url) => url.searchParams.get('exclude') !== null)).toBe(true);
	});

	it('leaves a record edited while its page is built to the next window, and the two windows hold every final version', async () => {
		for (let trial = 0; trial < 20; trial++) {
			const random = seededRandom(5000 + trial);
			const store = new MemoryWooStore(trial);
			const first = { start: window.start, end: store.now - 30 };
			seed(store, random, 300 + Math.floor(random() * 600), first);
			churn(store, random, 0.7, true);
			const one = await new WindowPager(store.client(), 'orders', {}, { concurrency: 3 }).readAll(first);
			store.afterPage = undefined;
			store.betweenSelectAndBuild = undefined;
			expect({ trial, read: one.length > 0 }).toEqual({ trial, read: true });
			for (const record of one) expect(windowContains(first, record.date_modified_gmt)).toBe(true);
			store.now += 120;
			const two = await new WindowPager(store.client(), 'orders', {}, { concurrency: 3 }).readAll({ start: first.end, end: store.now - 30 });
			const versions = new Set([...one, ...two].map((record) => `${record.id}@${record.date_modified_gmt}`));
			for (const [id, record] of store.records) {
				expect({ trial, id, held: versions.has(`${id}@${new Date(record.modified * 1000).toISOString().slice(0, 19)}`) }).toEqual({ trial, id, held: true });
			}
		}
	});

	it('refuses a store that ignores modified_after (WooCommerce before 5.8), whatever the window', async () => {
		for (const start of [window.start - 10_000, window.start + 500]) {
			const store = new MemoryWooStore();
			store.ignoresFilter = true;
			for (let id = 1; id <= 250; id++) store.records.set(id, { modified: window.start + id * 3, offset: 0 });
			store.records.set(999, { modified: window.end + 50, offset: 0 });
			await expect(new WindowPager(store.client(), 'orders', {}, { concurrency: 2 }).readAll({ start, end: window.end })).rejects.toThrow(/ignores the changed-since filter \(WooCommerce older than 5\.8\?\)/);
		}
	});

	it('does not take a record changed during the read for a store that ignores the filter', async () => {
		const store = new MemoryWooStore();
		for (let id = 1; id <= 300; id++) store.records.set(id, { modified: window.start + id, offset: 0 });
		store.betweenSelectAndBuild = (ids) => {
			for (const id of ids.slice(0, 3)) store.records.set(id, { modified: store.now, offset: 0 });
		};
		const events: PagerEvent[] = [];
		const records = await new WindowPager(store.client(), 'orders', {}, { concurrency: 2, onEvent: (event) => events.push(event) }).readAll(window);
		expect(records.length).toBeGreaterThan(0);
		expect(events.some((event) => event.kind === 'changed-during-read')).toBe(true);
		// The narrow check in the quiet past was asked once and answered empty.
		expect(store.urls.filter((url) => url.searchParams.get('modified_before') === '2000-01-01T00:00:01')).toHaveLength(1);
	});

	it('reads in id order, as before, when the store does not say its time zone', async () => {
		const store = new MemoryWooStore();
		store.timeZone = undefined;
		for (let id = 1; id <= 250; id++) store.records.set(id, { modified: window.start + id, offset: 0 });
		const records = await new WindowPager(store.client(), 'orders', {}, { concurrency: 2 }).readAll(window);
		expect(records).toHaveLength(250);
		expect(store.urls.filter((url) => url.pathname !== '/wp-json/').every((url) => url.searchParams.get('orderby') === 'id')).toBe(true);
	});

	it('gives up with a clear error when the store changes during every read of a one-second window', async () => {
		const store = new MemoryWooStore();
		store.timeZone = undefined;
		for (let id = 1; id <= 250; id++) store.records.set(id, { modified: window.start, offset: 0 });
		let flip = 0;
		store.afterPage = () => store.records.set(1000 + flip++, { modified: window.start, offset: 0 });
		await expect(new WindowPager(store.client(), 'orders', {}, { concurrency: 2 }).readAll({ start: window.start, end: window.start + 1 })).rejects.toThrow(/kept changing/);
	});
});

describe('a store that sorts on its local clock (products, orders kept as posts)', () => {
	// New York fell back from UTC−4 to UTC−5 at 2025-11-02T06:00:00Z: local 01:00–02:00 came twice.
	const fallBack = Date.UTC(2025, 10, 2, 6) / 1000;
	const around = { start: fallBack - 4 * 3600, end: fallBack + 4 * 3600 };
	const offsetAt = (seconds: number) => (seconds < fallBack ? -4 * 3600 : -5 * 3600);

	function denseAroundFallBack(store: MemoryWooStore, random: () => number): void {
		for (let id = 1; id <= 900; id++) {
			const modified = around.start + Math.floor(random() * (around.end - around.start));
			store.records.set(id, { modified, offset: offsetAt(modified) });
		}
		store.sortColumn = 'local';
	}

	it('misses nothing across a fall-back hour, read in id order there — 30 seeded trials', async () => {
		for (let trial = 0; trial < 30; trial++) {
			const random = seededRandom(900 + trial);
			const store = new MemoryWooStore(trial);
			store.timeZone = 'America/New_York';
			denseAroundFallBack(store, random);
			const churned = churn(store, random, 0.5, true);
			const events: PagerEvent[] = [];
			const records = await new WindowPager(store.client(), 'products', {}, { concurrency: 1 + (trial % 4), onEvent: (event) => events.push(event) }).readAll(around);
			const plan = events.find((event) => event.kind === 'plan');
			expect(plan?.kind === 'plan' && plan.byId).toEqual([{ start: fallBack - 3600, end: fallBack + 3600 }]);
			expect({ trial, missed: stableMissed(store, new Set(records.map((record) => record.id)), churned, around) }).toEqual({ trial, missed: [] });
		}
	});

	it('catches pages out of date order when the zone it was told is wrong, and reads those slices by id', async () => {
		let unordered = 0;
		for (let trial = 0; trial < 30; trial++) {
			const store = new MemoryWooStore(trial);
			store.timeZone = 'UTC'; // wrongly: the store sorts on New York time
			denseAroundFallBack(store, seededRandom(900 + trial));
			const events: PagerEvent[] = [];
			const records = await new WindowPager(store.client(), 'products', {}, { concurrency: 2, onEvent: (event) => events.push(event) }).readAll(around);
			unordered += events.filter((event) => event.kind === 'unordered').length;
			expect({ trial, read: records.length }).toEqual({ trial, read: store.idsIn(around.start, around.end).length });
		}
		// The hazard is real: without the check, these slices would have been read by date.
		expect(unordered).toBeGreaterThan(0);
	});
});

describe('capping a huge window', () => {
	it('finds the longest window from the start that holds at most the cap', async () => {
		const store = new MemoryWooStore();
		for (let id = 1; id <= 1000; id++) store.records.set(id, { modified: window.start + id * 10, offset: 0 });
		const pager = new WindowPager(store.client(), 'orders', {}, { concurrency: 2 });
		const { window: part, capped } = await capWindow([pager], window, 300);
		expect(capped).toBe(true);
		expect(await pager.count(part)).toBe(300);
		expect(await pager.count({ start: part.start, end: part.end + 1 })).toBe(301);
	});

	it('leaves a window alone that fits', async () => {
		const store = new MemoryWooStore();
		for (let id = 1; id <= 10; id++) store.records.set(id, { modified: window.start + id, offset: 0 });
		const pager = new WindowPager(store.client(), 'orders', {}, { concurrency: 2 });
		expect(await capWindow([pager], window, 300)).toEqual({ window, capped: false });
	});
});
