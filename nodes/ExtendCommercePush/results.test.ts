import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeExecutionData } from 'n8n-workflow';

import { assembleOutput, matchBatchResults, prepareRecords, type SentResult } from './results';

const fixture = (name: string) =>
	(JSON.parse(readFileSync(path.join(__dirname, '../../test/fixtures/woocommerce/real-10.0.2', `${name}.json`), 'utf8')) as { body: any }).body; // eslint-disable-line @typescript-eslint/no-explicit-any

const simple = fixture('product_single_simple');
const variable = { ...fixture('product_single_variable'), variations: fixture('product_variations_list_page1').slice(0, 3) };
const variationItem = fixture('product_variations_list_page1')[3];
const order = fixture('order_single');
const items = (...jsons: unknown[]): INodeExecutionData[] => jsons.map((json) => ({ json: json as INodeExecutionData['json'] }));

describe('prepareRecords', () => {
	it('maps WooCommerce items: a variable product with embedded variations gives one record for itself and one per variation, all from its item', () => {
		const { records, rejections } = prepareRecords(items(simple, variable, variationItem), 'product', 'wooCommerce', 'EUR');
		expect(rejections).toEqual([]);
		expect(records.map((r) => [r.itemIndex, r.sourceId])).toEqual([
			[0, String(simple.id)],
			[1, '53'],
			[1, String(variable.variations[0].id)],
			[1, String(variable.variations[1].id)],
			[1, String(variable.variations[2].id)],
			[2, String(variationItem.id)],
		]);
		expect(records[0].record.price).toEqual({ amount: expect.any(String), currency: 'EUR' });
		expect(records[5].record).toMatchObject({ type: 'variant', parentSourceId: '53' });
	});

	it('turns an item that cannot be mapped into a rejection naming the field, and sends the rest', () => {
		const broken = { ...order, id: 4711, date_modified_gmt: undefined, date_modified: undefined };
		const { records, rejections } = prepareRecords(items(order, broken), 'order', 'wooCommerce', '');
		expect(records.map((r) => r.sourceId)).toEqual([String(order.id)]);
		expect(rejections).toHaveLength(1);
		expect(rejections[0]).toMatchObject({ itemIndex: 1, sourceId: '4711' });
		expect(rejections[0].errors[0].field).toMatch(/date_modified/);
		expect(rejections[0].errors[0].message).toContain('order 4711');
	});

	it('takes canonical items as they are and rejects one without a sourceId', () => {
		const { records, rejections } = prepareRecords(items({ sourceId: '9', name: 'X' }, { name: 'no id' }), 'product', 'canonical', '');
		expect(records).toEqual([{ itemIndex: 0, sourceId: '9', record: { sourceId: '9', name: 'X' } }]);
		expect(rejections).toEqual([{ itemIndex: 1, sourceId: '', errors: [{ field: 'sourceId', message: expect.stringContaining('missing') }] }]);
	});
});

describe('matchBatchResults', () => {
	const sent = [
		{ itemIndex: 0, sourceId: '1', record: {} },
		{ itemIndex: 1, sourceId: '2', record: {} },
	];
	it('pairs each answer with its record', () => {
		expect(matchBatchResults(sent, [{ sourceId: '1', outcome: 'created' }, { sourceId: '2', outcome: 'unchanged' }], true, 'b')).toEqual([
			{ result: { sourceId: '1', outcome: 'created' }, replayed: true },
			{ result: { sourceId: '2', outcome: 'unchanged' }, replayed: true },
		]);
	});
	it('fails when the back office answers a different number of records or another record', () => {
		expect(() => matchBatchResults(sent, [{ sourceId: '1', outcome: 'created' }], false, 'batch 1')).toThrow(/1 results for 2 records \(batch 1\)/);
		expect(() => matchBatchResults(sent, [{ sourceId: '2', outcome: 'created' }, { sourceId: '1', outcome: 'created' }], false, 'b')).toThrow(/answered record 2 where 1 was sent/);
	});
});

