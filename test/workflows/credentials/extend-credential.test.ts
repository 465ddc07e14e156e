import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startBackOffice, type BackOffice } from '../../../sandbox/extend-commerce';
import { testCredential } from '../../harness/run-workflow';
import { officeCredential, officeCredentialType, officeSecrets, type OfficeAuth } from '../../support/sync-env';

const PUSH = 'n8n-nodes-extend-commerce.extendCommercePush';
const MODES: OfficeAuth[] = ['apiKey', 'bearer', 'basic', 'oauth2'];

/** The credential with its secret replaced by a wrong one, per mode. */
function withWrongSecret(office: BackOffice, mode: OfficeAuth): ICredentialDataDecryptedObject {
	const data = officeCredential(office, mode);
	const field = { apiKey: 'apiKeyValue', bearer: 'bearerToken', basic: 'password', oauth2: 'clientSecret' }[mode];
	return { ...data, [field]: 'wrong-secret-4711-abcdef' };
}

describe('the Extend Commerce credential test names each fault in words, for all four auth modes', () => {
	let office: BackOffice;
	let tls: https.Server;
	let tlsUrl: string;
	beforeAll(async () => {
		office = await startBackOffice();
		const certs = path.resolve(__dirname, '../../../sandbox/certs');
		tls = https.createServer({ cert: readFileSync(path.join(certs, 'cert.pem')), key: readFileSync(path.join(certs, 'key.pem')) }, (_req, res) => res.end('[]'));
		await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
		tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/tenant/api`;
	});
	afterAll(async () => {
		await office.close();
		await new Promise((resolve) => tls.close(resolve));
	});
	afterEach(() => office.faults.clear());

	async function check(mode: OfficeAuth, data: ICredentialDataDecryptedObject) {
		const result = await testCredential(PUSH, officeCredentialType(mode), data);
		for (const secret of [...officeSecrets(office), 'wrong-secret-4711-abcdef']) expect(result.message).not.toContain(secret);
		// One sentence what is wrong, one what to do.
		expect(result.message).not.toMatch(/\.\./);
		return result;
	}

	it.each(MODES)('%s: a working credential is confirmed with one cheap read of CustomerOrders', async (mode) => {
		const before = office.log.length;
		expect(await check(mode, officeCredential(office, mode))).toEqual({ status: 'OK', message: 'Connected to Extend Commerce: the customer order list could be read.' });
		const reads = office.log.slice(before).filter((entry) => entry.path.includes('CustomerOrders'));
		expect(reads).toHaveLength(1);
		expect(reads[0].path).toMatch(/pageSize=1/);
	});

	it.each(MODES)('%s: a refused secret (401)', async (mode) => {
		const result = await check(mode, withWrongSecret(office, mode));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			mode === 'oauth2'
				? /^The token URL refused the client ID or secret \(HTTP 401\).*\. Check the Client ID, Client Secret and Scope in the Extend Commerce Back Office OAuth2 credential\.$/
				: /^Extend Commerce did not accept the credential \(HTTP 401\).*\. Check the .* in the Extend Commerce Back Office credential\.$/,
		);
	});

	it.each(MODES)('%s: missing rights (403)', async (mode) => {
		office.faults.add({ kind: 'status', status: 403, match: { path: /customerorders/i } });
		const result = await check(mode, officeCredential(office, mode));
		expect(result.message).toMatch(/^The Extend Commerce Back Office credential may not do this: GET \/demo-tenant\/api\/CustomerOrders \(HTTP 403\).*Ask your Extend Commerce administrator/);
	});

	it.each(MODES)('%s: a wrong API URL (404 / not the API)', async (mode) => {
		const result = await check(mode, { ...officeCredential(office, mode), apiUrl: `${office.origin}/other-tenant` });
		expect(result).toEqual({ status: 'Error', message: 'The API URL does not answer like Extend Commerce\'s REST API. Check that it is the base address as Extend gave it, including any path after the host.' });
	});

	it.each(MODES)('%s: an HTML error page from a proxy', async (mode) => {
		office.faults.add({ kind: 'html502', match: { path: /customerorders/i } });
		const result = await check(mode, officeCredential(office, mode));
		expect(result.message).toMatch(/^Extend Commerce had a server error \(HTTP 502\)\. Try again later/);
	});

	it.each(MODES)('%s: TLS, DNS and a refused connection', async (mode) => {
		const tlsResult = await check(mode, { ...officeCredential(office, mode), apiUrl: tlsUrl });
		expect(tlsResult.message).toMatch(/^The TLS certificate of Extend Commerce is not trusted .*Ignore SSL Issues/);
		const dns = await check(mode, { ...officeCredential(office, mode), apiUrl: 'https://extend-commerce.invalid/api' });
		expect(dns.message).toMatch(/^The host of Extend Commerce cannot be found .*Check the URL/);
		const refused = await check(mode, { ...officeCredential(office, mode), apiUrl: 'http://127.0.0.1:1/api' });
		expect(refused.message).toMatch(/^Extend Commerce refused the connection .*Check the URL and port/);
	});

	it('a timeout (once: the test waits for it)', async () => {
		office.faults.add({ kind: 'hang', match: { path: /customerorders/i } });
		const result = await check('apiKey', officeCredential(office, 'apiKey'));
		expect(result.message).toMatch(/^Extend Commerce did not answer in time/);
	}, 20_000);
});
