import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { RunResult } from '../../harness/run-workflow';
import type { OfficeAuth } from '../../support/sync-env';
import { capturedOrders, hintsOf, outputsOf, PUSH, pushCredentials, runPush, skusOf, startOffice } from './helpers';

const orders = capturedOrders().filter((o) => o.status === 'processing');

/** [WooCommerce id, outcome] of each record the push reported, in output order. */
const outcomesOf = (result: RunResult): string[][] => outputsOf(result).results.map((r) => [String(r.wooCommerceId), String(r.outcome)]);

describe('Sync Window in, Next Cursor out', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startOffice(skusOf(orders));
	});
	afterEach(async () => {
		await office.close();
	});

	it('has captured processing orders to push', () => {
		expect(orders.length).toBeGreaterThan(1);
	});

	it('hands on the window end as the next cursor with the counts once every record was delivered', async () => {
		const result = await runPush(office, { resource: 'order', items: orders, window: { windowStart: '2025-02-01T00:00:00Z', windowEnd: '2025-03-01T12:00:00Z', capped: true } });
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).nextCursor).toEqual([
			{
				connection: 'Push Test Shop',
				resource: 'orders',
				cursor: '2025-03-01T12:00:00Z',
				previousCursor: '2025-02-01T00:00:00Z',
				capped: true,
				created: orders.length,
				updated: 0,
				unchanged: 0,
				cancelled: 0,
				skipped: 0,
				rejected: 0,
				syncedAt: expect.stringMatching(/Z$/),
			},
		]);
	});

	it('hands on nothing after a Limit run (an incomplete window), and says so', async () => {
		const result = await runPush(office, { resource: 'order', items: orders, window: { complete: false } });
		expect(result.error).toBeUndefined();
		// The records were still pushed: only the cursor is held back.
		expect(outcomesOf(result)).toEqual(orders.map((order) => [String(order.id), 'created']));
		expect(outputsOf(result).nextCursor).toEqual([]);
		expect(hintsOf(result).join(' ')).toMatch(/only part of its window/);
	});

	it('"Don\'t Save a Cursor" pushes without a window and hands on nothing', async () => {
		const result = await runPush(office, { resource: 'order', items: orders, window: null });
		expect(result.error).toBeUndefined();
		expect(outcomesOf(result)).toEqual(orders.map((order) => [String(order.id), 'created']));
		// Each result is paired with its own input item, in input order.
		expect(result.items(PUSH, 0).map((item) => item.pairedItem)).toEqual(orders.map((_order, item) => ({ item })));
		expect(office.data.orders()).toHaveLength(orders.length);
		expect(outputsOf(result).nextCursor).toEqual([]);
	});

	it.each([
		['not a window at all', { parameters: { syncWindow: '{"hello":1}' } }, /Sync Window is not the fetch node's window: its resource is neither products nor orders/],
		['a window without its end', { parameters: { syncWindow: '{"resource":"orders","windowStart":"2025-01-01T00:00:00Z","complete":true}' } }, /its windowEnd is not an ISO 8601 UTC date/],
		['the products window', { window: { resource: 'products' as const } }, /a window of products, but this node pushes orders/],
		['a missing fetch node', { parameters: { syncWindow: "={{ $('WooCommerce Fetch').first(1).json }}" } }, /Sync Window could not be read/],
		['an empty Sync Window with no fetch node before it', { parameters: { syncWindow: '' } }, /Sync Window is empty and no WooCommerce Fetch node comes before this node/],
	])('refuses %s before sending anything, naming the field and the fix', async (_name, run, message) => {
		const result = await runPush(office, { resource: 'order', items: orders, ...run });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect((result.error as unknown as { description: string }).description).toMatch(/Don't Save a Cursor|same resource/);
		expect(office.log).toHaveLength(0);
	});

	it.each<OfficeAuth>(['apiKey', 'bearer', 'basic', 'oauth2'])('pushes with %s authentication', async (auth) => {
		const result = await runPush(office, { resource: 'order', items: orders.slice(0, 2), auth });
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).results.map((r) => r.outcome)).toEqual(['created', 'created']);
		const modes = new Set(office.log.filter((entry) => /customerorders/i.test(entry.path)).map((entry) => entry.authMode));
		expect([...modes]).toEqual([auth]);
	});
});

describe('OAuth2 client credentials', () => {
	it('renews an expired token that n8n stored, and pushes on', async () => {
		const office = await startOffice(skusOf(orders));
		try {
			const credentials = pushCredentials(office, 'oauth2');
			credentials.extendCommerceOAuth2Api.oauthTokenData = { access_token: 'expired-token-0000', token_type: 'Bearer' };
			const result = await runPush(office, { resource: 'order', items: orders.slice(0, 1), auth: 'oauth2' }, { credentials });
			expect(result.error).toBeUndefined();
			expect(outputsOf(result).results.map((r) => r.outcome)).toEqual(['created']);
			expect(office.log.some((entry) => entry.status === 401)).toBe(true);
		} finally {
			await office.close();
		}
	});
});
