/**
 * Runs the sandbox back office until Ctrl-C:
 *   npx tsx sandbox/extend-commerce/cli.ts [--port 8787] [--data-dir .sandbox-data/extend-commerce] [--token ec_test_token] [--latency 0]
 */
import { DEFAULT_TENANT, DEFAULT_TOKEN, startBackOffice, type BackOffice } from './index';
import { serveUntilStopped } from '../serve';

export interface CliOptions {
	port: number;
	dataDir?: string;
	token: string;
	latencyMs: number;
}

const USAGE = `Usage: extend-commerce-sandbox [--port N] [--data-dir DIR] [--token TOKEN] [--latency MS]
  --port      port to listen on at 127.0.0.1 (default 8787; 0 = any free port)
  --data-dir  folder that keeps the state across restarts (default: in memory only)
  --token     the API token to accept (default ${DEFAULT_TOKEN})
  --latency   milliseconds added to every API request (default 0)`;

export function parseArgs(argv: string[]): CliOptions {
	const options: CliOptions = { port: 8787, token: DEFAULT_TOKEN, latencyMs: 0 };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined || v === '') throw new Error(`${flag} needs a value\n${USAGE}`);
			return v;
		};
		const integer = (v: string) => {
			const n = Number(v);
			if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a non-negative integer, got '${v}'\n${USAGE}`);
			return n;
		};
		switch (flag) {
			case '--port':
				options.port = integer(value());
				break;
			case '--data-dir':
				options.dataDir = value();
				break;
			case '--token':
				options.token = value();
				break;
			case '--latency':
				options.latencyMs = integer(value());
				break;
			case '--help':
			case '-h':
				throw new Error(USAGE);
			default:
				throw new Error(`Unknown option '${argv[i]}'\n${USAGE}`);
		}
	}
	return options;
}

/** Starts the server, prints where it is, and resolves once it has stopped (SIGINT/SIGTERM). */
export async function main(argv: string[], onStarted?: (office: BackOffice) => void): Promise<void> {
	const options = parseArgs(argv);
	const office = await startBackOffice({
		port: options.port,
		dataDir: options.dataDir,
		tokens: { [options.token]: { tenant: DEFAULT_TENANT } },
		latencyMs: options.latencyMs,
	});
	console.log(`Extend Commerce sandbox back office: ${office.url}`);
	console.log(`  API:   ${office.url}/api/v1   (Authorization: Bearer ${office.token})`);
	console.log(`  Page:  ${office.url}/`);
	console.log(`  Data:  ${options.dataDir ?? 'in memory only'}`);
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
