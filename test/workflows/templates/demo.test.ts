import type { INodeExecutionData } from 'n8n-workflow';

import { runDemo, startDemoEnv, type DemoEnv } from '../../../demo/demo';
import { parseDemoArgs, runBlock } from '../../../demo/run';
import { countOutcomes, countVariations, formatSummary, formatWindow, rejectionReason, summarizeRun, totals, type RunSummary } from '../../../demo/summary';
import { cursorRows } from '../../support/cursor-table';
import { pushHandsOnCursor } from './helpers';

const items = (...jsons: object[]): INodeExecutionData[] => jsons.map((json) => ({ json: json as INodeExecutionData['json'] }));

function summary(overrides: Partial<RunSummary> = {}): RunSummary {
	return {
		label: 'orders',
		resource: 'order',
		status: 'success',
		fetched: 3,
		variations: 0,
		created: 1,
		updated: 2,
		unchanged: 0,
		skipped: 0,
		cancelled: 0,
		rejected: 0,
		rejections: [],
		ms: 1234,
		cursorBefore: '2026-01-01T00:00:00Z',
		cursorAfter: '2026-01-01T01:00:00Z',
		firstStart: '2025-01-01T00:00:00Z',
		...overrides,
	};
}

describe('the demo\'s run summary', () => {
	it('counts each push outcome of the main output and ignores items without one', () => {
		const counts = countOutcomes(
			items({ outcome: 'created' }, { outcome: 'created' }, { outcome: 'updated' }, { outcome: 'unchanged' }, { outcome: 'skipped' }, { outcome: 'cancelled' }, { outcome: 'rejected' }, { other: 1 }, { outcome: 'weird' }),
		);
		expect(counts).toEqual({ created: 2, updated: 1, unchanged: 1, skipped: 1, cancelled: 1, rejected: 1 });
	});

	it('counts the variations variable products carry as arrays', () => {
		expect(countVariations(items({ id: 1, variations: [{ id: 2 }, { id: 3 }] }, { id: 4, variations: [] }, { id: 5 }))).toBe(2);
	});

	it('adds the records on Rejected records to the rejected ones and keeps their reasons', () => {
		const result = summarizeRun(
			{
				status: 'success',
				fetched: items({ id: 1 }, { id: 2 }, { id: 3 }),
				pushed: items({ outcome: 'created' }, { outcome: 'rejected' }),
				errorBranch: items({ error: 'Order 3 was rejected: total: not a number', details: {} }),
			},
			{ label: 'orders', resource: 'order', ms: 12, cursorBefore: null, cursorAfter: '2026-01-01T00:00:00Z', firstStart: '2025-01-01T00:00:00Z' },
		);
		expect(result).toMatchObject({ fetched: 3, created: 1, updated: 0, unchanged: 0, skipped: 0, cancelled: 0, rejected: 2, rejections: ['Order 3 was rejected: total: not a number'] });
		expect(result.error).toBeUndefined();
	});

	it.each([
		['an error line', { error: 'Order 3 was rejected: total', details: {} }],
		['a message beside an error object', { message: 'Order 3 was rejected: total', error: { reason: 'other' } }],
		['a reason inside an error object', { error: { reason: 'Order 3 was rejected: total' } }],
		['a Rejected records item (record and reason)', { record: 'Order 3 was rejected', reason: 'total', outcome: 'rejected' }],
		['a Rejected records item whose reason names its record', { record: 'Order 3', reason: 'Order 3 was rejected: total', outcome: 'rejected' }],
	])('reads the reason of a rejected item given as %s', (_label, json) => {
		expect(rejectionReason(json)).toBe('Order 3 was rejected: total');
	});

	it('carries the error message of a failed run and prints it instead of counts', () => {
		const result = summarizeRun(
			{ status: 'error', error: { message: 'The consumer secret is wrong' }, fetched: [], pushed: [], errorBranch: [] },
			{ label: 'orders', resource: 'order', ms: 5, cursorBefore: null, cursorAfter: null, firstStart: 'x' },
		);
		expect(result.error).toBe('The consumer secret is wrong');
		expect(formatSummary(result)).toBe('orders    FAILED (error): The consumer secret is wrong');
	});

	it('shows the window from the cursor before (or where a first sync starts) to the cursor committed after', () => {
		expect(formatWindow(summary())).toBe('2026-01-01T00:00:00Z → 2026-01-01T01:00:00Z');
		expect(formatWindow(summary({ cursorBefore: null }))).toBe('2025-01-01T00:00:00Z → 2026-01-01T01:00:00Z');
		expect(formatWindow(summary({ cursorAfter: '2026-01-01T00:00:00Z' }))).toBe('2026-01-01T00:00:00Z → (not saved)');
		expect(formatWindow(summary({ cursorBefore: null, cursorAfter: null }))).toBe('2025-01-01T00:00:00Z → (not saved)');
	});

	it('prints fetched, created, updated, unchanged, skipped, cancelled, rejected, time and window on one line', () => {
		const line = formatSummary(summary({ rejected: 1, skipped: 4 }));
		expect(line).toMatch(/^orders +fetched 3 +created 1 +updated 2 +unchanged 0 +skipped 4 +cancelled 0 +rejected 1 +1\.2 s +window 2026-01-01T00:00:00Z → 2026-01-01T01:00:00Z$/);
		expect(formatSummary(summary({ label: 'products', resource: 'product', fetched: 2, variations: 5, ms: 80 }))).toMatch(/^products +fetched 2 \(\+5 variations\) .* 80 ms /);
	});

	it('sums the runs of a block and lists each rejection under its run', () => {
		expect(totals([summary(), summary({ fetched: 1, created: 0, updated: 0, unchanged: 1, skipped: 2, rejected: 1 })])).toEqual({ fetched: 4, created: 1, updated: 2, unchanged: 1, skipped: 2, cancelled: 0, rejected: 1 });
		const block = runBlock('Run 2', [summary({ rejected: 1, rejections: ['Order 9 was rejected: nope'] })]);
		expect(block[0]).toBe('Run 2');
		expect(block[2]).toContain('Rejected records → Order 9 was rejected: nope');
		expect(block[3]).toBe('  total     fetched 3, created 1, updated 2, unchanged 0, skipped 0, cancelled 0, rejected 1');
	});

	it('takes --serve and --help and refuses anything else', () => {
		expect(parseDemoArgs([])).toEqual({ serve: false, help: false });
		expect(parseDemoArgs(['--serve'])).toEqual({ serve: true, help: false });
		expect(parseDemoArgs(['-h']).help).toBe(true);
		expect(() => parseDemoArgs(['--serv'])).toThrow(/Unknown option '--serv'/);
	});
});

