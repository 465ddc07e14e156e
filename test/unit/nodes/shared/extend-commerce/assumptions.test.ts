import { ASSUMED_AVAILABILITY, ASSUMED_LIST, RECORD_LEVEL_STATUSES } from '../../../../../nodes/shared/extend-commerce/api';
import { ADJUSTABLE_KEYS, adjustmentJson, assumptionsFrom, DEFAULT_ASSUMPTIONS } from '../../../../../nodes/shared/extend-commerce/assumptions';
import { ExtendClient } from '../../../../../nodes/shared/extend-commerce/client';
import { checkExtendCredential } from '../../../../../nodes/shared/extend-commerce/credentialCheck';
import { pageQuery } from '../../../../../nodes/shared/extend-commerce/lists';
import { cancelOrderRows, findOrder } from '../../../../../nodes/shared/extend-commerce/orders';
import { TransportError } from '../../../../../nodes/shared/transport/errors';
import type { HttpRequest, HttpSend } from '../../../../../nodes/shared/transport/http';

function failure(adjustments: unknown): TransportError {
	try {
		assumptionsFrom(adjustments);
	} catch (error) {
		return error as TransportError;
	}
	throw new Error('expected the adjustments to be refused');
}

describe('API Adjustments', () => {
	it("defaults to today's choices when empty", () => {
		for (const empty of [undefined, null, '', '  ', '{}', {}]) expect(assumptionsFrom(empty)).toEqual(DEFAULT_ASSUMPTIONS);
		expect(DEFAULT_ASSUMPTIONS.list).toMatchObject({ page: ASSUMED_LIST.page, pageSize: ASSUMED_LIST.pageSize, firstPage: 1, maxPageSize: 100, paging: 'pageNumber' });
		expect(DEFAULT_ASSUMPTIONS.order).not.toHaveProperty('duplicateStatuses');
		expect(DEFAULT_ASSUMPTIONS.availability).toEqual(ASSUMED_AVAILABILITY);
		expect(DEFAULT_ASSUMPTIONS.errors.recordLevelStatuses).toEqual(RECORD_LEVEL_STATUSES);
		expect(DEFAULT_ASSUMPTIONS.product.path).toBe('Products/{productNumber}');
		expect(DEFAULT_ASSUMPTIONS.order.updatePath).toBe('customerorders/{orderNumber}');
	});

	it('lays the given keys over the defaults, from JSON text or an object, and leaves the defaults alone', () => {
		const adjusted = assumptionsFrom('{"list": {"page": "pageNo", "paging": "offset"}, "errors": {"recordLevelStatuses": [400, 422]}, "availability": {"available": "available"}, "product": {"fields": {"vatPercent": "vatRate"}}}');
		expect(adjusted.list).toMatchObject({ page: 'pageNo', paging: 'offset', pageSize: 'pageSize' });
		expect(adjusted.errors.recordLevelStatuses).toEqual([400, 422]);
		expect(adjusted.availability.available).toBe('available');
		expect(adjusted.product.fields.vatPercent).toBe('vatRate');
		expect(adjusted.product.fields.name).toBe('name');
		expect(DEFAULT_ASSUMPTIONS.list.page).toBe('page');
		expect(assumptionsFrom({ rateLimit: { remaining: 'x-rate-left' } }).rateLimit).toEqual({ remaining: 'x-rate-left', reset: 'x-ratelimit-reset' });
	});

	it('names the key, what it allows and the default of a wrong value', () => {
		const wrong = failure({ list: { pageSize: 'page size' } });
		expect(wrong.message).toBe('API Adjustments: "list.pageSize" must be a text without spaces, e.g. "pageNo", got "page size"');
		expect(wrong.description).toContain('the default is "pageSize"');
		expect(failure({ errors: { recordLevelStatuses: 409 } }).message).toBe('API Adjustments: "errors.recordLevelStatuses" must be a list of HTTP statuses from 400 to 599, e.g. [400, 409], got 409');
		expect(failure({ errors: { recordLevelStatuses: 409 } }).description).toContain('the default is [400,409,422]');
		// How a duplicate is answered needs no adjustment: the create looks the order up again after any refusal.
		expect(failure({ order: { duplicateStatuses: [400] } }).message).toContain('order.duplicateStatuses');
		expect(failure({ order: { updateMethod: 'DELETE' } }).message).toBe('API Adjustments: "order.updateMethod" must be one of "PUT", "PATCH", "POST", got "DELETE"');
		expect(failure({ product: { path: 'Items' } }).message).toBe('API Adjustments: "product.path" must be a path under the API URL containing {productNumber}, e.g. "Items/{productNumber}", got "Items"');
		expect(failure({ list: { maxPageSize: 0 } }).description).toContain('the default is 100');
	});

	it('names an unknown key with the keys there are', () => {
		expect(failure({ list: { perPage: 'x' } }).message).toBe('API Adjustments: there is no key "list.perPage"');
		expect(failure({ list: { perPage: 'x' } }).description).toContain('"page", "pageSize"');
		expect(failure({ lists: {} }).message).toBe('API Adjustments: there is no key "lists"');
		expect(failure({ list: 'pageNo' }).message).toBe('API Adjustments: "list" must be a JSON object of its keys, got "pageNo"');
	});

	it('refuses what Extend documents', () => {
		const documented = failure({ paths: { customerOrders: 'Orders' } });
		expect(documented.message).toBe('API Adjustments: "paths.customerOrders" cannot be adjusted, because Extend documents it (the method name CustomerOrders (Best Practice page))');
		expect(failure({ order: { inactiveRowOperation: 'Cancelled' } }).message).toContain('"order.inactiveRowOperation" cannot be adjusted, because Extend documents it');
		expect(failure({ rateLimit: { limit: 'x-limit' } }).message).toContain('"rateLimit.limit" cannot be adjusted');
		expect(failure({ paths: {} }).message).toContain('"paths" cannot be adjusted');
	});

	it('refuses JSON that is no object', () => {
		expect(failure('{list:').message).toBe('API Adjustments is not valid JSON');
		expect(failure('[1]').message).toBe('API Adjustments must be a JSON object, got [1]');
		expect(failure({ list: { paging: 'offset', firstPage: 0 } }).message).toBe('API Adjustments: "list.firstPage" only applies to page-number paging');
	});

	it('every adjustable key has a default and describes itself', () => {
		expect(Object.keys(ADJUSTABLE_KEYS)).toEqual(expect.arrayContaining(['list.pageSize', 'order.updateMethod']));
		for (const [key, spec] of Object.entries(ADJUSTABLE_KEYS)) {
			expect(key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], DEFAULT_ASSUMPTIONS)).toBeDefined();
			expect(spec.means.length).toBeGreaterThan(10);
		}
	});

	it('writes a suggestion as nested JSON', () => {
		expect(adjustmentJson({ 'list.page': 'p', 'list.pageSize': 'n', 'order.updateMethod': 'PATCH' })).toEqual({ list: { page: 'p', pageSize: 'n' }, order: { updateMethod: 'PATCH' } });
	});

	it('pages by number or by offset', () => {
		expect(pageQuery(DEFAULT_ASSUMPTIONS.list, 2, 50)).toEqual({ page: 3, pageSize: 50 });
		expect(pageQuery({ ...DEFAULT_ASSUMPTIONS.list, paging: 'offset', page: 'skip', pageSize: 'take' }, 2, 50)).toEqual({ skip: 100, take: 50 });
		expect(pageQuery({ ...DEFAULT_ASSUMPTIONS.list, firstPage: 0 }, 0, 5)).toEqual({ page: 0, pageSize: 5 });
	});
});

