import { queryIndex } from '../../sandbox/woocommerce/modifiedIndex';
import { Collection, type Row } from '../../sandbox/woocommerce/store';

function seededRandom(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** A row with a UTC and a local modified time four or five hours apart (a site across a DST change). */
function row(random: () => number, id: number): Row {
	const utc = Math.floor(random() * 2_000) * 1000;
	return { id, modifiedUtc: utc, modifiedLocal: utc - (random() < 0.5 ? 4 : 5) * 3_600_000, obj: { status: random() < 0.1 ? 'trash' : 'processing' } } as unknown as Row;
}

describe('the sandbox\'s modified index', () => {
	it('answers exactly what a full scan answers, on the sort column or the other one, as rows change — 60 seeded stores × 10 rounds', () => {
		for (let trial = 0; trial < 60; trial++) {
			const random = seededRandom(trial + 1);
			const coll = new Collection();
			let nextId = 1;
			for (let count = Math.floor(random() * 300); count > 0; count--) coll.rows.set(nextId, row(random, nextId++));
			coll.touch();
			const sortLocal = trial % 2 === 0;
			const sortValue = sortLocal ? (r: Row) => r.modifiedLocal : (r: Row) => r.modifiedUtc;
			for (let round = 0; round < 10; round++) {
				const gmt = random() < 0.5;
				const column = gmt ? (r: Row) => r.modifiedUtc : (r: Row) => r.modifiedLocal;
				const after = random() < 0.2 ? undefined : Math.floor(random() * 2_000) * 1000 - 9_000_000 * (gmt ? 0 : 1);
				const before = random() < 0.2 ? undefined : (after ?? 0) + Math.floor(random() * 2_000) * 1000;
				const passes = (r: Row) => r.obj.status !== 'trash';
				const expected = [...coll.rows.values()]
					.sort((a, b) => sortValue(a) - sortValue(b) || a.id - b.id)
					.filter((r) => passes(r) && (after === undefined || column(r) > after) && (before === undefined || column(r) < before));
				const result = queryIndex(coll, { sortName: sortLocal ? 'local' : 'utc', sortValue, filterName: 'not-trash', passes, after, before, columnName: gmt ? 'utc' : 'local', column });
				expect(result.total).toBe(expected.length);
				const skip = Math.floor(random() * (expected.length + 2));
				expect(result.page(skip, 37).map((r) => r.id)).toEqual(expected.slice(skip, skip + 37).map((r) => r.id));
				expect(result.page(0, expected.length).map((r) => r.id)).toEqual(expected.map((r) => r.id));
				// Change the store: edits move rows, deletes and inserts, trash.
				for (let change = Math.floor(random() * 6); change > 0; change--) {
					const ids = [...coll.rows.keys()];
					const action = random();
					if (action < 0.4 && ids.length > 0) {
						const target = coll.rows.get(ids[Math.floor(random() * ids.length)]) as Row;
						target.modifiedUtc = Math.floor(random() * 2_000) * 1000;
						target.modifiedLocal = target.modifiedUtc - 4 * 3_600_000;
					} else if (action < 0.6 && ids.length > 0) coll.rows.delete(ids[Math.floor(random() * ids.length)]);
					else if (action < 0.7 && ids.length > 0) (coll.rows.get(ids[Math.floor(random() * ids.length)]) as Row).obj.status = 'trash';
					else coll.rows.set(nextId, row(random, nextId++));
				}
				coll.touch();
			}
		}
	});
});
