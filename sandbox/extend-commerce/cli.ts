/**
 * Runs the sandbox back office until Ctrl-C:
 *   npx tsx sandbox/extend-commerce/cli.ts [--port 8787] [--base-path /demo-tenant/api] [--data-dir DIR] …
 * `--help` lists every flag.
 */
import { serveUntilStopped } from '../serve';
import { AUTH_MODES, RATE_LIMIT_GROUPINGS, startBackOffice, type AuthMode, type RateLimitGrouping, type BackOffice, type BackOfficeOptions, type WebhookEvent } from './index';

export const USAGE = `Usage: extend-commerce-sandbox [flags]
  --port N                 port at 127.0.0.1 (default 8787; 0 = any free port)
  --base-path PATH         the tenant's API prefix (default /demo-tenant/api)
  --data-dir DIR           keep the state across restarts (default: in memory only)
  --latency MS             milliseconds added to every API request (default 0)
  --auth MODES             accepted auth modes, comma-separated: ${AUTH_MODES.join(',')} (default all)
  --api-key-header NAME    header of the API key (default X-Api-Key)
  --api-key VALUE          the API key (default ec_demo_api_key)
  --bearer TOKEN           the static bearer token (default ec_demo_bearer_token)
  --basic USER:PASSWORD    the Basic user (default demo:demo-password)
  --client-id ID           the OAuth2 client id (default demo-client)
  --client-secret SECRET   the OAuth2 client secret (default demo-client-secret)
  --rate-limit N           requests per window in each rate-limit group (default 300)
  --rate-window SECONDS    the rate-limit window (default 60)
  --rate-grouping KIND     which requests share a window: ${RATE_LIMIT_GROUPINGS.join(', ')} (default purpose:
                           order writes, reads, products; method: each method on each resource alone;
                           resource: all methods on a resource together; shared: one window for all)
  --retry-after            send Retry-After with 429 answers (default off)
  --products A,B,…         product numbers to add to master data
  --customers A,B,…        customer numbers to add (WEBSHOP is always there)
  --webhook URL            register a webhook callback (needs --webhook-secret)
  --webhook-secret SECRET  its signing secret
  --webhook-events A,B,…   its events (default all)
  --choices JSON           another tenant's names and schemes where Extend publishes none,
                           e.g. '{"list": {"paging": "offset", "page": "skip", "pageSize": "take"}}' (see choices.ts)`;

export interface CliOptions {
	port: number;
	options: BackOfficeOptions;
}

function jsonOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

