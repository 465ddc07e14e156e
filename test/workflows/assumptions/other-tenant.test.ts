/**
 * A tenant that chose differently wherever Extend publishes nothing (the sandbox back office with
 * other choices): with the fitting API Adjustments in the credential the push and the reads work;
 * without them, Back Office API → Check Assumptions names exactly what differs, and never writes.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { BackOffice } from '../../../sandbox/extend-commerce';
import { runWorkflow, type RunResult, type WorkflowJson } from '../../harness/run-workflow';
import { OTHER_ADJUSTMENTS, OTHER_CHOICES } from '../../support/other-tenant';
import { officeCredential, officeCredentialType, type OfficeAuth } from '../../support/sync-env';
import { capturedOrders, outputsOf, pushCredentials, pushWorkflow, skusOf, startOffice, WAREHOUSE } from '../push/helpers';

const NODE = 'Extend Commerce';

function nodeWorkflow(parameters: INodeParameters, auth: OfficeAuth = 'apiKey'): WorkflowJson {
	const type = officeCredentialType(auth);
	return {
		nodes: [
			{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: '2',
				name: NODE,
				type: 'n8n-nodes-extend-commerce.extendCommercePush',
				typeVersion: 1,
				position: [200, 0],
				parameters: { authentication: type, ...parameters },
				credentials: { [type]: { id: '2', name: 'Back office' } },
			},
		],
		connections: { Start: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
	};
}

function office(backOffice: BackOffice, adjustments: unknown, auth: OfficeAuth = 'apiKey'): Record<string, ICredentialDataDecryptedObject> {
	return { [officeCredentialType(auth)]: { ...officeCredential(backOffice, auth), apiAdjustments: adjustments === undefined ? '{}' : JSON.stringify(adjustments) } };
}

async function runCheck(backOffice: BackOffice, adjustments: unknown, auth: OfficeAuth = 'apiKey'): Promise<{ run: RunResult; findings: IDataObject[]; suggestion: IDataObject }> {
	const run = await runWorkflow(nodeWorkflow({ resource: 'backOfficeApi', operation: 'checkAssumptions' }, auth), { credentials: office(backOffice, adjustments, auth) });
	expect(run.error).toBeUndefined();
	const items = run.items(NODE).map((item) => item.json);
	return { run, findings: items.slice(0, -1), suggestion: items[items.length - 1] };
}

const keysWith = (findings: IDataObject[], result: string): string[] => findings.filter((finding) => finding.result === result).map((finding) => String(finding.key)).sort();

/** What OTHER_CHOICES changes that a read can see; the duplicate answer only a write would show. */
const CONTRADICTED = [
	'availability.available',
	'availability.changed',
	'availability.productNumber',
	'availability.warehouse',
	'list.arrayFields',
	'list.changedSince',
	'list.orderNumberExternal',
	'list.page',
	'list.pageSize',
	'list.paging',
	'list.productNumbers',
	'list.warehouse',
	'order.extendNumberField',
	'order.externalNumberField',
	'orderDetail.status',
];
const NOT_CHECKABLE = ['errors.recordLevelStatuses', 'order.updateMethod', 'order.updatePath'];

