import { withinModified } from '../../sandbox/woocommerce/modifiedRange';
import type { Row } from '../../sandbox/woocommerce/store';

function seededRandom(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** Rows with a UTC and a local modified time an hour or two apart (a site across a DST change), sorted on local time. */
function rows(random: () => number, count: number): Row[] {
	return Array.from({ length: count }, (_, id) => {
		const utc = Math.floor(random() * 100_000) * 1000;
		const local = utc - (random() < 0.5 ? 4 : 5) * 3_600_000;
		return { id, modifiedUtc: utc, modifiedLocal: local } as Row;
	}).sort((a, b) => a.modifiedLocal - b.modifiedLocal || a.id - b.id);
}

describe('a modified-range search over a sorted list', () => {
	it('returns exactly the rows a full scan returns, in order, on the same or another column — 300 seeded cases', () => {
		for (let trial = 0; trial < 300; trial++) {
			const random = seededRandom(trial + 1);
			const sorted = rows(random, 1 + Math.floor(random() * 400));
			const column = trial % 2 === 0 ? (row: Row) => row.modifiedUtc : (row: Row) => row.modifiedLocal;
			const after = random() < 0.2 ? undefined : Math.floor(random() * 100_000) * 1000 - 8_000_000;
			const before = random() < 0.2 ? undefined : (after ?? 0) + Math.floor(random() * 100_000) * 1000;
			const expected = sorted.filter((row) => (after === undefined || column(row) > after) && (before === undefined || column(row) < before));
			const range = withinModified(sorted, (row) => row.modifiedLocal, { after, before, column });
			expect(range.length).toBe(expected.length);
			const from = Math.floor(random() * (expected.length + 2));
			expect(range.slice(from, from + 37).map((row) => row.id)).toEqual(expected.slice(from, from + 37).map((row) => row.id));
			expect(range.slice(0, range.length).map((row) => row.id)).toEqual(expected.map((row) => row.id));
		}
	});
});
