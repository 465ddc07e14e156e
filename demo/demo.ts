/**
 * The demo's steps: start both sandboxes and an in-process stand-in for n8n's Data tables (holding
 * the sync table the templates' sticky notes describe), run the templates as scheduled executions,
 * change the store, run them again. `npm run demo` (demo/run.ts) prints what these return.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { RATE_LIMIT_GROUPS, startBackOffice, type BackOffice, type RateLimitWindow } from '../sandbox/extend-commerce';
import { startWooSandbox, type WooSandbox, type WooSandboxOptions } from '../sandbox/woocommerce';
import type { InMemoryDataTables } from '../test/harness/data-tables';
import { runWorkflow, type RunResult, type WorkflowJson } from '../test/harness/run-workflow';
import { dataTablesWithSyncTable, savedCursor, withSyncTablePicked } from '../test/support/cursor-table';
import { summarizeRun, type DemoResource, type RunSummary } from './summary';

export const TEMPLATES_DIR = path.resolve(__dirname, '..', 'templates');

export interface TemplateSpec {
	file: string;
	label: string;
	resource: DemoResource;
}

export const TEMPLATES: readonly TemplateSpec[] = [
	{ file: 'woocommerce-products-to-extend-commerce.json', label: 'products', resource: 'product' },
	{ file: 'woocommerce-orders-to-extend-commerce.json', label: 'orders', resource: 'order' },
];

/** The node names the templates use (the tests check the templates keep them). */
export const FETCH_NODE = 'WooCommerce Fetch';
export const PUSH_NODE = 'Extend Commerce';
export const REJECTED_NODE = 'Rejected records';

export const DEMO_CONNECTION_NAME = 'Demo Shop';
export const DEMO_ORDER_START = '2025-01-01T00:00:00Z';
/** What a first product sync starts from (the fetch node's "beginning"). */
export const PRODUCTS_FIRST_START = 'the beginning';

export const DEMO_STORE: WooSandboxOptions = { products: 300, orders: 3000, variableShare: 0.25, variationsPerProduct: 5, seed: 1 };

export function loadTemplate(file: string, dir = TEMPLATES_DIR): WorkflowJson {
	return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as WorkflowJson;
}

export interface DemoEnv {
	store: WooSandbox;
	office: BackOffice;
	/** Stand-in for n8n's Data tables: the sync table the templates read and save their cursor in. */
	tables: InMemoryDataTables;
	close(): Promise<void>;
}

/**
 * The demo's back office answers far more requests per minute than the sandbox's default (300 per
 * minute per group), which the push node would honour: 3000 orders would then take about 20
 * minutes. The demo shows the flow, `npm run bench` the pacing.
 */
export const DEMO_RATE_LIMIT: RateLimitWindow = { limit: 100_000, windowSeconds: 60 };

/** Both sandboxes on free local ports, and an empty sync table. */
export async function startDemoEnv(store: WooSandboxOptions = DEMO_STORE): Promise<DemoEnv> {
	const rateLimits = Object.fromEntries(RATE_LIMIT_GROUPS.map((group) => [group, DEMO_RATE_LIMIT]));
	const [woo, office] = await Promise.all([startWooSandbox({ host: '127.0.0.1', ...store }), startBackOffice({ host: '127.0.0.1', port: 0, rateLimits })]);
	return {
		store: woo,
		office,
		tables: dataTablesWithSyncTable(),
		close: async () => {
			await Promise.all([woo.close(), office.close()]);
		},
	};
}

/** The two credentials the templates reference by name, filled in for the sandboxes. */
export function demoCredentials(env: Pick<DemoEnv, 'store' | 'office'>): Record<string, ICredentialDataDecryptedObject> {
	const key = env.store.keys.readWrite;
	return {
		extendCommerceConnectionApi: {
			connectionName: DEMO_CONNECTION_NAME,
			externalSystem: 'woocommerce',
			accessToken: key.consumerKey,
			secret: key.consumerSecret,
			apiUrl: env.store.httpsUrl || env.store.httpUrl,
			orderStart: DEMO_ORDER_START,
			warehouse: 'MAIN',
			companyGroup: '',
			authMode: 'automatic',
			// The sandbox store's certificate is self-signed (sandbox/certs).
			ignoreSslIssues: true,
		},
		extendCommerceApi: { apiUrl: env.office.url, authMode: 'bearer', bearerToken: env.office.credentials.bearer, ignoreSslIssues: false },
	};
}

/** The template as a user sets it up after import: the sync table picked in its Data table nodes. */
export function preparedTemplate(env: Pick<DemoEnv, 'tables'>, template: TemplateSpec): WorkflowJson {
	return withSyncTablePicked(loadTemplate(template.file), env.tables);
}

