import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import * as nodeApi from '../../nodes/shared/extend-commerce/api';
import {
	CUSTOMER_ORDER_MODEL,
	DOCUMENTED_INACTIVE_ROW,
	DOCUMENTED_LIMIT_HEADER,
	DOCUMENTED_PATHS,
	DOCUMENTED_SIGNATURE_HEADER,
	DOCUMENTED_WEBHOOK_EVENTS,
} from '../../sandbox/extend-commerce/documented';
import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { call, orderBody } from './helpers';

const SANDBOX = path.join(__dirname, '../../sandbox/extend-commerce');

/** What the sandbox may take from the node: only what Extend does not document (one choice, shared). */
const ASSUMED_ONLY = new Set(['ASSUMED_LIST', 'ASSUMED_ORDER', 'ASSUMED_ORDER_DETAIL', 'ASSUMED_AVAILABILITY', 'RATE_LIMIT_HEADERS', 'EXTEND_PATHS', 'WEBHOOK_DETAIL_FIELDS']);

describe('the sandbox keeps its own copy of what Extend documents', () => {
	it('imports from the node\'s api.ts only assumptions, never the documented events, signature header, paths or order model', () => {
		const imported: string[] = [];
		for (const file of readdirSync(SANDBOX).filter((name) => name.endsWith('.ts'))) {
			const text = readFileSync(path.join(SANDBOX, file), 'utf8');
			for (const match of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'[./]*nodes\/shared\/extend-commerce\/api'/g)) {
				imported.push(...match[1].split(',').map((name) => `${file}: ${name.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]}`).filter((entry) => !entry.endsWith(': ')));
			}
			expect(text).not.toMatch(/export (type )?\{[^}]*\}\s+from\s+'[./]*nodes\/shared\/extend-commerce\/api'/);
		}
		expect(imported.filter((entry) => !ASSUMED_ONLY.has(entry.split(': ')[1]))).toEqual([]);
		// The assumed product path is the only one routes.ts takes from the node.
		expect(readFileSync(path.join(SANDBOX, 'routes.ts'), 'utf8').match(/EXTEND_PATHS\.\w+/g)?.every((use) => use === 'EXTEND_PATHS.product')).toBe(true);
	});

	it('serves the documented methods, limit header and row operation from its own copy', async () => {
		const office: BackOffice = await startBackOffice({ master: { products: ['TEE-BLUE'] } });
		try {
			const created = await call(office, 'POST', `/${DOCUMENTED_PATHS.customerOrders}`, { body: orderBody('W-1') });
			expect(created.status).toBe(201);
			expect(created.headers.get(DOCUMENTED_LIMIT_HEADER)).toBe('300');
			expect((await call(office, 'GET', `/${DOCUMENTED_PATHS.customerOrder(created.body.orderNumber)}`)).status).toBe(200);
			expect((await call(office, 'GET', `/${DOCUMENTED_PATHS.productAvailability}`)).status).toBe(200);
			const row = { ...orderBody('W-1').orderRows[0], rowOperation: DOCUMENTED_INACTIVE_ROW };
			expect((await call(office, 'PUT', `/${DOCUMENTED_PATHS.customerOrder(created.body.orderNumber)}`, { body: { orderRows: [row] } })).body.status).toBe('Cancelled');
		} finally {
			await office.close();
		}
	});

	it('has the 18 events of the Webhooks page, the ms-signature header and the required order fields of the samples', () => {
		expect(DOCUMENTED_WEBHOOK_EVENTS).toHaveLength(18);
		expect(new Set(DOCUMENTED_WEBHOOK_EVENTS).size).toBe(18);
		expect(DOCUMENTED_SIGNATURE_HEADER).toBe('ms-signature');
		const required = Object.entries(CUSTOMER_ORDER_MODEL).flatMap(([at, fields]) => Object.entries(fields).filter(([, rule]) => 'required' in rule && rule.required).map(([name]) => `${at}.${name}`));
		expect(required).toEqual(['orderHeader.orderType', 'orderHeader.orderNumberExternal', 'orderHeader.customerNumber', 'orderRows.product', 'orderRows.salesData', 'orderRows.product.productNumber', 'orderRows.salesData.quantity']);
	});

	// The node's own copy must agree with the sandbox's; a slip in either fails here as well as in
	// the node's workflow tests against the sandbox.
	it('agrees with the node\'s documented constants', () => {
		expect([...nodeApi.WEBHOOK_EVENTS]).toEqual([...DOCUMENTED_WEBHOOK_EVENTS]);
		expect(nodeApi.WEBHOOK_SIGNATURE_HEADER).toBe(DOCUMENTED_SIGNATURE_HEADER);
		expect(nodeApi.RATE_LIMIT_HEADERS.limit).toBe(DOCUMENTED_LIMIT_HEADER);
		expect(nodeApi.ASSUMED_ORDER.inactiveRowOperation).toBe(DOCUMENTED_INACTIVE_ROW);
		expect([nodeApi.EXTEND_PATHS.customerOrders, nodeApi.EXTEND_PATHS.customerOrder('A/1'), nodeApi.EXTEND_PATHS.productAvailability]).toEqual([
			DOCUMENTED_PATHS.customerOrders,
			DOCUMENTED_PATHS.customerOrder('A/1'),
			DOCUMENTED_PATHS.productAvailability,
		]);
	});
});
