import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { routes } from '../../sandbox/extend-commerce/routes';
import * as fs from 'node:fs';
import { API_DOC, DOC_OPTIONS, DOC_START_TIME, loadExamples, parseExamples, replay, type ActualAnswer } from './doc-examples';

const examples = loadExamples();

function clockAt(start: string) {
	let current = Date.parse(start);
	return { now: () => new Date(current), set: (iso: string) => void (current = Date.parse(iso)) };
}

describe('docs/extend-commerce-api.md examples', () => {
	const clock = clockAt(DOC_START_TIME);
	let office: BackOffice;
	const answers = new Map<number, ActualAnswer>();

	beforeAll(async () => {
		office = await startBackOffice({ ...DOC_OPTIONS, clock: clock.now });
		// In document order: later examples build on the state the earlier ones left.
		for (const example of examples) answers.set(example.line, await replay(example, office, clock.set));
	});
	afterAll(() => office.close());

	it('has an example for every method the sandbox serves and for every status class it promises', () => {
		const served = routes.map((r) => `${r.method} ${r.template}`);
		const seen = new Set(
			examples.map((e) => {
				const path = e.request.path.replace('/demo-tenant/api', '').split('?')[0];
				const route = routes.find((r) => r.method === e.request.method && new RegExp(`^${r.template.replace(/\{\w+\}/g, '[^/]+')}$`, 'i').test(path));
				return route ? `${route.method} ${route.template}` : `${e.request.method} ${path}`;
			}),
		);
		for (const operation of served) expect([operation, seen.has(operation)]).toEqual([operation, true]);
		const statuses = new Set(examples.map((e) => e.response.status));
		for (const status of [200, 201, 400, 401, 403, 404, 409, 422, 429, 502]) expect([status, statuses.has(status)]).toEqual([status, true]);
	});

	it.each(examples.map((e) => [`line ${e.line}: ${e.request.method} ${e.request.path} → ${e.response.status} (${e.title})`, e] as const))('%s answers as documented', (_name, example) => {
		const actual = answers.get(example.line)!;
		expect(actual.status).toBe(example.response.status);
		if (example.response.body !== undefined) expect(actual.body).toEqual(example.response.body);
		for (const [name, value] of Object.entries(example.response.headers)) {
			expect(`${name}: ${actual.headers.get(name)}`).toBe(`${name}: ${value}`);
		}
	});

	it('its PUT example cancels the row it names, as the text says', () => {
		expect(office.data.order('100001')?.orderRows.map((r) => r.rowStatus)).toEqual(['Active', 'Inactive']);
	});

	it('mentions nothing of the invented API', () => {
		const text = fs.readFileSync(API_DOC, 'utf8');
		for (const word of ['/api/v1', 'Idempotency-Key', 'sync-state', '/ping', '/batch', 'connections/', 'sourceId', 'committedCursor']) expect([word, text.includes(word)]).toEqual([word, false]);
	});
});

describe('the docs example parser', () => {
	it('pairs each request with its status, headers and JSON body, and reads setup comments', () => {
		const parsed = parseExamples(
			['## A title', '<!-- sandbox: {"fault": {"kind": "hang"}} -->', '```http', 'POST /t/api/x', 'X-Api-Key: k', '', '{ "a": 1 }', '```', '```http', 'HTTP/1.1 201 Created', 'x-ratelimit-limit: 2', '```', '```json', '{ "ok": true }', '```'].join('\n'),
		);
		expect(parsed).toEqual([
			{
				line: 3,
				title: 'A title',
				setup: [{ fault: { kind: 'hang' } }],
				request: { method: 'POST', path: '/t/api/x', headers: { 'X-Api-Key': 'k' }, body: '{ "a": 1 }' },
				response: { status: 201, headers: { 'x-ratelimit-limit': '2' }, body: { ok: true } },
			},
		]);
	});

	it('refuses a request that has no documented answer', () => {
		expect(() => parseExamples('```http\nGET /x\n```\n')).toThrow(/not followed by/);
	});
});