/** The cursor a template saved in the sync table (null before its first saved run). */
export function templateCursor(env: Pick<DemoEnv, 'tables'>, template: TemplateSpec): string | null {
	const workflow = loadTemplate(template.file);
	return savedCursor(env.tables, String(workflow.id), template.resource === 'product' ? 'products' : 'orders');
}

/** The push node's output that the template wires to "Rejected records" (the node's third output). */
export function rejectedOutputIndex(workflow: WorkflowJson): number {
	const outputs = workflow.connections[PUSH_NODE]?.main ?? [];
	return outputs.findIndex((targets) => (targets ?? []).some((c) => c.node === REJECTED_NODE));
}

/** Runs one template as a scheduled execution and summarises it. */
export async function runTemplate(env: DemoEnv, template: TemplateSpec, workflow = preparedTemplate(env, template)): Promise<{ summary: RunSummary; result: RunResult }> {
	const cursorBefore = templateCursor(env, template);
	const started = performance.now();
	const result = await runWorkflow(workflow, { credentials: demoCredentials(env), mode: 'trigger', dataTables: env.tables });
	const ms = performance.now() - started;
	const summary = summarizeRun(
		{ status: result.status, error: result.error, fetched: result.items(FETCH_NODE), pushed: result.items(PUSH_NODE, 0), errorBranch: result.items(PUSH_NODE, rejectedOutputIndex(workflow)) },
		{
			label: template.label,
			resource: template.resource,
			ms,
			cursorBefore,
			cursorAfter: templateCursor(env, template),
			firstStart: template.resource === 'order' ? DEMO_ORDER_START : PRODUCTS_FIRST_START,
		},
	);
	return { summary, result };
}

export async function runAllTemplates(env: DemoEnv): Promise<RunSummary[]> {
	const summaries: RunSummary[] = [];
	for (const template of TEMPLATES) summaries.push((await runTemplate(env, template)).summary);
	return summaries;
}

/**
 * What happens between two runs: two orders are edited, one variation gets a new price, a new
 * order comes in, and a simple product loses its SKU — Extend refers to products by SKU, so the
 * push node refuses it and the run shows a record on Rejected records. Then store time passes,
 * since each window ends at the store's clock minus the fetch node's settle time (30 s by
 * default). Returns what was done.
 */
export function changeStore(env: Pick<DemoEnv, 'store'>, advanceSeconds = 120): string[] {
	const { store } = env;
	const done: string[] = [];
	const orders = store.store.orders().filter((o) => o.status !== 'trash');
	const noted = orders[0];
	if (noted) {
		store.store.editOrder(noted.id, { customer_note: 'Please ring twice' });
		done.push(`order #${noted.id}: customer note added`);
	}
	const completing = orders.find((o) => o !== noted && o.status === 'processing') ?? orders.find((o) => o !== noted && o.status !== 'completed');
	if (completing) {
		const was = completing.status;
		store.store.editOrder(completing.id, { status: 'completed' });
		done.push(`order #${completing.id}: status ${was} → completed`);
	}
	const products = store.store.products().filter((p) => p.status !== 'trash');
	const variable = products.find((p) => p.type === 'variable' && store.store.variations(p.id).length > 0);
	if (variable) {
		const variation = store.store.variations(variable.id)[0];
		const was = variation.regular_price;
		const price = (Number(was || '10') + 1).toFixed(2);
		store.store.editVariation(variable.id, variation.id, { regular_price: price });
		done.push(`variation #${variation.id} of product #${variable.id}: regular price ${was || '(none)'} → ${price}`);
	}
	const inserted = store.store.insertOrder();
	done.push(`order #${inserted.id}: new`);
	const unnumbered = products.find((p) => p.type === 'simple');
	if (unnumbered) {
		store.store.editProduct(unnumbered.id, { sku: '' });
		done.push(`product #${unnumbered.id}: SKU removed (Extend needs one, so it goes to Rejected records)`);
	}
	store.options.clockOffsetSeconds += advanceSeconds;
	done.push(`store clock +${advanceSeconds} s (windows end at the store clock minus the 30 s settle time)`);
	return done;
}

export interface DemoReport {
	first: RunSummary[];
	changes: string[];
	second: RunSummary[];
}

/** Both templates, the store changes, both templates again. */
export async function runDemo(env: DemoEnv, onStep: (step: 'first' | 'changes' | 'second', report: Partial<DemoReport>) => void = () => {}): Promise<DemoReport> {
	const first = await runAllTemplates(env);
	onStep('first', { first });
	const changes = changeStore(env);
	onStep('changes', { first, changes });
	const second = await runAllTemplates(env);
	const report = { first, changes, second };
	onStep('second', report);
	return report;
}
