import { main, parseArgs } from '../../sandbox/extend-commerce/cli';
import type { BackOffice } from '../../sandbox/extend-commerce';

describe('back-office CLI', () => {
	it('parses the flags (also as --flag=value) into startBackOffice options', () => {
		const parsed = parseArgs([
			'--port', '0', '--base-path=/t1/api', '--data-dir', '/tmp/x', '--latency', '25', '--auth', 'apiKey,oauth2',
			'--api-key', 'k', '--client-secret', 'cs', '--basic', 'u:p:w', '--rate-limit', '5', '--rate-window', '2', '--rate-grouping', 'resource', '--retry-after',
			'--products', 'A,B', '--customers', 'C1', '--webhook', 'http://127.0.0.1:9/h', '--webhook-secret', 's', '--webhook-events', 'OrderPicked,OrderCancelled',
		]);
		expect(parsed).toEqual({
			port: 0,
			options: {
				basePath: '/t1/api',
				dataDir: '/tmp/x',
				latencyMs: 25,
				authModes: ['apiKey', 'oauth2'],
				credentials: { apiKey: { value: 'k' }, oauth2: { clientSecret: 'cs' }, basic: { user: 'u', password: 'p:w' } },
				rateLimit: { limit: 5, windowSeconds: 2 },
				rateLimitGrouping: 'resource',
				retryAfter: true,
				master: { products: ['A', 'B'], customers: ['WEBSHOP', 'C1'] },
				webhooks: [{ url: 'http://127.0.0.1:9/h', secret: 's', events: ['OrderPicked', 'OrderCancelled'] }],
			},
		});
		expect(parseArgs([])).toEqual({ port: 8787, options: {} });
	});

	it('refuses unknown flags, bad numbers, unknown auth modes and a webhook without secret', () => {
		expect(() => parseArgs(['--prot', '1'])).toThrow(/Unknown option '--prot'[\s\S]*Usage/);
		expect(() => parseArgs(['--port', 'abc'])).toThrow(/--port must be a whole number/);
		expect(parseArgs(['--choices', '{"list": {"page": "skip", "paging": "offset"}}']).options.choices).toEqual({ list: { page: 'skip', paging: 'offset' } });
		expect(() => parseArgs(['--choices', '{list'])).toThrow(/--choices must be JSON/);
		expect(() => parseArgs(['--api-key'])).toThrow(/--api-key needs a value/);
		expect(() => parseArgs(['--auth', 'kerberos'])).toThrow(/unknown mode/);
		expect(() => parseArgs(['--rate-grouping', 'per-verb'])).toThrow(/unknown grouping 'per-verb'; use purpose, method, resource, shared/);
		expect(() => parseArgs(['--webhook', 'http://x'])).toThrow(/go together/);
	});

	it('prints the API URL and credentials, serves, and stops on SIGINT', async () => {
		const lines: string[] = [];
		const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
		try {
			let office: BackOffice | undefined;
			const started = new Promise<void>((resolve) => {
				void main(['--port', '0', '--bearer', 'cli_token_1'], (o) => {
					office = o;
					resolve();
				}).then(() => undefined);
			});
			await started;
			const text = lines.join('\n');
			expect(text).toContain(`API URL:  ${office!.url}`);
			expect(text).toContain('cli_token_1');
			const answer = await fetch(`${office!.url}/CustomerOrders`, { headers: { Authorization: 'Bearer cli_token_1' } });
			expect(answer.status).toBe(200);
			process.emit('SIGINT');
			await office!.close();
			await expect(fetch(`${office!.url}/CustomerOrders`)).rejects.toThrow();
		} finally {
			spy.mockRestore();
		}
	});
});
