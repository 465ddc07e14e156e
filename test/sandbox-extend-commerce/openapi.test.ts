import * as fs from 'node:fs';
import { routes } from '../../sandbox/extend-commerce/routes';
import { buildOpenApi, OPENAPI_FILE, renderOpenApi } from '../../sandbox/extend-commerce/openapi';

describe('docs/openapi.json', () => {
	const text = fs.readFileSync(OPENAPI_FILE, 'utf8');
	const doc = JSON.parse(text) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };

	it('parses as an OpenAPI 3.1 document', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
	});

	it('lists every path and method the sandbox serves, and nothing it does not', () => {
		const served = routes.map((r) => `${r.method} ${r.template}`).sort();
		const documented = Object.entries(doc.paths)
			.flatMap(([path, item]) => Object.keys(item).filter((k) => ['get', 'put', 'post', 'patch', 'delete'].includes(k)).map((m) => `${m.toUpperCase()} ${path}`))
			.sort();
		expect(documented).toEqual(served);
	});

	it('is exactly what the sandbox schemas generate (regenerate with `npx tsx sandbox/extend-commerce/openapi.ts`)', () => {
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

	it('describes the canonical product and order with every field of canonical.ts required', () => {
		const schemas = buildOpenApi().components as { schemas: Record<string, { required: string[]; additionalProperties: boolean }> };
		expect(schemas.schemas.CanonicalProduct.required).toEqual(
			expect.arrayContaining(['sourceId', 'parentSourceId', 'sku', 'name', 'price', 'stock', 'modifiedAt']),
		);
		expect(schemas.schemas.CanonicalOrder.required).toEqual(expect.arrayContaining(['sourceId', 'lines', 'totals', 'refunds']));
		expect(schemas.schemas.CanonicalOrder.additionalProperties).toBe(false);
	});
});
