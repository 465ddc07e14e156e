import type { IDataObject } from 'n8n-workflow';

import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { LogEntry } from '../../../sandbox/extend-commerce/types';
import { capturedOrders, countRequests, outputsOf, runPush, skusOf, startOffice, WAREHOUSE } from './helpers';

/** A money string times a whole number, exactly (WooCommerce's 2-decimal strings). */
function times(amount: unknown, factor: number): string {
	const [whole, fraction = ''] = String(amount).split('.');
	const cents = (BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2))) * BigInt(factor);
	return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

type Line = IDataObject & { id: number; sku: string; quantity: number };

describe('an order changed in WooCommerce after Extend has it (issue 23)', () => {
	let office: BackOffice;
	const orders = capturedOrders();
	const source = orders.find((o) => o.status === 'processing' && (o.line_items as unknown[]).length > 1)!;
	const otherSku = skusOf(orders).find((sku) => !(source.line_items as Line[]).some((line) => line.sku === sku))!;
	let order: IDataObject;
	let orderNumber: string;

	const lines = () => order.line_items as Line[];
	const stored = () => office.data.order(orderNumber)!;
	const rowsOf = () => stored().orderRows.map((row) => [row.product.productNumber, Number(row.externalRow?.externalPosition), row.salesData?.quantity, row.rowStatus]);
	const puts = () => countRequests(office, 'PUT', /customerorders\//i);
	const push = async () => await runPush(office, { resource: 'order', items: [order] });

	beforeEach(async () => {
		office = await startOffice(skusOf(orders));
		order = structuredClone(source);
		const first = await push();
		expect(outputsOf(first).results[0]).toMatchObject({ outcome: 'created' });
		orderNumber = office.data.orderByExternal(String(order.number))!.orderNumber;
	});
	afterEach(async () => await office.close());

	it('brings the rows up to date: a quantity doubled, a line removed, a line added with its own external position; then nothing more', async () => {
		const [kept, removed] = lines();
		expect(otherSku).toEqual(expect.any(String));
		const added: Line = { ...structuredClone(kept), id: 99901, sku: otherSku, product_id: 99901, quantity: 1 };
		kept.quantity = Number(kept.quantity) * 2;
		kept.total = times(kept.total, 2);
		kept.subtotal = times(kept.subtotal, 2);
		kept.total_tax = times(kept.total_tax ?? '0', 2);
		kept.subtotal_tax = times(kept.subtotal_tax ?? '0', 2);
		order.line_items = [kept, ...lines().slice(2), added];

		const result = await push();
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).results[0]).toMatchObject({ outcome: 'updated', extendOrderNumber: orderNumber });
		const rows = rowsOf();
		expect(rows).toContainEqual([kept.sku, kept.id, kept.quantity, 'Active']);
		expect(rows).toContainEqual([removed.sku, removed.id, expect.anything(), 'Inactive']);
		expect(rows).toContainEqual([otherSku, 99901, 1, 'Active']);
		expect(stored().orderRows.find((row) => Number(row.externalRow?.externalPosition) === removed.id)?.warehouse).toBe(WAREHOUSE);
		expect(stored().status).toBe('Registered');
		expect(puts()).toBe(1);

		const again = await push();
		expect(outputsOf(again).results[0]).toMatchObject({ outcome: 'unchanged' });
		expect(puts()).toBe(1);
	});

	it('sends a changed unit price to the row with the same external position', async () => {
		const [line] = lines();
		line.total = times(line.total, 3);
		const result = await push();
		expect(outputsOf(result).results[0]).toMatchObject({ outcome: 'updated' });
		const row = stored().orderRows.find((r) => Number(r.externalRow?.externalPosition) === line.id)!;
		expect(row.rowStatus).toBe('Active');
		expect(stored().orderRows.filter((r) => Number(r.externalRow?.externalPosition) === line.id)).toHaveLength(1);
		const before = (source.line_items as Line[])[0];
		expect(row.salesData?.unitPrice).toBeCloseTo(Number(times(before.total, 3)) / Number(line.quantity), 4);
	});

	it('sends nothing when only a field Extend does not hold changed (the customer note)', async () => {
		order.customer_note = 'Leave it at the back door';
		const result = await push();
		expect(outputsOf(result).results[0]).toMatchObject({ outcome: 'unchanged' });
		expect(puts()).toBe(0);
	});

	it('once Extend has reserved the order, sends nothing and puts it on the refused records as locked, with since when', async () => {
		const reserved = office.reserveOrder(orderNumber);
		lines()[0].quantity = Number(lines()[0].quantity) * 2;
		lines()[0].total = times(lines()[0].total, 2);
		const result = await push();
		expect(result.error).toBeUndefined();
		const { results, rejected, nextCursor } = outputsOf(result);
		expect(results).toEqual([]);
		expect(rejected).toHaveLength(1);
		expect(rejected[0].reason).toBe(`order ${String(order.id)} changed in WooCommerce, but it is reserved in Extend since ${reserved.changed}; the change was not sent.`);
		expect(rejected[0]).toMatchObject({ outcome: 'locked', fix: expect.stringContaining('Change it in Extend') });
		expect(puts()).toBe(0);
		// A record-level refusal: the cursor moves on, the refusal is on its own output.
		expect(nextCursor[0]).toMatchObject({ rejected: 1 });
	});

	it('an edit racing the reservation (reserved after the node read the order, before it sent the change) ends locked, not failed', async () => {
		const record = office.log.push.bind(office.log);
		let reservedAt = '';
		office.log.push = (...entries: LogEntry[]) => {
			for (const entry of entries) {
				if (!reservedAt && entry.method === 'GET' && new RegExp(`customerorders/${orderNumber}$`, 'i').test(entry.path)) reservedAt = office.reserveOrder(orderNumber).changed;
			}
			return record(...entries);
		};
		lines()[0].quantity = Number(lines()[0].quantity) * 2;
		lines()[0].total = times(lines()[0].total, 2);
		const result = await push();
		expect(result.error).toBeUndefined();
		expect(reservedAt).not.toBe('');
		const { results, rejected } = outputsOf(result);
		expect(results).toEqual([]);
		expect(rejected).toHaveLength(1);
		expect(rejected[0]).toMatchObject({ outcome: 'locked' });
		expect(String(rejected[0].reason)).toContain(`reserved in Extend since ${reservedAt}`);
		// The change reached Extend and was refused there (409): nothing was changed.
		expect(office.log.filter((entry) => entry.method === 'PUT').map((entry) => entry.status)).toEqual([409]);
		expect(rowsOf()).toEqual((source.line_items as Line[]).map((line) => [line.sku, line.id, line.quantity, 'Active']));
	});

	it('a trashed order that was sent is cancelled (every row Inactive) once; restored, it is refused with what to do', async () => {
		order.status = 'trash';
		const trashed = await push();
		expect(outputsOf(trashed).results[0]).toMatchObject({ outcome: 'cancelled', wooCommerceStatus: 'trash' });
		expect(stored().status).toBe('Cancelled');
		expect(stored().orderRows.map((row) => [row.product.productNumber, Number(row.externalRow?.externalPosition), row.rowStatus, row.warehouse])).toEqual(
			lines().map((line) => [line.sku, line.id, 'Inactive', WAREHOUSE]),
		);

		const again = await push();
		expect(outputsOf(again).results[0]).toMatchObject({ outcome: 'unchanged' });
		expect(puts()).toBe(1);

		order.status = 'processing';
		const restored = await push();
		const { rejected } = outputsOf(restored);
		expect(rejected[0].reason).toContain('is live in WooCommerce again, but Extend holds it cancelled since');
		expect(rejected[0]).toMatchObject({ outcome: 'rejected', fix: expect.stringContaining('Enter the order again in Extend') });
		expect(puts()).toBe(1);
	});

	it('a trashed order that Extend has reserved is locked, not cancelled', async () => {
		office.reserveOrder(orderNumber);
		order.status = 'trash';
		const result = await push();
		expect(outputsOf(result).rejected[0]).toMatchObject({ outcome: 'locked' });
		expect(stored().status).toBe('Reserved');
		expect(puts()).toBe(0);
	});

	it('a trashed order that never reached Extend is skipped', async () => {
		const never = { ...structuredClone(source), id: 98765, number: '98765', status: 'trash' };
		const result = await runPush(office, { resource: 'order', items: [never] });
		expect(outputsOf(result).results[0]).toMatchObject({ outcome: 'skipped' });
		expect(puts()).toBe(0);
	});
});
