/** Order → Get and Product Availability → Get Changed of the Extend Commerce node, against the sandbox back office. */
import type { INode, INodeParameters } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../../harness/run-workflow';
import { startRecordingServer } from '../../support/recording-server';
import { CONNECTION_NAME, officeSecrets } from '../../support/sync-env';
import { createExtendOrder, startReverseEnv, WAREHOUSE, type ReverseEnv } from '../../support/reverse-env';

function readWorkflow(parameters: INodeParameters, onError?: INode['onError']): WorkflowJson {
	return {
		nodes: [
			{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: '2',
				name: 'Extend Commerce',
				type: 'n8n-nodes-extend-commerce.extendCommercePush',
				typeVersion: 1,
				position: [200, 0],
				parameters: { authentication: 'extendCommerceApi', ...parameters },
				credentials: { extendCommerceApi: { id: '2', name: 'Back office' }, extendCommerceConnectionApi: { id: '1', name: 'Shop' } },
				...(onError ? { onError } : {}),
			},
		],
		connections: { Start: { main: [[{ node: 'Extend Commerce', type: 'main', index: 0 }]] } },
	};
}

describe('Extend Commerce node: reading Extend', () => {
	let env: ReverseEnv;
	beforeEach(async () => {
		env = await startReverseEnv({ products: 12, orders: 4 }, ['ELSEWHERE-1']);
		env.office.master.addWarehouses(['NORTH']);
	});
	afterEach(async () => env.close());

	it("Product Availability → Get Changed reads the connection's warehouse since a time, and hands on the latest change", async () => {
		const [a, b, c] = env.skus;
		env.office.setAvailableBalance(a, WAREHOUSE, 1);
		env.office.setAvailableBalance('ELSEWHERE-1', 'NORTH', 9);
		await new Promise((resolve) => setTimeout(resolve, 5));
		const since = new Date().toISOString();
		await new Promise((resolve) => setTimeout(resolve, 5));
		env.office.setAvailableBalance(b, WAREHOUSE, 2);
		env.office.setAvailableBalance(c, WAREHOUSE, 3.5);
		const run = await runWorkflow(readWorkflow({ resource: 'productAvailability', operation: 'getChanged', changedSince: since, warehouse: '', returnAll: true, availabilityOptions: { pageSize: 1 } }), { credentials: env.credentials });
		expect(run.status).toBe('success');
		const [rows, next] = run.outputs['Extend Commerce'];
		expect(rows.map((item) => [item.json.productNumber, item.json.warehouse, item.json.availableBalance])).toEqual([
			[b, WAREHOUSE, 2],
			[c, WAREHOUSE, 3.5],
		]);
		expect(next).toHaveLength(1);
		expect(next[0].json).toMatchObject({ resource: 'availability', connection: CONNECTION_NAME, warehouse: WAREHOUSE, cursor: rows[1].json.changed, previousCursor: since, balances: 2 });
		const requests = env.office.log.filter((entry) => /ProductAvailability/i.test(entry.path));
		expect(requests).toHaveLength(3);
		expect(requests[0].path).toContain(`warehouse=${WAREHOUSE}`);
	});

	it('with no Warehouse set, never writes a product with whichever warehouse came last: it refuses it naming the warehouses, or adds them up when told', async () => {
		const [a, b, c] = env.skus;
		env.office.setAvailableBalance(a, WAREHOUSE, 4);
		env.office.setAvailableBalance(a, 'NORTH', 2.2);
		env.office.setAvailableBalance(b, WAREHOUSE, 1);
		await new Promise((resolve) => setTimeout(resolve, 5));
		const since = new Date().toISOString();
		await new Promise((resolve) => setTimeout(resolve, 5));
		// Only NORTH's row of a changes after `since`: a read since then alone would look single-warehouse.
		env.office.setAvailableBalance(a, 'NORTH', 0.1);
		await new Promise((resolve) => setTimeout(resolve, 5));
		env.office.setAvailableBalance(c, WAREHOUSE, 3);
		const credentials = { ...env.credentials, extendCommerceConnectionApi: { ...env.credentials.extendCommerceConnectionApi, warehouse: '' } };
		const read = (options: Record<string, string>, onError?: INode['onError']) =>
			runWorkflow(readWorkflow({ resource: 'productAvailability', operation: 'getChanged', changedSince: since, warehouse: '', returnAll: true, availabilityOptions: options }, onError), { credentials });

		const stopped = await read({});
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toBe(`1 of 2 products have balances in several warehouses and no Warehouse is set — Product ${a} has balances in 2 warehouses (${WAREHOUSE}: 4, NORTH: 0.1) and no Warehouse is set`);
		expect(String(stopped.error?.description)).toContain('Set Warehouse');

		const continued = await read({}, 'continueErrorOutput');
		expect(continued.status).toBe('success');
		const outputs = continued.outputs['Extend Commerce'];
		expect(outputs[0].map((item) => [item.json.productNumber, item.json.availableBalance])).toEqual([[c, 3]]);
		expect(outputs[3].map((item) => [(item.json.error as { productNumber: string }).productNumber, (item.json.error as { warehouses: string[] }).warehouses])).toEqual([[a, [WAREHOUSE, 'NORTH']]]);
		// The refused product's change is read again next run.
		expect(Date.parse(String(outputs[1][0].json.cursor))).toBeLessThan(Date.parse(String(outputs[0][0].json.changed)));

		const added = await read({ severalWarehouses: 'addUp' });
		expect(added.status).toBe('success');
		expect(added.outputs['Extend Commerce'][0].map((item) => [item.json.productNumber, item.json.availableBalance, item.json.warehouse])).toEqual([
			[a, 4.1, `${WAREHOUSE}+NORTH`],
			[c, 3, WAREHOUSE],
		]);
	});

	it('hands on no cursor after a Limit run, and names a Changed Since that is no date', async () => {
		for (const sku of env.skus.slice(0, 4)) env.office.setAvailableBalance(sku, WAREHOUSE, 4);
		const limited = await runWorkflow(readWorkflow({ resource: 'productAvailability', operation: 'getChanged', changedSince: '', warehouse: WAREHOUSE, returnAll: false, limit: 2 }), { credentials: env.credentials });
		expect(limited.outputs['Extend Commerce'][0]).toHaveLength(2);
		expect(limited.outputs['Extend Commerce'][1]).toEqual([]);
		const bad = await runWorkflow(readWorkflow({ resource: 'productAvailability', operation: 'getChanged', changedSince: 'yesterday', warehouse: WAREHOUSE, returnAll: true }), { credentials: env.credentials });
		expect(bad.status).toBe('error');
		expect(bad.error?.message).toBe('Changed Since "yesterday" is not a date');
	});

	it('Order → Get gives the order with its shipment, and an unknown order fails the run or — continuing — only its item', async () => {
		const woo = env.store.store.orders()[0];
		const orderNumber = await createExtendOrder(env, woo.number, env.skus[0]);
		env.office.pickOrder(orderNumber, { carrier: 'DHL', trackingNumber: 'JD0146', trackingUrl: 'https://dhl.example/JD0146', deliveryDate: '2026-11-27T12:00:00Z' });
		const parameters = { resource: 'order', operation: 'get', orderNumber: '={{ $json.orderNumber }}' };
		const found = await runWorkflow(readWorkflow(parameters), { credentials: env.credentials, triggerItems: [{ json: { orderNumber } }] });
		expect(found.items('Extend Commerce')[0].json).toMatchObject({
			orderNumber,
			orderNumberExternal: woo.number,
			orderStatus: 'Picked',
			shipments: [{ carrier: 'DHL', trackingNumber: 'JD0146', trackingUrl: 'https://dhl.example/JD0146', deliveryDate: '2026-11-27T12:00:00Z' }],
			shipmentNote: 'Shipped 2026-11-27 with DHL, tracking number JD0146, https://dhl.example/JD0146',
		});

		const stopped = await runWorkflow(readWorkflow(parameters), { credentials: env.credentials, triggerItems: [{ json: { orderNumber: 'NO-SUCH-ORDER' } }] });
		expect(stopped.status).toBe('error');
		const said = JSON.stringify(stopped.error);
		for (const secret of officeSecrets(env.office)) expect(said).not.toContain(secret);

		const continued = await runWorkflow(readWorkflow(parameters, 'continueErrorOutput'), { credentials: env.credentials, triggerItems: [{ json: { orderNumber: 'NO-SUCH-ORDER' } }, { json: { orderNumber } }] });
		expect(continued.status).toBe('success');
		// n8n's error output comes after the node's own outputs (Results, Next Cursor, Rejected records).
		const outputs = continued.outputs['Extend Commerce'];
		const [ok, failed] = [outputs[0], outputs[outputs.length - 1]];
		expect(ok.map((item) => [item.json.orderNumber, item.pairedItem])).toEqual([[orderNumber, { item: 1 }]]);
		expect(failed.map((item) => [item.json.message, (item.json.error as { inputItem: number }).inputItem])).toEqual([['Order NO-SUCH-ORDER: Extend Commerce has no order NO-SUCH-ORDER', 0]]);
	});
});

