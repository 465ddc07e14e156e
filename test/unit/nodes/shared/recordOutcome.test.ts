import { resultItem } from '../../../../nodes/shared/recordOutcome';

describe('a record result as an output item', () => {
	const failed = { itemIndex: 3, sku: 'X', outcome: 'failed', error: { field: 'sku', message: 'No product has SKU "X"' } };

	it('keeps a good result as it is, paired with its input item, whatever the mode', () => {
		const ok = { itemIndex: 1, sku: 'A', outcome: 'updated' };
		for (const mode of ['none', 'regular', 'errorOutput'] as const) expect(resultItem(ok, mode, 'SKU "A"')).toEqual({ json: { sku: 'A', outcome: 'updated' }, pairedItem: { item: 1 } });
	});

	it('routes a failure as the On Error setting says', () => {
		expect(resultItem(failed, 'none', 'SKU "X"')).toEqual({ json: { sku: 'X', outcome: 'failed', error: failed.error }, pairedItem: { item: 3 } });
		expect(resultItem(failed, 'regular', 'SKU "X"')).toEqual({ json: { sku: 'X', outcome: 'failed', error: 'SKU "X": No product has SKU "X"' }, pairedItem: { item: 3 } });
		// Exactly {message, error}: the shape n8n 1.123 and 2.x both move to the error output.
		expect(resultItem(failed, 'errorOutput', 'SKU "X"')).toEqual({ json: { message: 'SKU "X": No product has SKU "X"', error: { sku: 'X', outcome: 'failed', error: failed.error, inputItem: 3 } } });
	});
});
