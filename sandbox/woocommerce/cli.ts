/**
 * Command line entry:
 *   npx tsx sandbox/woocommerce/cli.ts --products 1000 --orders 5000 --latency 50 \
 *     --port 8080 --https-port 8443 --time-zone Europe/Stockholm
 * Prints the URLs and keys, serves until Ctrl-C. `--help` lists every flag.
 */
import { DEFAULT_OPTIONS, startWooSandbox } from './index';
import type { WooSandbox, WooSandboxOptions } from './types';

type Kind = 'number' | 'string' | 'boolean';
const FLAGS: Record<string, [keyof WooSandboxOptions, Kind]> = {
	'--host': ['host', 'string'],
	'--port': ['httpPort', 'number'],
	'--http-port': ['httpPort', 'number'],
	'--https-port': ['httpsPort', 'number'],
	'--https': ['https', 'boolean'],
	'--seed': ['seed', 'number'],
	'--products': ['products', 'number'],
	'--variable-share': ['variableShare', 'number'],
	'--variations-per-product': ['variationsPerProduct', 'number'],
	'--orders': ['orders', 'number'],
	'--customers': ['customers', 'number'],
	'--data-start': ['dataStartUtc', 'string'],
	'--data-end': ['dataEndUtc', 'string'],
	'--time-zone': ['timeZone', 'string'],
	'--permalinks': ['permalinks', 'string'],
	'--basic-over-http': ['basicOverHttp', 'boolean'],
	'--strip-authorization': ['stripAuthorizationHeader', 'boolean'],
	'--legacy-no-modified-filter': ['legacyNoModifiedFilter', 'boolean'],
	'--store-wide-variations': ['storeWideVariations', 'boolean'],
	'--clock-offset': ['clockOffsetSeconds', 'number'],
	'--latency': ['latencyMs', 'number'],
	'--woo-version': ['wooVersion', 'string'],
	'--churn': ['churnPerSecond', 'number'],
	'--churn-race': ['churnRace', 'boolean'],
};

export function parseArgs(argv: string[]): WooSandboxOptions | 'help' {
	const out: Record<string, unknown> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') return 'help';
		const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const neg = name.startsWith('--no-') ? `--${name.slice(5)}` : null;
		const spec = FLAGS[neg ?? name];
		if (!spec) throw new Error(`unknown flag ${arg} (try --help)`);
		const [key, kind] = spec;
		if (kind === 'boolean') {
			if (neg) out[key] = false;
			else if (inline !== undefined) out[key] = inline !== 'false' && inline !== '0';
			else if (argv[i + 1] === 'true' || argv[i + 1] === 'false') out[key] = argv[++i] === 'true';
			else out[key] = true;
			continue;
		}
		const value = inline ?? argv[++i];
		if (value === undefined) throw new Error(`flag ${name} needs a value`);
		if (kind === 'number') {
			const n = Number(value);
			if (!Number.isFinite(n)) throw new Error(`flag ${name}: not a number: ${value}`);
			out[key] = n;
		} else out[key] = value;
	}
	return out as WooSandboxOptions;
}

function usage(): string {
	const lines = Object.entries(FLAGS).map(([flag, [key, kind]]) => `  ${flag}${kind === 'boolean' ? '' : ` <${kind}>`}  (${key}, default ${JSON.stringify(DEFAULT_OPTIONS[key])})`);
	return `WooCommerce sandbox store\n\nflags:\n${lines.join('\n')}\n  boolean flags also take --no-<flag> or --flag=false\n`;
}

export function describe(woo: WooSandbox): string {
	const k = woo.keys;
	const o = woo.options;
	return [
		`WooCommerce ${o.wooVersion} sandbox (${o.products} products, ${o.orders} orders, ${o.timeZone}, ${o.permalinks} permalinks)`,
		`  http : ${woo.httpUrl}${o.basicOverHttp ? '   (Basic accepted over http)' : '   (OAuth 1.0a only)'}`,
		woo.httpsUrl ? `  https: ${woo.httpsUrl}   (self-signed: sandbox/certs/cert.pem)` : '  https: off',
		`  REST : ${woo.httpsUrl || woo.httpUrl}${o.permalinks === 'plain' ? '/?rest_route=/wc/v3/' : '/wp-json/wc/v3/'}`,
		'  keys:',
		...Object.entries(k).map(([name, key]) => `    ${name.padEnd(12)} ${key.consumerKey}  ${key.consumerSecret}  (${key.permissions}${key.userCanView === false ? ', user lacks capability' : ''})`),
	].join('\n');
}

export async function main(argv: string[]): Promise<WooSandbox | null> {
	const parsed = parseArgs(argv);
	if (parsed === 'help') {
		console.log(usage());
		return null;
	}
	const woo = await startWooSandbox(parsed);
	console.log(describe(woo));
	console.log('Serving; Ctrl-C to stop.');
	const stop = () => {
		void woo.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	return woo;
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((e: unknown) => {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	});
}
