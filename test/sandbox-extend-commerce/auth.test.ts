import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { call, manualClock, oauth2Token, orderBody } from './helpers';

const secretsOf = (office: BackOffice) =>
	[office.credentials, office.readOnlyCredentials].flatMap((c) => [c.apiKey.value, c.bearer, c.basic.password, c.oauth2.clientSecret]);

describe('authentication in four modes', () => {
	let office: BackOffice;
	const clock = manualClock('2025-03-04T09:00:00Z');
	beforeAll(async () => {
		office = await startBackOffice({ clock: clock.now, oauth2TokenSeconds: 600, master: { products: ['TEE-BLUE'] } });
	});
	afterAll(() => office.close());

	it.each(['apiKey', 'bearer', 'basic'] as const)('accepts %s for reads and writes', async (mode) => {
		expect((await call(office, 'GET', '/CustomerOrders', { auth: mode })).status).toBe(200);
		expect((await call(office, 'POST', '/CustomerOrders', { auth: mode, body: orderBody(`A-${mode}`) })).status).toBe(201);
	});

	it('issues OAuth2 client-credentials tokens that work until they expire', async () => {
		const token = await oauth2Token(office.credentials);
		expect(token.status).toBe(200);
		expect(token.body).toEqual({ access_token: expect.stringMatching(/^ecat_/), token_type: 'Bearer', expires_in: 600, scope: 'api' });
		const auth = { oauth2Token: token.body.access_token as string };
		expect((await call(office, 'POST', '/CustomerOrders', { auth, body: orderBody('A-oauth2') })).status).toBe(201);
		clock.advance(601);
		const expired = await call(office, 'GET', '/CustomerOrders', { auth });
		expect(expired.status).toBe(401);
		expect(expired.body.message).toContain('expired');
		expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
	});

	it('accepts the client id and secret as Basic on the token endpoint too', async () => {
		const c = office.credentials.oauth2;
		const response = await fetch(c.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}` },
			body: 'grant_type=client_credentials',
		});
		expect(response.status).toBe(200);
	});

	it('reads a form-encoded or a raw client secret in Basic', async () => {
		const office2 = await startBackOffice({ credentials: { oauth2: { clientSecret: 'p%ss+w%C3%B6rd' } } });
		try {
			const c = office2.credentials.oauth2;
			for (const secret of [encodeURIComponent(c.clientSecret), c.clientSecret]) {
				const response = await fetch(c.tokenUrl, {
					method: 'POST',
					headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`${c.clientId}:${secret}`).toString('base64')}` },
					body: 'grant_type=client_credentials',
				});
				expect([secret, response.status]).toEqual([secret, 200]);
			}
		} finally {
			await office2.close();
		}
	});

	it('answers invalid_client for a wrong client secret, and refuses other grants and scopes', async () => {
		const wrong = await oauth2Token(office.credentials, 'not-the-secret');
		expect(wrong).toEqual({ status: 401, body: { error: 'invalid_client', error_description: expect.any(String) } });
		const password = await fetch(office.credentials.oauth2.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password' });
		expect(password.status).toBe(400);
		expect(((await password.json()) as { error: string }).error).toBe('unsupported_grant_type');
		const c = office.credentials.oauth2;
		const scope = await fetch(c.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, scope: 'admin' }).toString() });
		expect(scope.status).toBe(400);
	});

	it('answers 401 for no credentials and for refused ones, naming the mode, never echoing a secret', async () => {
		const answers = [
			await call(office, 'GET', '/CustomerOrders', { auth: null }),
			await call(office, 'GET', '/CustomerOrders', { auth: null, headers: { 'X-Api-Key': 'wrong-key' } }),
			await call(office, 'GET', '/CustomerOrders', { auth: { oauth2Token: 'wrong-token' } }),
			await call(office, 'GET', '/CustomerOrders', { auth: null, headers: { Authorization: `Basic ${Buffer.from('demo:wrong').toString('base64')}` } }),
			await call(office, 'GET', '/CustomerOrders', { auth: null, headers: { Authorization: 'Digest abc' } }),
		];
		expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
		expect(answers.map((a) => a.body.message)).toEqual([
			expect.stringContaining('No credentials were sent'),
			expect.stringContaining('API key in X-Api-Key is not recognised'),
			expect.stringContaining('bearer token is not recognised'),
			expect.stringContaining('user name or password is not recognised'),
			expect.stringContaining("scheme 'Digest' is not accepted"),
		]);
		const text = answers.map((a) => a.text).join('\n');
		for (const secret of [...secretsOf(office), 'wrong-key', 'wrong-token']) expect(text).not.toContain(secret);
	});

	it.each(['apiKey', 'bearer', 'basic', 'oauth2'] as const)('lets the read-only principal read but answers its writes 403 (%s)', async (mode) => {
		const auth = mode === 'oauth2' ? { oauth2Token: (await oauth2Token(office.readOnlyCredentials)).body.access_token as string } : mode;
		expect((await call(office, 'GET', '/CustomerOrders', { auth, readOnly: true })).status).toBe(200);
		const write = await call(office, 'POST', '/CustomerOrders', { auth, readOnly: true, body: orderBody(`RO-${mode}`) });
		expect(write.status).toBe(403);
		expect(write.body.message).toContain('may only read');
		expect(office.data.orderByExternal(`RO-${mode}`)).toBeUndefined();
	});

	it('puts no secret in the request log', () => {
		const logged = JSON.stringify(office.log);
		for (const secret of secretsOf(office)) expect(logged).not.toContain(secret);
		expect(office.log.map((e) => e.authMode)).toEqual(expect.arrayContaining(['apiKey', 'bearer', 'basic', 'oauth2']));
	});
});

describe('choosing the accepted modes and secrets', () => {
	it('accepts only the configured modes, with the configured header and secrets', async () => {
		const office = await startBackOffice({ authModes: ['apiKey', 'oauth2'], credentials: { apiKey: { header: 'Api-Token', value: 'k-123' }, bearer: 'b-123' } });
		try {
			expect(office.credentials.apiKey).toEqual({ header: 'Api-Token', value: 'k-123' });
			expect(office.readOnlyCredentials.apiKey.header).toBe('Api-Token');
			expect((await call(office, 'GET', '/CustomerOrders', { auth: 'apiKey' })).status).toBe(200);
			const bearer = await call(office, 'GET', '/CustomerOrders', { auth: 'bearer' });
			expect(bearer.status).toBe(401);
			expect((await call(office, 'GET', '/CustomerOrders', { auth: 'basic' })).status).toBe(401);
			const token = await oauth2Token(office.credentials);
			expect((await call(office, 'GET', '/CustomerOrders', { auth: { oauth2Token: token.body.access_token } })).status).toBe(200);
		} finally {
			await office.close();
		}
	});

	it('refuses token requests when OAuth2 is not enabled', async () => {
		const office = await startBackOffice({ authModes: ['bearer'] });
		try {
			expect(await oauth2Token(office.credentials)).toEqual({ status: 401, body: { error: 'invalid_client', error_description: 'OAuth2 is not enabled on this back office.' } });
		} finally {
			await office.close();
		}
	});
});