export function parseArgs(argv: string[]): CliOptions {
	const options: BackOfficeOptions = {};
	const credentials: NonNullable<BackOfficeOptions['credentials']> = {};
	let port = 8787;
	let rateLimit: number | undefined;
	let rateWindow: number | undefined;
	let webhook: { url?: string; secret?: string; events?: WebhookEvent[] } | undefined;
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined || v === '') throw new Error(`${flag} needs a value\n${USAGE}`);
			return v;
		};
		const integer = (v: string, min = 0) => {
			const n = Number(v);
			if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be a whole number of at least ${min}, got '${v}'\n${USAGE}`);
			return n;
		};
		switch (flag) {
			case '--port':
				port = integer(value());
				break;
			case '--base-path':
				options.basePath = value();
				break;
			case '--data-dir':
				options.dataDir = value();
				break;
			case '--latency':
				options.latencyMs = integer(value());
				break;
			case '--auth': {
				const modes = list(value());
				const unknown = modes.filter((m) => !AUTH_MODES.includes(m as AuthMode));
				if (unknown.length) throw new Error(`--auth: unknown mode(s) ${unknown.join(', ')}; use ${AUTH_MODES.join(', ')}`);
				options.authModes = modes as AuthMode[];
				break;
			}
			case '--api-key-header':
				credentials.apiKey = { ...credentials.apiKey, header: value() };
				break;
			case '--api-key':
				credentials.apiKey = { ...credentials.apiKey, value: value() };
				break;
			case '--bearer':
				credentials.bearer = value();
				break;
			case '--basic': {
				const v = value();
				const colon = v.indexOf(':');
				if (colon < 1) throw new Error('--basic needs USER:PASSWORD');
				credentials.basic = { user: v.slice(0, colon), password: v.slice(colon + 1) };
				break;
			}
			case '--client-id':
				credentials.oauth2 = { ...credentials.oauth2, clientId: value() };
				break;
			case '--client-secret':
				credentials.oauth2 = { ...credentials.oauth2, clientSecret: value() };
				break;
			case '--rate-limit':
				rateLimit = integer(value(), 1);
				break;
			case '--rate-window':
				rateWindow = integer(value(), 1);
				break;
			case '--rate-grouping': {
				const grouping = value();
				if (!RATE_LIMIT_GROUPINGS.includes(grouping as RateLimitGrouping)) throw new Error(`--rate-grouping: unknown grouping '${grouping}'; use ${RATE_LIMIT_GROUPINGS.join(', ')}`);
				options.rateLimitGrouping = grouping as RateLimitGrouping;
				break;
			}
			case '--retry-after':
				options.retryAfter = true;
				break;
			case '--products':
				options.master = { ...options.master, products: list(value()) };
				break;
			case '--customers':
				options.master = { ...options.master, customers: ['WEBSHOP', ...list(value())] };
				break;
			case '--webhook':
				webhook = { ...webhook, url: value() };
				break;
			case '--webhook-secret':
				webhook = { ...webhook, secret: value() };
				break;
			case '--webhook-events':
				webhook = { ...webhook, events: list(value()) as WebhookEvent[] };
				break;
			case '--choices': {
				const raw = value();
				const parsed = jsonOrUndefined(raw);
				if (parsed === undefined) throw new Error(`--choices must be JSON, got '${raw.slice(0, 40)}'\n${USAGE}`);
				options.choices = parsed as BackOfficeOptions['choices'];
				break;
			}
			case '--help':
			case '-h':
				throw new Error(USAGE);
			default:
				throw new Error(`Unknown option '${argv[i]}'\n${USAGE}`);
		}
	}
	if (Object.keys(credentials).length) options.credentials = credentials;
	if (rateLimit !== undefined || rateWindow !== undefined) {
		options.rateLimit = { limit: rateLimit ?? 300, windowSeconds: rateWindow ?? 60 };
	}
	if (webhook) {
		if (!webhook.url || !webhook.secret) throw new Error('--webhook and --webhook-secret go together');
		options.webhooks = [{ url: webhook.url, secret: webhook.secret, events: webhook.events }];
	}
	return { port, options };
}

/** What a person needs to point n8n at the back office. */
export function describeOffice(office: BackOffice): string {
	const c = office.credentials;
	return [
		`Extend Commerce sandbox back office: ${office.origin}/ (web page)`,
		`  API URL:  ${office.url}`,
		`  Auth:     API key ${c.apiKey.header}: ${c.apiKey.value} | Bearer ${c.bearer} | Basic ${c.basic.user}:${c.basic.password}`,
		`            OAuth2 client credentials: token URL ${c.oauth2.tokenUrl}, client ${c.oauth2.clientId} / ${c.oauth2.clientSecret}, scope ${c.oauth2.scope}`,
		`  Read-only: API key ${office.readOnlyCredentials.apiKey.value} (writes answer 403)`,
		`  Master data: customers ${office.master.customers().map((m) => m.customerNumber).join(', ')}; warehouses ${office.master.warehouses().join(', ')}; units ${office.master.units().join(', ')}`,
	].join('\n');
}

/** Starts the server, prints where it is, and resolves once it has stopped (SIGINT/SIGTERM). */
export async function main(argv: string[], onStarted?: (office: BackOffice) => void): Promise<void> {
	const { port, options } = parseArgs(argv);
	const office = await startBackOffice({ ...options, port });
	console.log(describeOffice(office));
	console.log(`  Data:     ${options.dataDir ?? 'in memory only'}`);
	console.log('Press Ctrl-C to stop.');
	onStarted?.(office);
	await serveUntilStopped(async () => await office.close());
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((error: Error) => {
		console.error(error.message);
		process.exitCode = 1;
	});
}
