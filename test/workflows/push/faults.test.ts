import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { BackOffice } from '../../../sandbox/extend-commerce';
import { officeCredential, officeSecrets } from '../../support/sync-env';
import { capturedOrders, everythingSaid, outputsOf, PUSH, pushCredentials, runPush, skusOf, startOffice } from './helpers';

const orders = capturedOrders().filter((o) => o.status === 'processing');

describe('systemic faults fail the execution with n8n\'s default On Error, in words, hand on no cursor, leak no secret', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startOffice(skusOf(orders));
	});
	afterEach(async () => {
		await office.close();
	});

	async function failingRun(credentials: Record<string, ICredentialDataDecryptedObject>, options: Record<string, unknown> = {}) {
		const result = await runPush(office, { resource: 'order', items: orders, parameters: { options: { retries: 1, ...options } } }, { credentials });
		expect(result.status).toBe('error');
		expect(outputsOf(result).nextCursor).toHaveLength(0);
		expect(outputsOf(result).rejected).toHaveLength(0);
		const said = everythingSaid(result);
		for (const secret of officeSecrets(office)) expect(said).not.toContain(secret);
		const error = result.error as unknown as { message: string; description: string };
		// One sentence what is wrong, one what to do; never a doubled period.
		expect(`${error.message} ${error.description}`).not.toMatch(/\.\./);
		return error;
	}

	const withOffice = (overrides: ICredentialDataDecryptedObject) => ({ ...pushCredentials(office), extendCommerceApi: { ...officeCredential(office), ...overrides } });

	it('401: a refused API key', async () => {
		const error = await failingRun(withOffice({ apiKeyValue: 'not-the-key-4711' }));
		expect(error.message).toMatch(/^Extend Commerce did not accept the credential \(HTTP 401\)/);
		expect(error.description).toBe('Check the header name and API key in the Extend Commerce Back Office credential.');
	});

	it('401: a client secret the OAuth2 token URL refuses', async () => {
		const credentials = { ...pushCredentials(office, 'oauth2'), extendCommerceOAuth2Api: { ...officeCredential(office, 'oauth2'), clientSecret: 'not-the-secret-4711' } };
		const result = await runPush(office, { resource: 'order', items: orders, auth: 'oauth2' }, { credentials });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Extend Commerce did not accept the credential (HTTP 401): the token URL did not issue a token for this client.');
		expect((result.error as unknown as { description: string }).description).toBe('Check the Client ID, Client Secret and Access Token URL in the Extend Commerce Back Office OAuth2 credential.');
		expect(everythingSaid(result)).not.toContain('not-the-secret-4711');
	});

	it('403: a principal without write rights', async () => {
		const credentials = { ...pushCredentials(office), extendCommerceApi: officeCredential(office, 'apiKey', 'readOnly') };
		const error = await failingRun(credentials);
		expect(error.message).toMatch(/^The Extend Commerce Back Office credential may not do this: POST \/demo-tenant\/api\/CustomerOrders \(HTTP 403\)/);
		expect(error.description).toMatch(/rights for orders and products/);
	});

	it('404: an API URL without the tenant\'s path prefix', async () => {
		const error = await failingRun(withOffice({ apiUrl: office.origin }));
		// The sandbox's page for an unknown path answers JSON on one n8n line and is read as a page on the other: both words name the API URL.
		expect(error.message).toMatch(/^(Extend Commerce found nothing at|Nothing at the API URL answers like Extend Commerce:) GET \/CustomerOrders \(HTTP 404\)/);
		expect(error.description).toMatch(/including any path after the host/);
	});

	it('5xx after every retry', async () => {
		office.faults.add({ kind: 'status', status: 503 });
		const error = await failingRun(withOffice({}));
		expect(error.message).toMatch(/^Extend Commerce had a server error \(HTTP 503\)/);
		expect(error.description).toMatch(/saved no cursor/);
	});

	it('an HTML 502 from a proxy', async () => {
		office.faults.add({ kind: 'html502' });
		const error = await failingRun(withOffice({}));
		expect(error.message).toMatch(/^Extend Commerce had a server error \(HTTP 502\)\.$/);
	});

	it('a timeout', async () => {
		office.faults.add({ kind: 'hang' });
		const error = await failingRun(withOffice({}), { retries: 0, timeoutSeconds: 1 });
		expect(error.message).toMatch(/^Extend Commerce did not answer in time/);
	});

	it('a refused connection and an unknown host', async () => {
		const refused = await failingRun(withOffice({ apiUrl: 'http://127.0.0.1:1/tenant/api' }), { retries: 0 });
		expect(refused.message).toMatch(/^Extend Commerce refused the connection/);
		const unknown = await failingRun(withOffice({ apiUrl: 'https://extend-commerce.invalid/tenant/api' }), { retries: 0 });
		expect(unknown.message).toMatch(/^The host of Extend Commerce cannot be found/);
	});

	it('an untrusted TLS certificate, unless Ignore SSL Issues is on', async () => {
		const certs = path.resolve(__dirname, '../../../sandbox/certs');
		const server = https.createServer({ cert: readFileSync(path.join(certs, 'cert.pem')), key: readFileSync(path.join(certs, 'key.pem')) }, (_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const apiUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/tenant/api`;
			const error = await failingRun(withOffice({ apiUrl }), { retries: 0 });
			expect(error.message).toMatch(/^The TLS certificate of Extend Commerce is not trusted/);
			expect(error.description).toMatch(/Ignore SSL Issues/);
			const trusting = await runPush(office, { resource: 'order', items: orders }, { credentials: withOffice({ apiUrl, ignoreSslIssues: true }) });
			expect(trusting.error).toBeUndefined();
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});
});

describe('a refused lookup is not a refused record', () => {
	it('stops the run when Extend refuses the assumed lookup by orderNumberExternal, instead of refusing every order', async () => {
		const office = await startOffice(skusOf(orders));
		try {
			office.faults.add({ kind: 'status', status: 400, match: { method: 'GET', path: /customerorders/i } });
			const result = await runPush(office, { resource: 'order', items: orders });
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(/^Extend Commerce refused the read GET CustomerOrders \(HTTP 400\)/);
			expect(outputsOf(result).rejected).toHaveLength(0);
			expect(outputsOf(result).nextCursor).toHaveLength(0);
		} finally {
			await office.close();
		}
	});
});

describe('when the user chooses On Error "Continue" themselves, a failed run says so and hands on no cursor', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startOffice(skusOf(orders));
	});
	afterEach(async () => {
		await office.close();
	});
	const refusedKey = () => ({ ...pushCredentials(office), extendCommerceApi: { ...officeCredential(office), apiKeyValue: 'not-the-key-4711' } });

	it('"Continue (regular output)": Results holds one item saying the run failed, not the WooCommerce orders', async () => {
		const result = await runPush(office, { resource: 'order', items: orders, onError: 'continueRegularOutput' }, { credentials: refusedKey() });
		const { results, nextCursor, rejected } = outputsOf(result);
		expect(results).toHaveLength(1);
		expect(Object.keys(results[0])).toEqual(['message', 'error']);
		expect(results[0].message).toMatch(/^The push failed and handed on no cursor: Extend Commerce did not accept the credential \(HTTP 401\)/);
		expect(results[0].error).toMatchObject({ outcome: 'failed', resource: 'order', httpCode: '401', fix: expect.stringMatching(/API key/) });
		expect(nextCursor).toHaveLength(0);
		expect(rejected).toHaveLength(0);
		expect(everythingSaid(result)).not.toContain('not-the-key-4711');
	});

	it('"Continue (using error output)": the failure goes to n8n\'s error output; Results, Next Cursor and Rejected records stay empty', async () => {
		const result = await runPush(office, { resource: 'order', items: orders, onError: 'continueErrorOutput' }, { credentials: refusedKey() });
		const { results, nextCursor, rejected } = outputsOf(result);
		expect([results, nextCursor, rejected]).toEqual([[], [], []]);
		const failed = result.items(PUSH, 3);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.message).toMatch(/^The push failed and handed on no cursor: Extend Commerce did not accept the credential \(HTTP 401\)/);
		expect(failed[0].json.error).toMatchObject({ outcome: 'failed' });
	});
});