describe('the adjusted assumptions reach the client', () => {
	const requests: HttpRequest[] = [];
	const send: HttpSend = async (request) => {
		requests.push(request);
		return { status: 400, headers: { 'content-type': 'application/json', 'x-left': '0', 'x-wait': '30' }, text: '{"message":"duplicate"}' };
	};

	it('reads record-level statuses and rate-limit headers from the adjustments', async () => {
		const client = new ExtendClient(send, { apiUrl: 'https://api.example.com/t/api', credentialHint: 'the API key', secrets: [], apiAdjustments: '{"errors": {"recordLevelStatuses": [422]}, "rateLimit": {"remaining": "x-left", "reset": "x-wait"}}' }, { retryPolicy: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
		expect(client.assumptions.errors.recordLevelStatuses).toEqual([422]);
		const refused = (await client.post('CustomerOrders', {}).catch((error: unknown) => error)) as TransportError;
		// 400 is not record-level with these adjustments: it refuses the run, not the record.
		expect(refused.code).not.toBe('record_refused');
		// The renamed headers were read: the bucket knows it has nothing left.
		expect(client.pacer.state('POST customerorders').remaining).toBe(0);
	});

	it('a wrong adjustment fails the credential test with the key named', async () => {
		const result = await checkExtendCredential(send, { apiUrl: 'https://api.example.com/t/api', credentialHint: '', secrets: [], apiAdjustments: '{"list": {"page": 1}}' });
		expect(result.ok).toBe(false);
		expect(result.message).toContain('"list.page" must be a text without spaces');
		expect(result.message).toContain('the default is "page"');
	});
});

describe('the adjusted order update and lookup', () => {
	function tenant(answers: Record<string, unknown>): { send: HttpSend; requests: HttpRequest[] } {
		const requests: HttpRequest[] = [];
		const send: HttpSend = async (request) => {
			requests.push(request);
			const path = new URL(request.url).pathname.replace('/t/api/', '');
			const body = request.method === 'GET' ? answers[path] : {};
			return { status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body ?? {}) };
		};
		return { send, requests };
	}
	const adjustments = {
		order: { updateMethod: 'PATCH', updatePath: 'orders/{orderNumber}/rows', extendNumberField: 'orderNo', externalNumberField: 'externalOrderNo' },
		orderDetail: { status: 'state', cancelledStatus: 'Void' },
		list: { paging: 'offset', page: 'skip', pageSize: 'take', orderNumberExternal: 'externalOrderNumber', arrayFields: ['records'] },
	};
	const clientOf = (send: HttpSend) => new ExtendClient(send, { apiUrl: 'https://api.example.com/t/api', credentialHint: '', secrets: [], apiAdjustments: adjustments });
	const rows = [{ product: { productNumber: 'MUG' }, externalRow: { externalPosition: 7 }, warehouse: 'MAIN' }];

	it('cancels rows with the adjusted verb and path, and not at all when the adjusted status says cancelled', async () => {
		const open = tenant({ 'customerorders/100001': { orderNo: '100001', state: 'Open', orderRows: rows } });
		expect(await cancelOrderRows(clientOf(open.send), '100001', 'MAIN', [])).toBe(true);
		expect(open.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(['GET /t/api/customerorders/100001', 'PATCH /t/api/orders/100001/rows']);
		expect(open.requests[1].body).toEqual({ orderRows: [{ product: { productNumber: 'MUG' }, externalRow: { externalPosition: 7 }, warehouse: 'MAIN', rowOperation: 'Inactive' }] });
		const voided = tenant({ 'customerorders/100001': { orderNo: '100001', state: 'Void', orderRows: rows } });
		expect(await cancelOrderRows(clientOf(voided.send), '100001', 'MAIN', [])).toBe(false);
		expect(voided.requests).toHaveLength(1);
	});

	it('looks an order up with the adjusted parameter, paging, envelope and fields', async () => {
		const lookup = tenant({ CustomerOrders: { records: [{ orderNo: '100002', externalOrderNo: 'WEB-7' }] } });
		expect(await findOrder(clientOf(lookup.send), 'WEB-7')).toEqual({ orderNumber: '100002', record: { orderNo: '100002', externalOrderNo: 'WEB-7' } });
		expect(new URL(lookup.requests[0].url).search).toBe('?externalOrderNumber=WEB-7&skip=0&take=10');
	});
});