describe('Extend Commerce node: balances it cannot read are never dropped', () => {
	const renamed = (n: number) => ({ ProductNumber: `P-${n}`, Warehouse: 'MAIN', AvailableBalance: n, Changed: '2026-11-28T10:00:00Z' });
	const parameters = { resource: 'productAvailability', operation: 'getChanged', changedSince: '', warehouse: 'MAIN', returnAll: true };
	const standIn = async (rows: unknown[]) => await startRecordingServer(() => ({ status: 200, body: rows }));
	const credentialsFor = (url: string) => ({ extendCommerceApi: { apiUrl: url, authMode: 'apiKey', headerName: 'x-api-key', apiKeyValue: 'key-123', ignoreSslIssues: false }, extendCommerceConnectionApi: { connectionName: 'Shop', warehouse: 'MAIN' } });

	it('fails the run, naming the field and the value, when no row has the assumed names (a wrong assumption turns the execution red)', async () => {
		const extend = await standIn([renamed(1), renamed(2)]);
		try {
			const run = await runWorkflow(readWorkflow(parameters, 'continueErrorOutput'), { credentials: credentialsFor(extend.url) });
			expect(run.status).toBe('error');
			expect(run.error?.message).toBe('2 of 2 balances could not be read — Balance 1 from Extend Commerce has no readable "productNumber": it holds nothing (the field is missing)');
			expect(String(run.error?.description)).toContain('"availableBalance"');
		} finally {
			await extend.close();
		}
	});

	it('never hands on a Changed Since past a row it could not read, under either Continue', async () => {
		const since = '2026-11-28T00:00:00Z';
		const readable = { productNumber: 'P-2', warehouse: 'MAIN', availableBalance: 3, changed: '2026-11-28T10:05:00Z' };
		const dated = await standIn([{ productNumber: 'P-1', warehouse: 'MAIN', availableBalance: null, changed: '2026-11-28T10:00:00Z' }, readable]);
		const undated = await standIn([{ productNumber: 'P-1', warehouse: 'MAIN', availableBalance: null }, readable]);
		try {
			for (const onError of ['continueRegularOutput', 'continueErrorOutput'] as const) {
				const run = await runWorkflow(readWorkflow({ ...parameters, changedSince: since }, onError), { credentials: credentialsFor(dated.url) });
				expect(run.status).toBe('success');
				expect(run.outputs['Extend Commerce'][1].map((item) => [item.json.cursor, item.json.unreadable])).toEqual([['2026-11-28T10:00:00Z', 1]]);
			}
			// Without a readable change time, the cursor stays where this run started.
			const run = await runWorkflow(readWorkflow({ ...parameters, changedSince: since }, 'continueRegularOutput'), { credentials: credentialsFor(undated.url) });
			expect(run.outputs['Extend Commerce'][1].map((item) => item.json.cursor)).toEqual(['2026-11-28T00:00:00.000Z']);
		} finally {
			await dated.close();
			await undated.close();
		}
	});

	it('sends a row it cannot read to the error output and goes on with the others', async () => {
		const extend = await standIn([{ productNumber: 'P-1', warehouse: 'MAIN', availableBalance: 3, changed: '2026-11-28T10:00:00Z' }, { productNumber: 'P-2', warehouse: 'MAIN', availableBalance: null, changed: '2026-11-28T10:01:00Z' }]);
		try {
			const run = await runWorkflow(readWorkflow(parameters, 'continueErrorOutput'), { credentials: credentialsFor(extend.url) });
			expect(run.status).toBe('success');
			const outputs = run.outputs['Extend Commerce'];
			expect(outputs[0].map((item) => item.json.productNumber)).toEqual(['P-1']);
			// n8n's error output comes after the node's own outputs (Results, Next Cursor, Rejected records).
			expect(outputs[3].map((item) => item.json.message)).toEqual(['Balance: Balance 2 from Extend Commerce has no readable "availableBalance": it holds null']);
			const stopped = await runWorkflow(readWorkflow(parameters), { credentials: credentialsFor(extend.url) });
			expect(stopped.status).toBe('error');
		} finally {
			await extend.close();
		}
	});
});