describe('assembleOutput', () => {
	const sent = [
		{ itemIndex: 0, sourceId: '10', record: {} },
		{ itemIndex: 0, sourceId: '11', record: {} },
		{ itemIndex: 2, sourceId: '30', record: {} },
	];
	const answers: SentResult[] = [
		{ result: { sourceId: '10', outcome: 'created' }, replayed: false },
		{ result: { sourceId: '11', outcome: 'rejected', errors: [{ field: 'sku', message: 'must be non-empty; token ec_secret_token leaked' }] }, replayed: false },
		{ result: { sourceId: '30', outcome: 'unchanged' }, replayed: true },
	];
	const rejections = [{ itemIndex: 1, sourceId: '20', errors: [{ field: 'date_modified_gmt', message: 'product 20: date_modified_gmt is missing' }] }];

	it('returns one item per record in input order, paired with its input item, with outcome and errors', () => {
		const { items: out, counts } = assembleOutput('product', sent, answers, rejections, { rejectMode: 'none', secrets: ['ec_secret_token'] });
		expect(out.map((i) => [i.pairedItem, i.json.sourceId, i.json.outcome])).toEqual([
			[{ item: 0 }, '10', 'created'],
			[{ item: 0 }, '11', 'rejected'],
			[{ item: 1 }, '20', 'rejected'],
			[{ item: 2 }, '30', 'unchanged'],
		]);
		expect(out[0].json).toEqual({ resource: 'product', sourceId: '10', outcome: 'created' });
		expect(out[2].json).toEqual({ resource: 'product', sourceId: '20', outcome: 'rejected', errors: rejections[0].errors });
		expect(out[3].json.replayed).toBe(true);
		expect(counts).toEqual({ created: 1, updated: 0, unchanged: 1, rejected: 2 });
		// Without continueOnFail, rejects are plain results: no error, so n8n keeps them in the main output.
		expect(out.some((i) => i.error !== undefined || 'error' in i.json)).toBe(false);
	});

	it('redacts secrets from error messages in every mode', () => {
		for (const rejectMode of ['none', 'regular', 'errorOutput'] as const) {
			const { items: out } = assembleOutput('product', sent, answers, rejections, { rejectMode, secrets: ['ec_secret_token'] });
			expect(JSON.stringify(out)).not.toContain('ec_secret_token');
			expect(JSON.stringify(out)).toContain('[redacted]');
		}
	});

	it('for the error output gives rejected records the { error, details } json n8n-core moves there, and leaves accepted ones alone', () => {
		const { items: out } = assembleOutput('product', sent, answers, rejections, { rejectMode: 'errorOutput', secrets: [] });
		const rejected = out.filter((i) => 'error' in i.json);
		expect(rejected.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of rejected) {
			// WorkflowExecute routes an item to the error output when its json has only error/message/details keys (or item.error is set,
			// but then it replaces the json by { error } and the result would be lost).
			expect(Object.keys(item.json).every((key) => ['error', 'message', 'details'].includes(key))).toBe(true);
			expect(item.error).toBeUndefined();
		}
		expect(rejected[0].json).toEqual({
			error: 'Product 11 was rejected: sku: must be non-empty; token ec_secret_token leaked',
			details: { resource: 'product', sourceId: '11', outcome: 'rejected', errors: answers[1].result.errors },
		});
		expect(rejected[1].json.error).toBe('Product 20 was rejected: product 20: date_modified_gmt is missing');
		expect(out.filter((i) => !('error' in i.json)).map((i) => i.json.sourceId)).toEqual(['10', '30']);
	});

	it('with plain continueOnFail keeps the result shape and adds the error line, in the main output', () => {
		const { items: out } = assembleOutput('product', sent, answers, rejections, { rejectMode: 'regular', secrets: [] });
		expect(out[2].json).toEqual({ resource: 'product', sourceId: '20', outcome: 'rejected', errors: rejections[0].errors, error: 'Product 20 was rejected: product 20: date_modified_gmt is missing' });
		expect(out.every((i) => i.error === undefined)).toBe(true);
	});
});
