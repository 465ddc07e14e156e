import { batchIdempotencyKey, canonicalJson } from './idempotency';

const records = [
	{ sourceId: '1', name: 'A', price: { amount: '1.00', currency: 'EUR' }, tags: ['x', 'y'] },
	{ sourceId: '2', name: 'B', price: null, tags: [] },
];

describe('canonicalJson', () => {
	it('sorts keys at every level and keeps array order', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
		expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
	});
});

describe('batchIdempotencyKey', () => {
	const key = batchIdempotencyKey('demo-shop-0123456789', 'products', records);

	it('gives the same key for the same content, whatever the key order of the objects', () => {
		const reordered = records.map((r) => Object.fromEntries(Object.entries(r).reverse()));
		expect(batchIdempotencyKey('demo-shop-0123456789', 'products', structuredClone(records))).toBe(key);
		expect(batchIdempotencyKey('demo-shop-0123456789', 'products', reordered)).toBe(key);
	});

	it('is printable ASCII without spaces, at most 255 characters, as the contract requires', () => {
		expect(key).toMatch(/^[\x21-\x7e]{1,255}$/);
		expect(key.startsWith('products-')).toBe(true);
	});

	it('changes when any field, the record order, the connection or the resource changes', () => {
		const changedName = [{ ...records[0], name: 'A2' }, records[1]];
		const changedNested = [{ ...records[0], price: { amount: '1.01', currency: 'EUR' } }, records[1]];
		const changedArray = [{ ...records[0], tags: ['y', 'x'] }, records[1]];
		const dropped = [records[0]];
		const swapped = [records[1], records[0]];
		const others = [
			batchIdempotencyKey('demo-shop-0123456789', 'products', changedName),
			batchIdempotencyKey('demo-shop-0123456789', 'products', changedNested),
			batchIdempotencyKey('demo-shop-0123456789', 'products', changedArray),
			batchIdempotencyKey('demo-shop-0123456789', 'products', dropped),
			batchIdempotencyKey('demo-shop-0123456789', 'products', swapped),
			batchIdempotencyKey('other-shop-0123456789', 'products', records),
			batchIdempotencyKey('demo-shop-0123456789', 'orders', records),
		];
		expect(new Set([key, ...others]).size).toBe(others.length + 1);
	});
});
