import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { DOC_START_TIME, DOC_TOKENS, loadExamples, parseExamples, replay, type ActualAnswer } from './doc-examples';
import { manualClock } from './helpers';

const examples = loadExamples();

describe('docs/extend-commerce-api.md examples', () => {
	const clock = manualClock(DOC_START_TIME);
	let office: BackOffice;
	const answers = new Map<number, ActualAnswer>();

	beforeAll(async () => {
		office = await startBackOffice({ tokens: DOC_TOKENS, clock: clock.now });
		// In document order: later examples build on the state the earlier ones left.
		for (const example of examples) answers.set(example.line, await replay(example, office, clock.set));
	});
	afterAll(() => office.close());

	it('the document has an example for every endpoint and every status class it promises', () => {
		const seen = new Set(examples.map((e) => `${e.request.method} ${e.request.path.replace(/\/connections\/[^/]+/, '/connections/{key}').replace(/sync-state\/(products|orders)/, 'sync-state/{resource}')}`));
		expect([...seen].sort()).toEqual(
			[
				'GET /api/v1/ping',
				'GET /api/v1/connections',
				'GET /api/v1/connections/{key}',
				'PUT /api/v1/connections/{key}',
				'POST /api/v1/connections/{key}/products/batch',
				'POST /api/v1/connections/{key}/orders/batch',
				'GET /api/v1/connections/{key}/sync-state/{resource}',
				'PUT /api/v1/connections/{key}/sync-state/{resource}',
				'POST /api/v1/connections/{key}/sync-state/{resource}/pending',
				'POST /api/v1/connections/{key}/sync-state/{resource}/commit',
			].sort(),
		);
		const statuses = new Set(examples.map((e) => e.response.status));
		for (const status of [200, 201, 400, 401, 403, 404, 409, 422, 429, 503]) expect(statuses).toContain(status);
	});

	it.each(examples.map((e) => [`line ${e.line}: ${e.request.method} ${e.request.path} → ${e.response.status} (${e.title})`, e] as const))(
		'%s answers as documented',
		(_name, example) => {
			const actual = answers.get(example.line)!;
			expect({ status: actual.status, body: actual.body }).toEqual({ status: example.response.status, body: example.response.body });
			for (const [name, value] of Object.entries(example.response.headers)) {
				expect(`${name}: ${actual.headers.get(name)}`).toBe(`${name}: ${value}`);
			}
		},
	);
});

describe('the docs example parser', () => {
	it('pairs each request with its status, headers and JSON body, and reads setup comments', () => {
		const parsed = parseExamples(
			[
				'## A title',
				'<!-- sandbox: {"fault": {"kind": "hang"}} -->',
				'```http',
				'POST /api/v1/x',
				'Authorization: Bearer t',
				'',
				'{ "a": 1 }',
				'```',
				'```http',
				'HTTP/1.1 201 Created',
				'Retry-After: 2',
				'```',
				'```json',
				'{ "ok": true }',
				'```',
			].join('\n'),
		);
		expect(parsed).toEqual([
			{
				line: 3,
				title: 'A title',
				setup: [{ fault: { kind: 'hang' } }],
				request: { method: 'POST', path: '/api/v1/x', headers: { Authorization: 'Bearer t' }, body: '{ "a": 1 }' },
				response: { status: 201, headers: { 'Retry-After': '2' }, body: { ok: true } },
			},
		]);
	});

	it('refuses a request that has no documented answer', () => {
		expect(() => parseExamples('```http\nGET /api/v1/ping\n```\n')).toThrow(/not followed by/);
	});
});
