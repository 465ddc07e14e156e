import { readFileSync } from 'node:fs';
import path from 'node:path';

import { startRecordingServer } from '../support/recording-server';
import { fetchWorkflow } from '../support/sync-env';
import { runWorkflow } from './run-workflow';

const capture = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/woocommerce/real-10.0.2/orders_list_page1.json'), 'utf8')) as { body: Array<Record<string, unknown>> };

describe('the workflow harness', () => {
	it('runs a package node through WorkflowExecute against a real HTTP server and returns its items', async () => {
		const orders: Array<Record<string, unknown>> = capture.body.map((order, index) => ({ ...order, id: 1000 + index, date_modified_gmt: '2025-06-01T12:00:00' }));
		const server = await startRecordingServer((request) => {
			const full = request.query.get('_fields') === 'id';
			return { status: 200, headers: { 'X-WP-Total': String(orders.length), 'X-WP-TotalPages': '1' }, body: full ? [{ id: orders[0].id }] : orders };
		});
		try {
			const result = await runWorkflow(fetchWorkflow({ resource: 'order', since: 'date', sinceDate: '2025-01-01T00:00:00Z', options: { settleSeconds: 0 } }), {
				credentials: {
					extendCommerceConnectionApi: {
						connectionName: 'Harness Shop',
						accessToken: 'ck_harness',
						secret: 'cs_harness_secret',
						apiUrl: `${server.url}/wp-json/wc/v3/`,
						orderStart: '2025-01-01T00:00:00Z',
						authMode: 'basic',
					},
				},
			});

			expect(result.error).toBeUndefined();
			expect(result.status).toBe('success');
			const items = result.items('WooCommerce Fetch');
			expect(items.map((item) => item.json.id)).toEqual(orders.map((order) => order.id));
			expect(items[0].json.billing).toEqual(orders[0].billing);
			expect(items.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);

			const listRequest = server.requests.find((request) => request.query.get('page') === '1' && request.query.get('per_page') === '100');
			expect(listRequest).toBeDefined();
			expect(listRequest?.method).toBe('GET');
			expect(listRequest?.path).toBe('/wp-json/wc/v3/orders');
			expect(listRequest?.headers.authorization).toBe(`Basic ${Buffer.from('ck_harness:cs_harness_secret').toString('base64')}`);
			expect(Object.fromEntries(listRequest?.query ?? [])).toMatchObject({
				modified_after: '2024-12-31T23:59:59',
				dates_are_gmt: 'true',
				orderby: 'id',
				order: 'asc',
				status: 'any',
			});
		} finally {
			await server.close();
		}
	});
});
