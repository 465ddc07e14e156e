import { credentialsFor, ids, runFetch, startSyncEnv, type SyncEnv } from '../../support/sync-env';

/** Orders placed one second and one hour either side of a DST change, in UTC. */
function placeAround(env: SyncEnv, changeUtc: string): Record<string, number> {
	const change = Date.parse(changeUtc);
	const offsets = { hourBefore: -3600, secondBefore: -1, atChange: 0, secondAfter: 1, hourAfter: 3600 };
	const placed: Record<string, number> = {};
	const orders = env.store.store.orders().filter((order) => order.status !== 'trash');
	Object.entries(offsets).forEach(([label, seconds], index) => {
		const id = Number(orders[index].id);
		env.store.store.setModified('order', id, new Date(change + seconds * 1000).toISOString());
		placed[label] = id;
	});
	return placed;
}

function expectedSince(env: SyncEnv, sinceUtc: string): number[] {
	const since = sinceUtc.slice(0, 19);
	return env.store.store
		.orders()
		.filter((order) => order.status !== 'trash' && String(order.date_modified_gmt) >= since)
		.map((order) => Number(order.id))
		.sort((a, b) => a - b);
}

describe.each([
	['east of UTC', 'Europe/Stockholm', '2025-03-30T01:00:00Z', '2025-03-30T03:00:00+02:00'],
	['west of UTC', 'America/Los_Angeles', '2025-03-09T10:00:00Z', '2025-03-09T03:00:00-07:00'],
	['east of UTC, autumn', 'Europe/Stockholm', '2025-10-26T01:00:00Z', '2025-10-26T02:00:00+01:00'],
])('a store %s (%s) across a DST change', (_label, timeZone, changeUtc, sameInstantWithOffset) => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await startSyncEnv({ timeZone, dataStartUtc: '2025-01-01T00:00:00Z', dataEndUtc: '2025-12-31T00:00:00Z' });
	});
	afterEach(async () => await env.close());

	it('fetches exactly the orders changed at or after a UTC instant', async () => {
		const placed = placeAround(env, changeUtc);
		const result = await runFetch({ resource: 'order', since: 'date', sinceDate: changeUtc }, credentialsFor(env));
		expect(result.error).toBeUndefined();
		const got = ids(result.items('WooCommerce Fetch'));
		expect(got).toEqual(expectedSince(env, changeUtc));
		expect(got).toEqual(expect.arrayContaining([placed.atChange, placed.secondAfter, placed.hourAfter]));
		expect(got).not.toContain(placed.secondBefore);
		expect(got).not.toContain(placed.hourBefore);
	});

	it('reads a date with an offset as the same instant', async () => {
		placeAround(env, changeUtc);
		const result = await runFetch({ resource: 'order', since: 'date', sinceDate: sameInstantWithOffset }, credentialsFor(env));
		expect(ids(result.items('WooCommerce Fetch'))).toEqual(expectedSince(env, changeUtc));
	});

	it('sends naive UTC bounds with dates_are_gmt, never local or offset dates', async () => {
		await runFetch({ resource: 'order', since: 'date', sinceDate: changeUtc }, credentialsFor(env));
		const listed = env.store.log.filter((entry) => entry.path === '/wc/v3/orders' && entry.query.modified_after !== undefined);
		expect(listed.filter((entry) => entry.query.modified_before !== undefined).length).toBeGreaterThan(0);
		for (const entry of listed) {
			expect(entry.query.dates_are_gmt).toBe('true');
			expect(entry.query.modified_after).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
			if (entry.query.modified_before !== undefined) expect(entry.query.modified_before).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
		}
	});
});
