import { ExtendClient } from '../../../../../nodes/shared/extend-commerce/client';
import { OrderLookups } from '../../../../../nodes/shared/extend-commerce/orderLookups';
import type { HttpRequest, HttpSend } from '../../../../../nodes/shared/transport/http';

type ListAnswer = (asked: string[], pageSize: number) => { status: number; body: unknown };

/** A tenant holding `held` shop order numbers; `list` decides how it answers a list of several. */
function tenant(held: string[], list: ListAnswer): { send: HttpSend; requests: HttpRequest[] } {
	const requests: HttpRequest[] = [];
	const order = (number: string) => ({ orderNumber: `E-${number}`, orderNumberExternal: number });
	const send: HttpSend = async (request) => {
		requests.push(request);
		const query = new URL(request.url).searchParams;
		const one = query.get('orderNumberExternal');
		const several = query.get('orderNumbersExternal') ?? query.get('externalOrderNumbers');
		const answer =
			one !== null
				? { status: 200, body: held.includes(one) ? [order(one)] : [] }
				: several !== null
					? list(several.split(','), Number(query.get('pageSize')))
					: { status: 200, body: held.map(order) };
		return { status: answer.status, headers: { 'content-type': 'application/json' }, text: JSON.stringify(answer.body) };
	};
	return { send, requests };
}

const honest =
	(held: string[]): ListAnswer =>
	(asked) => ({ status: 200, body: asked.filter((number) => held.includes(number)).map((number) => ({ orderNumber: `E-${number}`, orderNumberExternal: number })) });

const clientOf = (send: HttpSend, apiAdjustments: unknown = {}) =>
	new ExtendClient(send, { apiUrl: 'https://api.example.com/t/api', credentialHint: '', secrets: [], apiAdjustments }, { retryPolicy: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });

const numbers = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(from + i));
const kinds = (requests: HttpRequest[]) => requests.map((request) => (new URL(request.url).searchParams.has('orderNumberExternal') ? 'one' : 'list'));

describe('OrderLookups: what Extend holds, one list per 49 orders, trusted only when it proves itself', () => {
	it('looks orders up one by one until the run knows one order Extend holds, then asks a list carrying that order last', async () => {
		const held = ['1', '3'];
		const { send, requests } = tenant(held, honest(held));
		const client = clientOf(send);
		const lookups = new OrderLookups(numbers(1, 5));
		expect(await lookups.find(client, '1')).toEqual({ orderNumber: 'E-1', record: { orderNumber: 'E-1', orderNumberExternal: '1' } });
		expect(await lookups.find(client, '2')).toBeUndefined();
		expect(await lookups.find(client, '3')).toMatchObject({ orderNumber: 'E-3' });
		expect(await lookups.find(client, '4')).toBeUndefined();
		expect(await lookups.find(client, '5')).toBeUndefined();
		expect(kinds(requests)).toEqual(['one', 'list']);
		expect(new URL(requests[1].url).search).toBe(`?orderNumbersExternal=${encodeURIComponent('2,3,4,5,1')}&page=1&pageSize=5`);
		expect(lookups.fallback()).toBeUndefined();
	});

	it('an order created by the run serves as the known order; lists hold 49 numbers and the known one', async () => {
		const { send, requests } = tenant([], honest(['0']));
		const client = clientOf(send);
		const lookups = new OrderLookups(['0', ...numbers(1, 100)]);
		expect(await lookups.find(client, '0')).toBeUndefined();
		lookups.confirmed('0', { orderNumber: 'E-0', record: {} });
		for (const number of numbers(1, 100)) expect(await lookups.find(client, number)).toBeUndefined();
		expect(kinds(requests)).toEqual(['one', 'list', 'list', 'list']);
		const sizes = requests.slice(1).map((request) => (new URL(request.url).searchParams.get('orderNumbersExternal') ?? '').split(','));
		expect(sizes.map((asked) => asked.length)).toEqual([49, 50, 4]);
		expect(sizes.every((asked) => asked[asked.length - 1] === '0')).toBe(true);
	});

	it('takes the adjusted parameter name and a tenant\'s smaller page', async () => {
		const { send, requests } = tenant(['1'], honest(['1']));
		const lookups = new OrderLookups(numbers(1, 12));
		const client = clientOf(send, { list: { orderNumbersExternal: 'externalOrderNumbers', maxPageSize: 5 } });
		await lookups.find(client, '1');
		for (const number of numbers(2, 11)) await lookups.find(client, number);
		const lists = requests.filter((request) => new URL(request.url).searchParams.has('externalOrderNumbers'));
		expect(lists.map((request) => new URL(request.url).searchParams.get('pageSize'))).toEqual(['4', '5', '5']);
		expect(requests).toHaveLength(4);
	});

	it.each<[string, ListAnswer, string]>([
		['refuses the list (HTTP 400)', () => ({ status: 400, body: { message: 'Unknown parameter orderNumbersExternal' } }), 'refused'],
		['refuses the list (HTTP 404)', () => ({ status: 404, body: { message: 'No such filter' } }), 'refused'],
		['ignores it (answers orders not asked for)', () => ({ status: 200, body: numbers(100, 3).concat('1').map((n) => ({ orderNumber: `E-${n}`, orderNumberExternal: n })) }), 'ignored'],
		['answers no list', () => ({ status: 200, body: { message: 'ok' } }), 'unreadable'],
		['leaves out the order it holds (takes only the first number)', () => ({ status: 200, body: [] as unknown[] }), 'missedKnownOrder'],
		[
			'answers a full page with an asked number missing (a page more may follow)',
			(asked, pageSize) => ({ status: 200, body: Array.from({ length: pageSize }, () => ({ orderNumber: 'E-1', orderNumberExternal: '1' })) }),
			'truncated',
		],
	])('a tenant that %s: never "absent" from it, every order looked up on its own for the rest of the run', async (_what, list, why) => {
		const held = ['1', '3'];
		const { send, requests } = tenant(held, list);
		const client = clientOf(send);
		const lookups = new OrderLookups(numbers(1, 60));
		await lookups.find(client, '1');
		for (const number of numbers(2, 59)) expect(Boolean(await lookups.find(client, number))).toBe(held.includes(number));
		expect(lookups.fallback()).toBe(why);
		// One list asked, then one lookup per order: no second list.
		expect(kinds(requests).filter((kind) => kind === 'list')).toHaveLength(1);
		expect(kinds(requests).filter((kind) => kind === 'one')).toHaveLength(60);
		expect(lookups.fallbackHint()).toMatch(/^Extend Commerce .* \("orderNumbersExternal"\), so this run looked each order up on its own: one more request per order\./);
	});

	it('a list answered with a server error fails like a lookup would (the run fails; nothing is concluded)', async () => {
		const { send } = tenant(['1'], () => ({ status: 503, body: { message: 'down' } }));
		const client = clientOf(send);
		const lookups = new OrderLookups(numbers(1, 3));
		await lookups.find(client, '1');
		await expect(lookups.find(client, '2')).rejects.toThrow(/HTTP 503/);
		expect(lookups.fallback()).toBeUndefined();
	});
});
