import * as fs from 'node:fs';
import { routes } from '../../sandbox/extend-commerce/routes';
import { OPENAPI_FILE, renderOpenApi } from '../../sandbox/extend-commerce/openapi';

describe('docs/openapi.json', () => {
	const text = fs.readFileSync(OPENAPI_FILE, 'utf8');
	const doc = JSON.parse(text) as { openapi: string; servers: Array<{ url: string }>; paths: Record<string, Record<string, { 'x-extend'?: string }>> };

	it('parses as an OpenAPI 3.1 document with the tenant base path in its server URL', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.servers[0].url).toMatch(/\/demo-tenant\/api$/);
	});

	it('lists every path and method the sandbox router serves, and nothing it does not', () => {
		const served = routes.map((r) => `${r.method} ${r.template}`).sort();
		const documented = Object.entries(doc.paths)
			.flatMap(([path, item]) => Object.keys(item).filter((k) => ['get', 'put', 'post', 'patch', 'delete'].includes(k)).map((m) => `${m.toUpperCase()} ${path}`))
			.sort();
		expect(documented).toEqual(served);
	});

	it('says of every operation whether Extend documents it or it is assumed', () => {
		for (const [path, item] of Object.entries(doc.paths)) {
			for (const [method, operation] of Object.entries(item)) expect([method, path, operation['x-extend']]).toEqual([method, path, expect.stringMatching(/documented|assumed/)]);
		}
	});

	it('is exactly what the generator writes (regenerate with `npx tsx sandbox/extend-commerce/openapi.ts`)', () => {
		expect(text).toBe(renderOpenApi());
	});

	it('has every $ref resolvable', () => {
		const refs = [...text.matchAll(/"\$ref": "#\/([^"]+)"/g)].map((m) => m[1]);
		expect(refs.length).toBeGreaterThan(10);
		for (const ref of refs) {
			const target = ref.split('/').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
			expect([ref, target !== undefined]).toEqual([ref, true]);
		}
	});

	it('has no trace of the invented API', () => {
		for (const word of ['/api/v1', 'Idempotency-Key', 'sync-state', 'connections', 'batch', 'ping']) expect([word, text.includes(word)]).toEqual([word, false]);
	});
});
