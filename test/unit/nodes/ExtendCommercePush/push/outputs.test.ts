import { buildOutputs } from '../../../../../nodes/ExtendCommercePush/push/outputs';
import type { RecordResult } from '../../../../../nodes/ExtendCommercePush/push/outcomes';

const delivered = (itemIndex: number, sku: string): RecordResult => ({ itemIndex, outcome: 'created', keys: { productNumber: sku } });
const refused = (itemIndex: number, sku: string): RecordResult => ({
	itemIndex,
	outcome: 'rejected',
	record: `product ${sku}`,
	reason: `product ${sku}: sku is empty.`,
	fix: 'Give it a SKU.',
	keys: { productNumber: sku },
});

describe('buildOutputs', () => {
	it('puts delivered and refused records on their outputs in input order, each paired with its input item, whatever order they finished in', () => {
		const finished = [delivered(3, 'D'), refused(2, 'C'), delivered(0, 'A'), refused(4, 'E'), delivered(1, 'B')];
		const outputs = buildOutputs('product', finished, undefined);
		expect(outputs.results.map((item) => [item.json.productNumber, item.json.outcome, item.pairedItem])).toEqual([
			['A', 'created', { item: 0 }],
			['B', 'created', { item: 1 }],
			['D', 'created', { item: 3 }],
		]);
		expect(outputs.rejected.map((item) => [item.json.productNumber, item.json.inputItem, item.pairedItem])).toEqual([
			['C', 2, { item: 2 }],
			['E', 4, { item: 4 }],
		]);
		expect(outputs.nextCursor).toEqual([]);
	});
});
