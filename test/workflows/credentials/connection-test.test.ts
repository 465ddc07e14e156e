import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startWooSandbox, type WooSandbox, type WooSandboxOptions } from '../../../sandbox/woocommerce';
import { testCredential } from '../../harness/run-workflow';
import { styleProblems } from '../../support/message-style';
import { startRecordingServer } from '../../support/recording-server';
import { connectionCredential } from '../../support/sync-env';

const FETCH = 'n8n-nodes-extend-commerce.wooCommerceFetch';

async function verify(data: ICredentialDataDecryptedObject) {
	const result = await testCredential(FETCH, 'extendCommerceConnectionApi', data);
	for (const secret of [data.secret, data.accessToken]) {
		if (typeof secret === 'string' && secret.length > 3) expect(result.message).not.toContain(secret);
	}
	// No "credential.." and no advice said twice: one sentence what is wrong, one what to do.
	expect({ message: result.message, problems: styleProblems(result.message ?? '') }).toEqual({ message: result.message, problems: [] });
	return result;
}

describe('Verify Connection for the Extend Commerce Connection credential', () => {
	const stores: WooSandbox[] = [];
	const store = async (options: WooSandboxOptions = {}) => {
		const started = await startWooSandbox(options);
		stores.push(started);
		return started;
	};
	afterAll(async () => await Promise.all(stores.map(async (started) => await started.close())));

	it('confirms a working store, over https with Basic and over http with OAuth 1.0a', async () => {
		const shop = await store();
		for (const transport of ['basic-https', 'query-https', 'oauth1-http'] as const) {
			const result = await verify(connectionCredential(shop, transport));
			expect({ transport, ...result }).toEqual({ transport, status: 'OK', message: expect.stringMatching(/^Connected to/) });
		}
	});

	it('says the host cannot be reached', async () => {
		const shop = await store();
		const result = await verify({ ...connectionCredential(shop), apiUrl: 'http://127.0.0.1:9' });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/refused the connection/) });
	});

	it('says an HTML page (firewall, CAPTCHA) answered instead of WordPress', async () => {
		const server = await startRecordingServer(() => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>' }));
		try {
			const result = await verify({ ...connectionCredential(await store()), apiUrl: server.url });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/does not answer like WordPress.*"Just a moment\.\.\.".*firewall/s);
		} finally {
			await server.close();
		}
	});

	it('quotes a refusal that ends in its own full stop without doubling it', async () => {
		const server = await startRecordingServer((request) =>
			request.path === '/wp-json/'
				? { status: 200, body: { name: 'Refusing shop', namespaces: ['wp/v2', 'wc/v3'] } }
				: { status: 401, body: { code: 'woocommerce_rest_authentication_error', message: 'Sorry, you are not allowed to do that.', data: { status: 401 } } },
		);
		try {
			const result = await verify({ ...connectionCredential(await store()), apiUrl: server.url });
			expect(result).toEqual({ status: 'Error', message: 'The store refused the API keys: Sorry, you are not allowed to do that. Check the Access Token and Secret in the credential.' });
		} finally {
			await server.close();
		}
	});

	it('tells the owner to change Permalinks away from Plain', async () => {
		const shop = await store({ permalinks: 'plain' });
		const result = await verify(connectionCredential(shop));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^WordPress Permalinks are set to Plain.*Settings → Permalinks/) });
	});

	it('says the consumer key is unknown', async () => {
		const shop = await store();
		const result = await verify(connectionCredential(shop, 'basic-https', { accessToken: 'ck_0000000000000000000000000000000000000000' }));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The store does not know this consumer key/) });
	});

	it('says the consumer key is unknown when the keys go in the query string', async () => {
		const shop = await store();
		const result = await verify(connectionCredential(shop, 'query-https', { accessToken: 'ck_0000000000000000000000000000000000000000' }));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The store does not know this consumer key\. Check the Access Token/) });
	});

	it('says the consumer key is unknown over OAuth 1.0a too', async () => {
		const shop = await store();
		const result = await verify(connectionCredential(shop, 'oauth1-http', { accessToken: 'ck_0000000000000000000000000000000000000000' }));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The store does not know this consumer key/) });
	});

	it('says the secret is wrong', async () => {
		const shop = await store();
		const result = await verify(connectionCredential(shop, 'basic-https', { secret: 'cs_1111111111111111111111111111111111111111' }));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The consumer secret is wrong/) });
	});

	it('says key and secret are swapped', async () => {
		const shop = await store();
		const good = connectionCredential(shop);
		const result = await verify({ ...good, accessToken: good.secret, secret: good.accessToken });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/look swapped/) });
		expect(shop.log).toHaveLength(0);
	});

	it('says Basic authentication is refused over plain http', async () => {
		const shop = await store();
		const result = await verify(connectionCredential(shop, 'oauth1-http', { authMode: 'basic' }));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/refuses Basic authentication over plain http.*Automatic/) });
	});

	it('says the key has no read permission', async () => {
		const shop = await store();
		const result = await verify(connectionCredential(shop, 'basic-https', {}, shop.keys.write));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The API key has no read permission/) });
	});

	it('says the key\'s user lacks the capability (403)', async () => {
		const shop = await store();
		const result = await verify(connectionCredential(shop, 'basic-https', {}, shop.keys.noCapability));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/user may not read this.*Shop Manager or Administrator/) });
	});

	it('says the host strips the Authorization header and what to choose instead', async () => {
		const shop = await store({ stripAuthorizationHeader: true });
		const result = await verify(connectionCredential(shop));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/strips the Authorization header.*Query String Keys/) });
		expect((await verify(connectionCredential(shop, 'query-https'))).status).toBe('OK');
	});

	it('says WooCommerce is older than 5.8 when changed-since filtering is ignored', async () => {
		const shop = await store({ legacyNoModifiedFilter: true, wooVersion: '5.7.1' });
		const result = await verify(connectionCredential(shop));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/older than 5\.8/) });
	});

	it('accepts a pasted REST suffix and a missing trailing part of the URL', async () => {
		const shop = await store();
		const result = await verify(connectionCredential(shop, 'basic-https', { apiUrl: `${shop.httpsUrl}/wp-json/wc/v3/` }));
		expect(result.status).toBe('OK');
	});
});