(pushHandsOnCursor() ? describe : describe.skip)('the demo end to end (small store)', () => {
	let env: DemoEnv;
	beforeAll(async () => {
		env = await startDemoEnv({ products: 10, orders: 30, variationsPerProduct: 3, variableShare: 0.5 });
	});
	afterAll(async () => await env.close());

	it('syncs everything first, then only the store changes, saving the cursor in the Data table each time', async () => {
		const steps: string[] = [];
		const report = await runDemo(env, (step) => steps.push(step));
		expect(steps).toEqual(['first', 'changes', 'second']);
		const [products1, orders1] = report.first;
		const [products2, orders2] = report.second;
		const handled = (r: RunSummary) => r.created + r.updated + r.unchanged + r.skipped + r.cancelled + r.rejected;
		const variations = env.store.store.variations().length;
		expect(products1).toMatchObject({ status: 'success', fetched: 10, variations, cursorBefore: null });
		expect(handled(products1)).toBe(10 + variations);
		expect(orders1).toMatchObject({ status: 'success', fetched: 30, cursorBefore: null });
		expect(handled(orders1)).toBe(30);
		for (const first of [products1, orders1]) expect(first.cursorAfter).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

		// Two edited orders and a new one; a variation with a new price and a product without its SKU.
		expect(orders2).toMatchObject({ status: 'success', fetched: 3, cursorBefore: orders1.cursorAfter });
		expect(handled(orders2)).toBe(3);
		expect(products2).toMatchObject({ status: 'success', fetched: 2, rejected: 1, cursorBefore: products1.cursorAfter });
		expect(products2.rejections).toEqual([expect.stringMatching(/sku/i)]);
		for (const [first, second] of [
			[products1, products2],
			[orders1, orders2],
		]) {
			expect(Date.parse(second.cursorAfter!)).toBeGreaterThan(Date.parse(first.cursorAfter!));
		}
		expect(report.changes.join('\n')).toMatch(/customer note[\s\S]*→ completed[\s\S]*regular price[\s\S]*new[\s\S]*SKU removed[\s\S]*store clock \+120 s/);
		expect(cursorRows(env.tables).map((row) => row.resource).sort()).toEqual(['orders', 'products']);
	});
});
