import type { QueryValue } from '../../../../../nodes/shared/transport/query';
import { readChangedAvailability, resumeFrom } from '../../../../../nodes/shared/extend-commerce/availabilityReader';
import type { ExtendGet } from '../../../../../nodes/shared/extend-commerce/extendGet';

/** Serves rows in pages the way the assumed paging works, recording each query. */
function pagedSource(rows: unknown[], wrap: (page: unknown[]) => unknown = (page) => page): ExtendGet & { queries: Array<Record<string, QueryValue>> } {
	const queries: Array<Record<string, QueryValue>> = [];
	return {
		queries,
		async get(_path, query = {}) {
			queries.push(query);
			const size = Number(query.pageSize);
			const page = Number(query.page);
			return wrap(rows.slice((page - 1) * size, page * size));
		},
	};
}

const row = (n: number, changed: string) => ({ productNumber: `P-${n}`, warehouse: 'MAIN', availableBalance: n, changed, extra: 'kept' });

describe('Product Availability → Get Changed reader', () => {
	it('reads every page until a short one, with the filters and the latest change as next cursor', async () => {
		const rows = Array.from({ length: 250 }, (_, n) => row(n, `2026-11-28T10:${String(n % 60).padStart(2, '0')}:00Z`));
		const source = pagedSource(rows);
		const result = await readChangedAvailability(source, { changedSince: '2026-11-28T00:00:00Z', warehouse: 'MAIN', productNumbers: ['A', 'B'] });
		expect(result.rows).toHaveLength(250);
		expect(result.pages).toBe(3);
		expect(result.latestChange).toBe('2026-11-28T10:59:00Z');
		expect(source.queries[0]).toEqual({ changedSince: '2026-11-28T00:00:00Z', warehouse: 'MAIN', productNumbers: 'A,B', page: 1, pageSize: 100 });
		expect(result.rows[3]).toEqual({ productNumber: 'P-3', warehouse: 'MAIN', availableBalance: 3, changed: '2026-11-28T10:03:00Z', extra: 'kept' });
	});

	it('reads a full last page by asking for one more, takes lists wrapped in an object, and stops at a limit', async () => {
		const source = pagedSource(Array.from({ length: 200 }, (_, n) => row(n, '2026-11-28T10:00:00Z')), (page) => ({ items: page }));
		expect((await readChangedAvailability(source, {})).pages).toBe(3);
		const limited = await readChangedAvailability(pagedSource(Array.from({ length: 200 }, (_, n) => row(n, '2026-11-28T10:00:00Z'))), { limit: 5, pageSize: 2 });
		expect(limited.rows.map((r) => r.productNumber)).toEqual(['P-0', 'P-1', 'P-2', 'P-3', 'P-4']);
		expect(limited.pages).toBe(3);
	});

	it('names an answer that is not a list', async () => {
		await expect(readChangedAvailability({ get: async () => ({ message: 'hello' }) }, {})).rejects.toThrow('with something other than a list');
	});

	it('keeps rows it cannot read, naming the field and what it held; a null or empty balance is not 0', async () => {
		const rows = [row(1, '2026-11-28T10:00:00Z'), { productNumber: 'P-2', availableBalance: null }, { ProductNumber: 'P-3', AvailableBalance: 4 }, { productNumber: 'P-4', availableBalance: '' }, { productNumber: 'P-5', availableBalance: '7.5' }];
		const result = await readChangedAvailability(pagedSource(rows), {});
		expect(result.rows.map((r) => [r.productNumber, r.availableBalance])).toEqual([
			['P-1', 1],
			['P-5', 7.5],
		]);
		expect(result.unreadable).toEqual([
			{ position: 1, field: 'availableBalance', value: null },
			{ position: 2, field: 'productNumber', value: undefined },
			{ position: 3, field: 'availableBalance', value: '' },
		]);
	});

	it('hands on a next Changed Since that never passes a row it did not hand on, nor goes back before the read', () => {
		const since = '2026-11-28T00:00:00Z';
		expect(resumeFrom('2026-11-28T10:05:00Z', [], since)).toBe('2026-11-28T10:05:00Z');
		expect(resumeFrom(undefined, [], since)).toBe(since);
		expect(resumeFrom('2026-11-28T10:05:00Z', [{ changed: '2026-11-28T10:03:00Z' }, { changed: '2026-11-28T10:01:00Z' }], since)).toBe('2026-11-28T10:01:00Z');
		expect(resumeFrom('2026-11-28T10:05:00Z', [{ changed: '2026-11-28T10:03:00Z' }, {}], since)).toBe(since);
		expect(resumeFrom('2026-11-28T10:05:00Z', [{ changed: '2025-01-01T00:00:00Z' }], since)).toBe(since);
		expect(resumeFrom('2026-11-28T10:05:00Z', [{}], undefined)).toBeUndefined();
	});
});
