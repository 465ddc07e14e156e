/**
 * `npm run sandbox [-- flags]`: the WooCommerce sandbox store and the Extend Commerce sandbox
 * back office together, until Ctrl-C. Prints the URLs, the store's keys and the back-office token.
 *
 * Store flags are those of sandbox/woocommerce/cli.ts (`--products 1000 --orders 5000
 * --https-port 8443 --time-zone Europe/Stockholm …`); back-office flags are those of
 * sandbox/extend-commerce/cli.ts with an `--office-` prefix (`--office-port 8787
 * --office-data-dir DIR --office-base-path /demo-tenant/api --office-latency MS`). `--help` lists them all.
 */
import { startBackOffice, type BackOffice } from './extend-commerce';
import { describeOffice, parseArgs as parseOfficeArgs, type CliOptions as OfficeOptions } from './extend-commerce/cli';
import { startWooSandbox, type WooSandbox, type WooSandboxOptions } from './woocommerce';
import { describe as describeStore, parseArgs as parseStoreArgs } from './woocommerce/cli';
import { serveUntilStopped } from './serve';

export const OFFICE_PREFIX = '--office-';

export const USAGE = `Usage: npm run sandbox [-- flags]

Starts the WooCommerce sandbox store and the Extend Commerce sandbox back office on 127.0.0.1.

Store flags (sandbox/woocommerce/cli.ts; \`npx tsx sandbox/woocommerce/cli.ts --help\` lists all):
  --port N / --https-port N     http and https ports (default: free ports)
  --products N --orders N       how much seeded data (default 30 and 50)
  --time-zone ZONE              the store's time zone (default America/New_York)
  --latency MS                  delay per store request
  … and --seed, --variable-share, --variations-per-product, --customers, --data-start, --data-end,
  --permalinks pretty|plain, --basic-over-http, --strip-authorization, --clock-offset, --woo-version

Back-office flags (sandbox/extend-commerce/cli.ts with the --office- prefix):
  --office-port N               port (default 8787; 0 = a free port)
  --office-base-path PATH       the tenant's API prefix (default /demo-tenant/api)
  --office-data-dir DIR         keep the back office's state in DIR across restarts (default: memory)
  --office-latency MS           delay per back-office request (default 0)
  … and --office-auth, --office-api-key, --office-bearer, --office-basic, --office-client-id,
  --office-client-secret, --office-rate-limit, --office-rate-window, --office-rate-grouping, --office-retry-after,
  --office-products, --office-customers, --office-webhook, --office-webhook-secret, --office-webhook-events,
  --office-choices

  --help                        this text`;

export interface SandboxArgs {
	store: WooSandboxOptions;
	office: OfficeOptions;
}

/** Splits the flags: --office-* go to the back office (without the prefix), everything else to the store. */
export function splitArgs(argv: string[]): { store: string[]; office: string[] } {
	const store: string[] = [];
	const office: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith(OFFICE_PREFIX)) {
			store.push(arg);
			continue;
		}
		const flag = `--${arg.slice(OFFICE_PREFIX.length)}`;
		office.push(flag);
		// A value given as the next word belongs to the back office too.
		if (!flag.includes('=') && i + 1 < argv.length && !argv[i + 1].startsWith('--')) office.push(argv[++i]);
	}
	return { store, office };
}

export function parseSandboxArgs(argv: string[]): SandboxArgs | 'help' {
	if (argv.includes('--help') || argv.includes('-h')) return 'help';
	const split = splitArgs(argv);
	const store = parseStoreArgs(split.store);
	if (store === 'help') return 'help';
	return { store, office: parseOfficeArgs(split.office) };
}

export function describeSandboxes(store: WooSandbox, office: BackOffice): string {
	const key = store.keys.readWrite;
	return [
		describeStore(store),
		'',
		describeOffice(office),
		'',
		'In n8n:',
		`  WooCommerce Store (Extend Commerce) API: API URL ${store.httpsUrl || store.httpUrl}, Access Token ${key.consumerKey}, Secret ${key.consumerSecret},`,
		'    Order Start 2025-01-01, Ignore SSL Issues on (the sandbox certificate is self-signed)',
		`  Extend Commerce Back Office API: API URL ${office.url}, Authentication: any of the four above`,
	].join('\n');
}

/** Every SKU of the store's products and variations (products without one are left out). */
export function storeSkus(store: WooSandbox): string[] {
	const skus = [...store.store.products().map((p) => p.sku), ...store.store.variations().map((v) => v.sku)];
	return [...new Set(skus.filter((sku) => sku !== ''))];
}

export async function startSandboxes(args: SandboxArgs): Promise<{ store: WooSandbox; office: BackOffice; close(): Promise<void> }> {
	const store = await startWooSandbox(args.store);
	let office: BackOffice | undefined;
	try {
		office = await startBackOffice({ ...args.office.options, port: args.office.port });
		// Extend order rows name products by SKU, and Extend expects products to exist in both
		// systems: give the back office the store's SKUs, so its orders are accepted at once.
		office.master.addProducts(storeSkus(store));
	} finally {
		// The back office did not start (port taken, bad data dir): do not leave the store serving.
		if (office === undefined) await store.close();
	}
	const started = office;
	return {
		store,
		office: started,
		close: async () => {
			await Promise.all([store.close(), started.close()]);
		},
	};
}

async function main(argv: string[]): Promise<void> {
	const args = parseSandboxArgs(argv);
	if (args === 'help') {
		console.log(USAGE);
		return;
	}
	const sandboxes = await startSandboxes(args);
	console.log(describeSandboxes(sandboxes.store, sandboxes.office));
	console.log('\nServing; Ctrl-C to stop.');
	await serveUntilStopped(async () => await sandboxes.close());
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	});
}
