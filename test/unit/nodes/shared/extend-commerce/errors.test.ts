import { describeExtendFailure, extendMessageOf, isNotFound, isRecordRefusal } from '../../../../../nodes/shared/extend-commerce/errors';

const request = { method: 'POST' as const, url: 'https://api.example.com/tenant/api/CustomerOrders?x=1' };
const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body) });

describe('describeExtendFailure', () => {
	it('a record-level refusal keeps Extend\'s words, as one sentence and a fix', () => {
		const error = describeExtendFailure(json(422, { message: 'Unknown product number X-1.' }), request, 'the API key');
		expect(error.message).toBe('Extend Commerce refused the record (HTTP 422): Unknown product number X-1.');
		expect(error.detail).toBe('Unknown product number X-1.');
		expect(isRecordRefusal(error)).toBe(true);
	});

	it.each([
		[json(401, { error: 'invalid key' }), /^Extend Commerce did not accept the credential \(HTTP 401\): invalid key\.$/, /^Check the API key\.$/],
		[json(403, {}), /^The Extend Commerce Back Office credential may not do this: POST \/tenant\/api\/CustomerOrders \(HTTP 403\)\.$/, /administrator/],
		[{ status: 404, headers: { 'content-type': 'text/html' }, text: '<html>Not here</html>' }, /^Nothing at the API URL answers like Extend Commerce/, /API URL/],
		[json(429, {}), /too many requests/, /Requests in Flight/],
		[{ status: 502, headers: { 'content-type': 'text/html' }, text: '<html><title>Bad gateway</title></html>' }, /^Extend Commerce had a server error \(HTTP 502\)\.$/, /saved no cursor/],
	])('words a systemic answer (%#)', (response, message, description) => {
		const error = describeExtendFailure(response, request, 'the API key');
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(description);
		expect(`${error.message} ${error.description}`).not.toMatch(/\.\./);
		expect(isRecordRefusal(error)).toBe(false);
	});

	it('tells a missing record (JSON 404) from a wrong address', () => {
		expect(isNotFound(describeExtendFailure(json(404, { message: 'No product P-1' }), request, ''))).toBe(true);
		expect(isNotFound(describeExtendFailure({ status: 404, headers: {}, text: '<html></html>' }, request, ''))).toBe(false);
	});

	it('a 404 points at the API URL of the Extend Commerce Back Office credential, as the editor names it', () => {
		expect(describeExtendFailure(json(404, { message: 'No product P-1' }), request, '').description).toMatch(/^Check the API URL in the Extend Commerce Back Office credential \(/);
		expect(describeExtendFailure({ status: 404, headers: {}, text: '<html></html>' }, request, '').description).toMatch(/^Check the API URL in the Extend Commerce Back Office credential: /);
	});
});

describe('extendMessageOf', () => {
	it.each([
		[{ message: 'a' }, 'a'],
		[{ Message: 'b' }, 'b'],
		[{ title: 'Validation failed', errors: { 'orderRows[0].unit': ['unknown unit XX'] } }, 'Validation failed'],
		[{ errors: { 'orderRows[0].unit': ['unknown unit XX'] } }, 'orderRows[0].unit: unknown unit XX'],
		[['first', 'second'], 'first; second'],
	])('reads %j', (body, said) => {
		expect(extendMessageOf({ text: JSON.stringify(body), headers: {} })).toBe(said);
	});

	it('takes short plain text as it is and ignores HTML', () => {
		expect(extendMessageOf({ text: 'Customer 12 is blocked', headers: {} })).toBe('Customer 12 is blocked');
		expect(extendMessageOf({ text: '<!DOCTYPE html><p>x</p>', headers: {} })).toBeUndefined();
	});
});