describe('a tenant with other choices', () => {
	const orders = capturedOrders().filter((order) => order.status !== 'cancelled');
	let backOffice: BackOffice;

	beforeEach(async () => {
		backOffice = await startOffice(skusOf(orders), { choices: OTHER_CHOICES, master: { warehouses: [WAREHOUSE, 'NORTH'] } });
	});
	afterEach(async () => backOffice.close());

	async function pushOrders(adjustments: unknown): Promise<RunResult> {
		const credentials = { ...pushCredentials(backOffice), ...office(backOffice, adjustments) };
		return await runWorkflow(pushWorkflow({ resource: 'order', items: orders, parameters: { statusesToSend: ['pending', 'processing', 'on-hold', 'completed', 'refunded', 'failed'] } }), {
			credentials,
			triggerItems: orders.map((json) => ({ json })),
		});
	}

	async function seedBalances(): Promise<void> {
		const [a, b] = skusOf(orders);
		backOffice.setAvailableBalance(a, WAREHOUSE, 3);
		backOffice.setAvailableBalance(b, WAREHOUSE, 4.5);
		backOffice.setAvailableBalance(a, 'NORTH', 7);
	}

	it('without adjustments the check reports exactly what the tenant chose otherwise, and the fitting adjustments; it makes only GET requests', async () => {
		expect(orders.length).toBeGreaterThan(0);
		expect(outputsOf(await pushOrders(OTHER_ADJUSTMENTS)).results.map((result) => result.outcome)).toEqual(orders.map(() => 'created'));
		await seedBalances();
		const before = backOffice.log.length;
		const { run, findings, suggestion } = await runCheck(backOffice, undefined);
		expect(keysWith(findings, 'contradicted')).toEqual(CONTRADICTED);
		expect(keysWith(findings, 'notCheckable')).toEqual(NOT_CHECKABLE);
		expect(findings.find((finding) => finding.key === 'list.pageSize')).toMatchObject({ assumed: 'pageSize', adjustment: { list: { pageSize: 'take' } } });
		expect(findings.find((finding) => finding.key === 'availability.available')?.evidence).toBe('The first balance row has no field "availableBalance"; it has "available" (fields: productNo, stockPlace, available, lastChanged).');
		// The duplicate answer only a write would show.
		const readableOrder = { extendNumberField: OTHER_ADJUSTMENTS.order.extendNumberField, externalNumberField: OTHER_ADJUSTMENTS.order.externalNumberField };
		expect(suggestion).toMatchObject({ result: 'adjust', apiAdjustments: { ...OTHER_ADJUSTMENTS, order: readableOrder } });
		expect(suggestion.apiAdjustments).toEqual({ ...OTHER_ADJUSTMENTS, order: readableOrder });
		const requests = backOffice.log.slice(before);
		expect(requests.length).toBeGreaterThan(10);
		expect(requests.filter((entry) => entry.method !== 'GET')).toEqual([]);
		expect(JSON.stringify(run.run.data.resultData)).not.toContain(backOffice.credentials.apiKey.value);
	});

	it('with the fitting adjustments (either credential) the check contradicts nothing, and confirms the delivery and cancelled-status names once an order has them', async () => {
		await pushOrders(OTHER_ADJUSTMENTS);
		await seedBalances();
		const [first, second] = backOffice.data.orders();
		backOffice.pickOrder(first.orderNumber, { carrier: 'DHL', trackingNumber: 'JD1', trackingUrl: 'https://dhl.example/JD1' });
		backOffice.cancelOrder(second.orderNumber);
		for (const auth of ['apiKey', 'oauth2'] as const) {
			const { findings, suggestion } = await runCheck(backOffice, OTHER_ADJUSTMENTS, auth);
			expect(keysWith(findings, 'contradicted')).toEqual([]);
			expect(keysWith(findings, 'confirmed')).toEqual(expect.arrayContaining([...CONTRADICTED, 'orderDetail.cancelledStatus', 'orderDetail.carrier', 'orderDetail.trackingNumber', 'list.maxPageSize', 'product.path', 'rateLimit.remaining']));
			expect(suggestion).toMatchObject({ result: 'keep', apiAdjustments: OTHER_ADJUSTMENTS });
		}
	});

	it('the push needs the adjustments: with them a second run finds every order; without them the duplicates are refused', async () => {
		const first = outputsOf(await pushOrders(OTHER_ADJUSTMENTS));
		expect(first.results.map((result) => result.outcome)).toEqual(orders.map(() => 'created'));
		const again = outputsOf(await pushOrders(OTHER_ADJUSTMENTS));
		expect(again.results.map((result) => result.outcome)).toEqual(orders.map(() => 'unchanged'));
		expect(backOffice.data.orders()).toHaveLength(orders.length);
		// Without: the lookup ignores the tenant's envelope and its parameter, and its duplicate answer 400 reads as a refusal.
		const without = outputsOf(await pushOrders(undefined));
		expect(without.results).toEqual([]);
		expect(without.rejected.map((refused) => [refused.wooCommerceId, refused.outcome, refused.extendStatus])).toEqual(orders.map((order) => [String(order.id), 'rejected', 400]));
		expect(backOffice.data.orders()).toHaveLength(orders.length);
	});

	it('the reads need the adjustments: balances page by offset under the tenant\'s names, the order detail gives its status', async () => {
		await pushOrders(OTHER_ADJUSTMENTS);
		await seedBalances();
		const read = { resource: 'productAvailability', operation: 'getChanged', changedSince: '', warehouse: WAREHOUSE, returnAll: true, availabilityOptions: { pageSize: 1 } };
		const balances = await runWorkflow(nodeWorkflow(read), { credentials: office(backOffice, OTHER_ADJUSTMENTS) });
		expect(balances.error).toBeUndefined();
		const [a, b] = skusOf(orders);
		expect(balances.items(NODE).map((item) => [item.json.productNumber, item.json.warehouse, item.json.availableBalance]).sort()).toEqual([
			[a, WAREHOUSE, 3],
			[b, WAREHOUSE, 4.5],
		].sort());
		const without = await runWorkflow(nodeWorkflow(read), { credentials: office(backOffice, undefined) });
		expect(without.status).toBe('error');

		const order = backOffice.data.orders()[0];
		backOffice.cancelOrder(order.orderNumber);
		const detail = await runWorkflow(nodeWorkflow({ resource: 'order', operation: 'get', orderNumber: order.orderNumber }), { credentials: office(backOffice, OTHER_ADJUSTMENTS) });
		expect(detail.items(NODE)[0].json).toMatchObject({ orderNumber: order.orderNumber, orderNumberExternal: order.orderNumberExternal, orderStatus: 'Cancelled' });
	});

	it("a tenant that chose as the package assumes contradicts nothing", async () => {
		const usual = await startOffice(skusOf(orders), { master: { warehouses: [WAREHOUSE, 'NORTH'] } });
		try {
			await runWorkflow(pushWorkflow({ resource: 'order', items: orders, parameters: { statusesToSend: ['pending', 'processing', 'on-hold', 'completed', 'refunded', 'failed'] } }), { credentials: pushCredentials(usual), triggerItems: orders.map((json) => ({ json })) });
			const [a, b] = skusOf(orders);
			usual.setAvailableBalance(a, WAREHOUSE, 1);
			usual.setAvailableBalance(b, 'NORTH', 2);
			const { findings, suggestion } = await runCheck(usual, undefined);
			expect(keysWith(findings, 'contradicted')).toEqual([]);
			expect(keysWith(findings, 'confirmed')).toEqual(expect.arrayContaining(CONTRADICTED));
			expect(suggestion).toMatchObject({ result: 'keep', apiAdjustments: {} });
		} finally {
			await usual.close();
		}
	});

	it('a refused credential fails the check: nothing to report on', async () => {
		const credentials = office(backOffice, undefined);
		credentials.extendCommerceApi = { ...credentials.extendCommerceApi, apiKeyValue: 'not-the-key' };
		const run = await runWorkflow(nodeWorkflow({ resource: 'backOfficeApi', operation: 'checkAssumptions' }), { credentials });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('HTTP 401');
		expect(JSON.stringify(run.run.data.resultData)).not.toContain('not-the-key');
	});

	it('a wrong adjustment fails the run naming the key, its allowed values and its default', async () => {
		const run = await runWorkflow(nodeWorkflow({ resource: 'backOfficeApi', operation: 'checkAssumptions' }), { credentials: office(backOffice, { list: { paging: 'cursor' } }) });
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('API Adjustments: "list.paging" must be one of "pageNumber", "offset", got "cursor"');
		expect((run.error as unknown as { description?: string }).description).toContain('the default is "pageNumber"');
		expect(backOffice.log).toEqual([]);
	});
});
