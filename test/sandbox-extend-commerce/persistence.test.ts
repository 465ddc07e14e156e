import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startBackOffice } from '../../sandbox/extend-commerce';
import { call, CONNECTION, order, product, pushBatch } from './helpers';

describe('persistence across restarts', () => {
	let dataDir: string;
	beforeEach(() => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-persist-'));
	});
	afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

	async function populate() {
		const office = await startBackOffice({ dataDir });
		await call(office, 'PUT', '/api/v1/connections/demo-shop', { body: CONNECTION });
		await pushBatch(office, 'products', [product('1'), product('2')], { idempotencyKey: 'p-1' });
		await pushBatch(office, 'products', [product('1', { name: 'v2' })], { idempotencyKey: 'p-2' });
		await pushBatch(office, 'orders', [order('100')], { idempotencyKey: 'o-1' });
		const base = '/api/v1/connections/demo-shop/sync-state/orders';
		await call(office, 'POST', `${base}/pending`, { body: { executionId: 'e1', windowStart: '2025-01-01T00:00:00Z', windowEnd: '2025-03-01T00:00:00Z' } });
		await call(office, 'POST', `${base}/commit`, { body: { executionId: 'e1' } });
		await call(office, 'POST', `${base}/pending`, { body: { executionId: 'e2', windowStart: '2025-03-01T00:00:00Z', windowEnd: '2025-03-02T00:00:00Z' } });
		return office;
	}

	it('keeps connections, records with versions, sync state and idempotent answers after close and restart', async () => {
		const first = await populate();
		const snapshot = {
			connections: first.data.connections(),
			products: first.data.records('demo-shop', 'products'),
			orders: first.data.records('demo-shop', 'orders'),
			sync: first.data.syncState('demo-shop', 'orders'),
		};
		await first.close();

		const second = await startBackOffice({ dataDir });
		try {
			expect(second.data.connections()).toEqual(snapshot.connections);
			expect(second.data.records('demo-shop', 'products')).toEqual(snapshot.products);
			expect(second.data.records('demo-shop', 'products').find((r) => r.sourceId === '1')?.version).toBe(2);
			expect(second.data.records('demo-shop', 'orders')).toEqual(snapshot.orders);
			expect(second.data.syncState('demo-shop', 'orders')).toEqual(snapshot.sync);
			expect(snapshot.sync.committedCursor).toBe('2025-03-01T00:00:00Z');
			expect(snapshot.sync.pending.map((p) => p.executionId)).toEqual(['e2']);
			const replay = await pushBatch(second, 'products', [product('1'), product('2')], { idempotencyKey: 'p-1' });
			expect(replay.headers.get('idempotency-replayed')).toBe('true');
			expect(replay.body.results).toEqual([
				{ sourceId: '1', outcome: 'created' },
				{ sourceId: '2', outcome: 'created' },
			]);
			const commit = await call(second, 'POST', '/api/v1/connections/demo-shop/sync-state/orders/commit', { body: { executionId: 'e2' } });
			expect(commit.body).toEqual({ committedCursor: '2025-03-02T00:00:00Z', advanced: true });
			const unchanged = await pushBatch(second, 'orders', [order('100')]);
			expect(unchanged.body.results).toEqual([{ sourceId: '100', outcome: 'unchanged' }]);
		} finally {
			await second.close();
		}
	});

	it('recovers from the journal when the process died without close (no compaction), ignoring a torn last line', async () => {
		const first = await populate();
		const records = first.data.records('demo-shop', 'products');
		// Simulate a crash: copy the folder as it is on disk while the server still runs.
		const crashed = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-crash-'));
		try {
			for (const file of fs.readdirSync(dataDir)) fs.copyFileSync(path.join(dataDir, file), path.join(crashed, file));
			expect(fs.statSync(path.join(crashed, 'journal.jsonl')).size).toBeGreaterThan(0);
			fs.appendFileSync(path.join(crashed, 'journal.jsonl'), '{"t":"rec","tenant":"Demo Ten');
			const second = await startBackOffice({ dataDir: crashed });
			expect(second.data.records('demo-shop', 'products')).toEqual(records);
			expect(second.data.syncState('demo-shop', 'orders').committedCursor).toBe('2025-03-01T00:00:00Z');
			await second.close();
		} finally {
			await first.close();
			fs.rmSync(crashed, { recursive: true, force: true });
		}
	});

	it('writes the snapshot by temp file and rename, and appends to the journal instead of rewriting per batch', async () => {
		const office = await populate();
		const journal = path.join(dataDir, 'journal.jsonl');
		const before = fs.statSync(journal).size;
		await pushBatch(office, 'orders', [order('200')]);
		const after = fs.readFileSync(journal, 'utf8');
		expect(after.length).toBeGreaterThan(before);
		expect(after.trim().split('\n').length).toBeGreaterThan(3);
		await office.close();
		expect(fs.statSync(journal).size).toBe(0);
		expect(fs.readdirSync(dataDir).sort()).toEqual(['journal.jsonl', 'snapshot.jsonl']);
	});

	it('keeps nothing on disk without a dataDir', async () => {
		const office = await startBackOffice();
		await call(office, 'PUT', '/api/v1/connections/demo-shop', { body: CONNECTION });
		await office.close();
		const again = await startBackOffice();
		expect(again.data.connections()).toEqual([]);
		await again.close();
	});
});
