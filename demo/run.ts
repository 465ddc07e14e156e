/**
 * `npm run demo [-- --serve]`: both templates against the local sandboxes, as scheduled runs,
 * twice — a first full sync, then an incremental one after some store changes.
 * Only 127.0.0.1 is contacted. With --serve both sandboxes keep serving until Ctrl-C.
 */
import { runReverseDemo, type ReverseDemoSummary } from './reverse';
import { DEMO_CONNECTION_NAME, DEMO_RATE_LIMIT, DEMO_STORE, runDemo, startDemoEnv, TEMPLATES, type DemoEnv } from './demo';
import { formatSummary, totals, type RunSummary } from './summary';
import { serveUntilStopped } from '../sandbox/serve';
import { SYNC_TABLE_NAME } from '../test/support/cursor-table';

export interface DemoArgs {
	serve: boolean;
	help: boolean;
}

export const USAGE = `Usage: npm run demo [-- --serve]
  --serve   keep both sandboxes serving after the demo, until Ctrl-C
  --help    this text`;

export function parseDemoArgs(argv: string[]): DemoArgs {
	const args: DemoArgs = { serve: false, help: false };
	for (const arg of argv) {
		if (arg === '--serve') args.serve = true;
		else if (arg === '--help' || arg === '-h') args.help = true;
		else throw new Error(`Unknown option '${arg}'\n${USAGE}`);
	}
	return args;
}

export function describeEnv(env: DemoEnv): string[] {
	const products = env.store.store.products().length;
	const variations = env.store.store.variations().length;
	const orders = env.store.store.orders().length;
	return [
		`WooCommerce sandbox  ${env.store.httpsUrl}  (${products} products with ${variations} variations, ${orders} orders)`,
		`Extend Commerce      ${env.office.url}  (sandbox back office, connection "${DEMO_CONNECTION_NAME}"; rate limit raised to ${DEMO_RATE_LIMIT.limit} requests per ${DEMO_RATE_LIMIT.windowSeconds} s for the demo)`,
		`Templates            ${TEMPLATES.map((t) => `templates/${t.file}`).join(', ')}`,
		`Data table           ${SYNC_TABLE_NAME} (in-process stand-in for n8n's Data tables)`,
	];
}

export function reverseLines(summary: ReverseDemoSummary): string[] {
	return [
		`AvailableBalanceChanged for ${summary.stock.sku}: WooCommerce stock ${summary.stock.before ?? 'unmanaged'} → ${summary.stock.after ?? 'unmanaged'} (${summary.stock.runs} run)`,
		`OrderPicked for Extend order ${summary.order.extendOrderNumber}: WooCommerce order #${summary.order.wooOrderNumber} ${summary.order.before} → ${summary.order.after}, note "${summary.order.note ?? ''}" (${summary.order.runs} run)`,
		`webhook deliveries: ${summary.deliveries.map((d) => `${d.action} attempt ${d.attempt} → ${d.status}`).join(', ')}`,
	];
}

export function runBlock(title: string, summaries: RunSummary[]): string[] {
	const sum = totals(summaries);
	return [
		title,
		...summaries.flatMap((s) => [`  ${formatSummary(s)}`, ...s.rejections.map((reason) => `            Rejected records → ${reason}`)]),
		`  total     fetched ${sum.fetched}, created ${sum.created}, updated ${sum.updated}, unchanged ${sum.unchanged}, skipped ${sum.skipped}, cancelled ${sum.cancelled}, rejected ${sum.rejected}`,
	];
}

async function main(argv: string[]): Promise<void> {
	const args = parseDemoArgs(argv);
	if (args.help) {
		console.log(USAGE);
		return;
	}
	console.log('Starting the sandboxes and seeding the store…');
	const env = await startDemoEnv(DEMO_STORE);
	let failed = true;
	let finished = false;
	try {
		for (const line of describeEnv(env)) console.log(line);
		console.log('');
		const report = await runDemo(env, (step, partial) => {
			if (step === 'first') for (const line of runBlock('Run 1 — first sync (scheduled executions; each saves its next cursor in the Data table)', partial.first ?? [])) console.log(line);
			if (step === 'changes') {
				console.log('');
				console.log('Changes in the store:');
				for (const change of partial.changes ?? []) console.log(`  ${change}`);
				console.log('');
			}
		});
		for (const line of runBlock('Run 2 — incremental (only what changed since the saved cursor)', report.second)) console.log(line);
		failed = [...report.first, ...report.second].some((s) => s.status !== 'success');
		console.log('');
		console.log('Back to the store — the webhook templates (signed Extend webhooks; separate small sandboxes):');
		const reverse = await runReverseDemo();
		for (const line of reverseLines(reverse)) console.log(`  ${line}`);
		failed ||= reverse.stock.after === reverse.stock.before || reverse.order.after !== 'completed';
		console.log('');
		console.log(`Back office page: ${env.office.origin}/`);
		finished = true;
	} finally {
		if (!finished || !args.serve) await env.close();
	}
	if (failed) process.exitCode = 1;
	if (!args.serve) return;
	const k = env.store.keys.readWrite;
	console.log('');
	console.log('Serving until Ctrl-C:');
	console.log(`  WooCommerce: ${env.store.httpsUrl} (https, self-signed) and ${env.store.httpUrl} (http, OAuth 1.0a)`);
	console.log(`    consumer key ${k.consumerKey}  secret ${k.consumerSecret}`);
	console.log(`  Extend Commerce: ${env.office.url}  bearer token ${env.office.credentials.bearer}  (or ${env.office.credentials.apiKey.header}: ${env.office.credentials.apiKey.value})`);
	await serveUntilStopped(async () => await env.close());
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	});
}
