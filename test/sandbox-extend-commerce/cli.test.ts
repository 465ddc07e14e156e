import { main, parseArgs } from '../../sandbox/extend-commerce/cli';
import type { BackOffice } from '../../sandbox/extend-commerce';

describe('sandbox CLI', () => {
	it('parses --port, --data-dir, --token and --latency (also as --flag=value)', () => {
		expect(parseArgs(['--port', '0', '--data-dir', '/tmp/x', '--token=abc', '--latency', '25'])).toEqual({
			port: 0,
			dataDir: '/tmp/x',
			token: 'abc',
			latencyMs: 25,
		});
		expect(parseArgs([])).toEqual({ port: 8787, token: 'ec_test_token', latencyMs: 0 });
	});

	it('refuses unknown flags and bad numbers with the usage', () => {
		expect(() => parseArgs(['--prot', '1'])).toThrow(/Unknown option '--prot'[\s\S]*Usage/);
		expect(() => parseArgs(['--port', 'abc'])).toThrow(/--port must be a non-negative integer/);
		expect(() => parseArgs(['--token'])).toThrow(/--token needs a value/);
	});

	it('prints the URL and token, serves with the given token, and stops on SIGINT', async () => {
		const lines: string[] = [];
		const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
		try {
			let office: BackOffice | undefined;
			const running = main(['--port', '0', '--token', 'cli_token_1', '--latency', '0'], (o) => (office = o));
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(office).toBeDefined();
			expect(lines.join('\n')).toContain(office!.url);
			expect(lines.join('\n')).toContain('cli_token_1');
			const ping = await fetch(`${office!.url}/api/v1/ping`, { headers: { Authorization: 'Bearer cli_token_1' } });
			expect(ping.status).toBe(200);
			process.emit('SIGINT');
			await running;
			await expect(fetch(`${office!.url}/api/v1/ping`)).rejects.toThrow();
		} finally {
			spy.mockRestore();
		}
	});
});
