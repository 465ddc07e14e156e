import { updateSentOrder } from '../../../../../nodes/ExtendCommercePush/order/updateSentOrder';
import { assumptionsFrom } from '../../../../../nodes/shared/extend-commerce/assumptions';
import type { ExtendClient } from '../../../../../nodes/shared/extend-commerce/client';
import type { ExtendCustomerOrder, ExtendOrderRow } from '../../../../../nodes/shared/mapping/extendOrder';

const row: ExtendOrderRow = {
	product: { productNumber: 'TEE' },
	salesData: { quantity: 1, unit: 'ST', unitPrice: 10, vatPercent: 25, currency: 'SEK' },
	supplyMode: 'Warehouse',
	warehouse: 'MAIN',
	externalRow: { externalPosition: 10 },
};

/** A back office whose order rows say "cancelled" in a field of the tenant's own name. */
function tenant(adjustments: unknown): ExtendClient & { sent: unknown[] } {
	const sent: unknown[] = [];
	const detail = { orderNumber: '100001', status: 'Registered', changed: '2026-12-01T10:00:00Z', orderRows: [{ ...structuredClone(row), lineStatus: 'Inactive' }] };
	return { sent, assumptions: assumptionsFrom(adjustments), get: async () => structuredClone(detail), send: async (_method: string, _path: string, body: unknown) => sent.push(body) } as unknown as ExtendClient & { sent: unknown[] };
}

describe('updateSentOrder reads a held row as cancelled through the API Adjustments', () => {
	it('takes the row status field from orderDetail.rowStatus: a line Extend holds cancelled is sent again', async () => {
		const document = { orderHeader: {}, orderRows: [row] } as unknown as ExtendCustomerOrder;
		const adjusted = tenant({ orderDetail: { rowStatus: 'lineStatus' } });
		expect(await updateSentOrder(adjusted, '100001', document, 'MAIN')).toEqual({ outcome: 'updated' });
		expect(adjusted.sent).toEqual([{ orderRows: [row] }]);
		// Without the adjustment the field is not known, so the row reads as held and nothing is sent.
		const unadjusted = tenant({});
		expect(await updateSentOrder(unadjusted, '100001', document, 'MAIN')).toEqual({ outcome: 'unchanged' });
	});
});
