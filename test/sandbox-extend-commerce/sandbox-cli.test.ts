import { describeSandboxes, parseSandboxArgs, splitArgs, startSandboxes, storeSkus } from '../../sandbox/cli';

describe('npm run sandbox: the back-office part', () => {
	it('passes --office-* flags (without the prefix) to the back office and every other flag to the store', () => {
		expect(splitArgs(['--products', '100', '--office-port', '0', '--office-base-path=/t/api', '--https', '--office-retry-after', '--office-data-dir', 'd'])).toEqual({
			store: ['--products', '100', '--https'],
			office: ['--port', '0', '--base-path=/t/api', '--retry-after', '--data-dir', 'd'],
		});
		expect(parseSandboxArgs(['--products', '100', '--port', '8080', '--office-port', '9000', '--office-latency', '5', '--office-auth', 'bearer'])).toEqual({
			store: { products: 100, httpPort: 8080 },
			office: { port: 9000, options: { latencyMs: 5, authModes: ['bearer'] } },
		});
		expect(() => parseSandboxArgs(['--office-bogus', '1'])).toThrow(/Unknown option/);
	});

	it('starts both, gives the back office the store\'s SKUs as products, and describes the back office with its API URL and the four auth modes', async () => {
		const parsed = parseSandboxArgs(['--products', '3', '--orders', '2', '--port', '0', '--no-https', '--office-port', '0', '--office-bearer', 'b-1']);
		if (parsed === 'help') throw new Error('unexpected help');
		const sandboxes = await startSandboxes(parsed);
		try {
			const text = describeSandboxes(sandboxes.store, sandboxes.office);
			expect(text).toContain(`API URL:  ${sandboxes.office.url}`);
			expect(text).toContain('Bearer b-1');
			expect(text).toContain(sandboxes.office.credentials.oauth2.tokenUrl);
			const answer = await fetch(`${sandboxes.office.url}/CustomerOrders`, { headers: { Authorization: 'Bearer b-1' } });
			expect(answer.status).toBe(200);
			const skus = storeSkus(sandboxes.store);
			expect(skus.length).toBeGreaterThanOrEqual(3);
			expect(sandboxes.office.data.products().map((p) => p.productNumber).sort()).toEqual([...skus].sort());
		} finally {
			await sandboxes.close();
		}
	});
});
