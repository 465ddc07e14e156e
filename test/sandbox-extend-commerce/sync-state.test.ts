import type { BackOffice } from '../../sandbox/extend-commerce';
import { call, manualClock, startWithConnection } from './helpers';

const base = '/api/v1/connections/demo-shop/sync-state/orders';

describe('sync-state protocol', () => {
	const clock = manualClock('2025-03-04T10:00:00Z');
	let office: BackOffice;
	beforeEach(async () => {
		clock.set('2025-03-04T10:00:00Z');
		office = await startWithConnection({ clock: clock.now, pendingTtlSeconds: 3600 });
	});
	afterEach(() => office.close());

	const register = (executionId: string, windowStart: string, windowEnd: string) =>
		call(office, 'POST', `${base}/pending`, { body: { executionId, windowStart, windowEnd } });
	const commit = (executionId: string) => call(office, 'POST', `${base}/commit`, { body: { executionId } });
	const state = async () => (await call(office, 'GET', base)).body;

	it('starts with a null cursor and no pending windows', async () => {
		expect(await state()).toEqual({ resource: 'orders', committedCursor: null, pending: [], updatedAt: '2025-03-04T10:00:00Z' });
	});

	it('registers a window with 201 and replaces the same execution\'s window with 200', async () => {
		const first = await register('e1', '2025-01-01T00:00:00Z', '2025-03-04T09:00:00Z');
		expect(first.status).toBe(201);
		expect(first.body).toEqual({
			executionId: 'e1',
			windowStart: '2025-01-01T00:00:00Z',
			windowEnd: '2025-03-04T09:00:00Z',
			registeredAt: '2025-03-04T10:00:00Z',
			expiresAt: '2025-03-04T11:00:00Z',
		});
		const again = await register('e1', '2025-01-01T00:00:00Z', '2025-03-04T10:00:00Z');
		expect(again.status).toBe(200);
		expect((await state()).pending).toEqual([again.body]);
	});

	it.each([
		['windowStart equal to windowEnd', '2025-03-04T10:00:00Z', '2025-03-04T10:00:00Z'],
		['windowStart after windowEnd', '2025-03-04T11:00:00Z', '2025-03-04T10:00:00Z'],
		['a timestamp without Z', '2025-03-04T10:00:00', '2025-03-04T11:00:00Z'],
		['a timestamp with an offset', '2025-03-04T10:00:00Z', '2025-03-04T11:00:00+00:00'],
	])('rejects a pending window with %s (400)', async (_name, windowStart, windowEnd) => {
		const answer = await register('e1', windowStart, windowEnd);
		expect(answer.status).toBe(400);
		expect(answer.body.error.code).toBe('validation_failed');
		expect((await state()).pending).toEqual([]);
	});

	it('first commit with a null cursor moves the cursor to windowEnd and removes the pending window', async () => {
		await register('e1', '2025-01-01T00:00:00Z', '2025-03-04T09:00:00Z');
		const answer = await commit('e1');
		expect(answer).toMatchObject({ status: 200, body: { committedCursor: '2025-03-04T09:00:00Z', advanced: true } });
		expect(await state()).toMatchObject({ committedCursor: '2025-03-04T09:00:00Z', pending: [] });
	});

	it('advances with compare-and-set when windowStart <= cursor (overlap or exact continuation)', async () => {
		await call(office, 'PUT', base, { body: { cursor: '2025-03-04T09:00:00Z' } });
		await register('exact', '2025-03-04T09:00:00Z', '2025-03-04T09:30:00Z');
		expect((await commit('exact')).body).toEqual({ committedCursor: '2025-03-04T09:30:00Z', advanced: true });
		await register('overlap', '2025-03-04T09:10:00Z', '2025-03-04T09:45:00Z');
		expect((await commit('overlap')).body).toEqual({ committedCursor: '2025-03-04T09:45:00Z', advanced: true });
	});

	it('answers advanced:false when the window is already covered, and does not move the cursor back', async () => {
		await call(office, 'PUT', base, { body: { cursor: '2025-03-04T09:00:00Z' } });
		await register('old', '2025-03-04T07:00:00Z', '2025-03-04T08:00:00Z');
		expect((await commit('old')).body).toEqual({ committedCursor: '2025-03-04T09:00:00Z', advanced: false });
		await register('equal', '2025-03-04T08:00:00Z', '2025-03-04T09:00:00Z');
		expect((await commit('equal')).body).toEqual({ committedCursor: '2025-03-04T09:00:00Z', advanced: false });
		expect(await state()).toMatchObject({ committedCursor: '2025-03-04T09:00:00Z', pending: [] });
	});

	it('answers 409 sync_state_conflict for a gap, keeps the window pending, and commits it once the gap is closed', async () => {
		await call(office, 'PUT', base, { body: { cursor: '2025-03-04T09:00:00Z' } });
		await register('later', '2025-03-04T09:30:00Z', '2025-03-04T10:00:00Z');
		const gap = await commit('later');
		expect(gap.status).toBe(409);
		expect(gap.body.error).toMatchObject({
			code: 'sync_state_conflict',
			details: { committedCursor: '2025-03-04T09:00:00Z', windowStart: '2025-03-04T09:30:00Z' },
		});
		expect((await state()).committedCursor).toBe('2025-03-04T09:00:00Z');
		await register('earlier', '2025-03-04T09:00:00Z', '2025-03-04T09:40:00Z');
		expect((await commit('earlier')).body).toEqual({ committedCursor: '2025-03-04T09:40:00Z', advanced: true });
		expect((await commit('later')).body).toEqual({ committedCursor: '2025-03-04T10:00:00Z', advanced: true });
	});

	it('answers 409 pending_window_not_found for an unknown or already committed executionId', async () => {
		const unknown = await commit('never');
		expect(unknown.status).toBe(409);
		expect(unknown.body.error.code).toBe('pending_window_not_found');
		await register('once', '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z');
		await commit('once');
		expect((await commit('once')).body.error.code).toBe('pending_window_not_found');
	});

	it('drops a pending window after the TTL: it disappears from the state and can no longer be committed', async () => {
		await register('crashed', '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z');
		clock.advance(3599);
		expect((await state()).pending).toHaveLength(1);
		clock.advance(1);
		expect((await state()).pending).toEqual([]);
		const late = await commit('crashed');
		expect(late.status).toBe(409);
		expect(late.body.error.code).toBe('pending_window_not_found');
		expect((await state()).committedCursor).toBeNull();
	});

	it('uses the live pendingTtlSeconds knob for new windows', async () => {
		office.options.pendingTtlSeconds = 60;
		const answer = await register('short', '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z');
		expect(answer.body.expiresAt).toBe('2025-03-04T10:01:00Z');
	});

	it('reset moves the cursor backwards (or to null) and clears pending windows', async () => {
		await register('e1', '2025-01-01T00:00:00Z', '2025-03-04T09:00:00Z');
		await commit('e1');
		await register('e2', '2025-03-04T09:00:00Z', '2025-03-04T10:00:00Z');
		const reset = await call(office, 'PUT', base, { body: { cursor: '2025-02-01T00:00:00Z' } });
		expect(reset).toMatchObject({ status: 200, body: { resource: 'orders', committedCursor: '2025-02-01T00:00:00Z', pending: [] } });
		expect((await commit('e2')).body.error.code).toBe('pending_window_not_found');
		const toNull = await call(office, 'PUT', base, { body: { cursor: null } });
		expect(toNull.body.committedCursor).toBeNull();
		const bad = await call(office, 'PUT', base, { body: { cursor: '2025-02-01' } });
		expect(bad.status).toBe(400);
		const missing = await call(office, 'PUT', base, { body: {} });
		expect(missing.status).toBe(400);
	});

	it('never moves the cursor back when two overlapping executions commit in either order', async () => {
		for (const order of [
			['a', 'b'],
			['b', 'a'],
		]) {
			await call(office, 'PUT', base, { body: { cursor: '2025-03-04T08:00:00Z' } });
			// Both read cursor 08:00; A started fetching at 09:00, B (a little later) at 09:30.
			await register('a', '2025-03-04T08:00:00Z', '2025-03-04T09:00:00Z');
			await register('b', '2025-03-04T08:00:00Z', '2025-03-04T09:30:00Z');
			const cursors: string[] = [];
			for (const id of order) {
				const answer = await commit(id);
				expect(answer.status).toBe(200);
				cursors.push(answer.body.committedCursor);
			}
			expect((await state()).committedCursor).toBe('2025-03-04T09:30:00Z');
			expect(Date.parse(cursors[1])).toBeGreaterThanOrEqual(Date.parse(cursors[0]));
		}
	});

	it('compares instants, not strings, so fractional seconds are ordered correctly', async () => {
		await call(office, 'PUT', base, { body: { cursor: '2025-03-04T09:00:00.500Z' } });
		await register('f', '2025-03-04T09:00:00Z', '2025-03-04T09:00:00.250Z');
		expect((await commit('f')).body).toEqual({ committedCursor: '2025-03-04T09:00:00.500Z', advanced: false });
	});

	it('keeps products and orders state apart', async () => {
		await register('e1', '2025-01-01T00:00:00Z', '2025-03-04T09:00:00Z');
		await commit('e1');
		const products = await call(office, 'GET', '/api/v1/connections/demo-shop/sync-state/products');
		expect(products.body).toMatchObject({ resource: 'products', committedCursor: null });
		expect(office.data.syncState('demo-shop', 'orders').committedCursor).toBe('2025-03-04T09:00:00Z');
	});

	it('answers 400 invalid_resource for another resource and 404 for an unknown connection', async () => {
		const resource = await call(office, 'GET', '/api/v1/connections/demo-shop/sync-state/customers');
		expect(resource.status).toBe(400);
		expect(resource.body.error.code).toBe('invalid_resource');
		const unknown = await call(office, 'GET', '/api/v1/connections/nope/sync-state/orders');
		expect(unknown.status).toBe(404);
	});
});
