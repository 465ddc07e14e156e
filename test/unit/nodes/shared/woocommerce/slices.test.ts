import type { WooPage } from '../../../../../nodes/shared/woocommerce/client';
import { cutAt, sliceBoundaries } from '../../../../../nodes/shared/woocommerce/slices';
import { toWooDate } from '../../../../../nodes/shared/woocommerce/window';

const window = { start: 1000, end: 2000 };

describe('cutting a window into slices', () => {
	it('cuts at the instants inside the window, once each, in order', () => {
		expect(cutAt(window, [1500, undefined, 1200, 1500, 900, 2000, 1000])).toEqual([
			{ start: 1000, end: 1200 },
			{ start: 1200, end: 1500 },
			{ start: 1500, end: 2000 },
		]);
		expect(cutAt(window, [])).toEqual([window]);
	});

	it('asks for the record at each rank boundary, and no more slices than allowed', async () => {
		const asked: number[] = [];
		const probe = async (_window: typeof window, rank: number): Promise<WooPage> => {
			asked.push(rank);
			return { records: [{ id: rank, date_modified_gmt: toWooDate(window.start + rank) }], total: 900, totalPages: 900, storeDate: undefined };
		};
		expect(await sliceBoundaries(probe, window, 900, 100, 4, 2)).toEqual([1225, 1450, 1675]);
		expect(asked.sort((a, b) => a - b)).toEqual([225, 450, 675]);
		expect(await sliceBoundaries(probe, window, 90, 100, 4, 2)).toEqual([]);
	});

	it('leaves a boundary unknown when its record has vanished', async () => {
		const probe = async (): Promise<WooPage> => ({ records: [], total: 0, totalPages: 0, storeDate: undefined });
		expect(await sliceBoundaries(probe, window, 400, 100, 2, 2)).toEqual([undefined]);
	});
});
