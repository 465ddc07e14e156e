/**
 * The sandboxes a real n8n is checked against (scripts/verify-in-n8n.sh; not part of CI): the demo's
 * store and back office on 127.0.0.1, the two credentials in n8n's `import:credentials` format, and a
 * small control server on 127.0.0.1 so the script can change the store between runs and read what
 * reached the back office.
 *
 *   npx tsx scripts/verify-in-n8n/sandboxes.ts OUT_DIR [--orders N] [--products N]
 *
 * Writes OUT_DIR/credentials.json and OUT_DIR/control-url, then serves until killed.
 *   POST /change      the demo's store changes (edits, a new order the back office rejects once)
 *   POST /new-orders  three new orders and one edited order (the queue-mode check, between executions)
 *   GET  /office      what the back office holds and how often each order was sent
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { storeSkus } from '../../sandbox/cli';
import { changeStore, DEMO_STORE, demoCredentials, loadTemplate, startDemoEnv, TEMPLATES } from '../../demo/demo';

const SENT_STATUSES = ['processing', 'on-hold', 'completed'];

function flag(name: string, fallback: number): number {
	const index = process.argv.indexOf(name);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

/** The credential ids the templates reference, so imported credentials fill their slots as the README says. */
function templateCredentialIds(): Record<string, { id: string; name: string }> {
	const ids: Record<string, { id: string; name: string }> = {};
	for (const template of TEMPLATES) {
		for (const node of loadTemplate(template.file).nodes) {
			for (const [type, reference] of Object.entries(node.credentials ?? {})) {
				if (reference.id) ids[type] = { id: reference.id, name: reference.name };
			}
		}
	}
	return ids;
}

async function main(): Promise<void> {
	const outDir = process.argv[2];
	if (!outDir) throw new Error('usage: sandboxes.ts OUT_DIR [--orders N] [--products N]');
	const env = await startDemoEnv({ ...DEMO_STORE, orders: flag('--orders', 200), products: flag('--products', 40) });
	// Both templates fire on the same schedule tick here, so orders can reach Extend before their
	// products; Extend expects products to exist in both systems, so the back office knows them first.
	env.office.master.addProducts(storeSkus(env.store));
	const data = demoCredentials(env);
	const ids = templateCredentialIds();
	const credentials = Object.entries(data).map(([type, values]) => ({
		id: ids[type]?.id ?? type,
		name: ids[type]?.name ?? type,
		type,
		data: values,
	}));
	writeFileSync(path.join(outDir, 'credentials.json'), JSON.stringify(credentials, null, 1));

	const server = createServer((req, res) => {
		const answer = (body: unknown) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.method === 'POST' && req.url === '/change') return answer({ done: changeStore(env) });
		if (req.method === 'POST' && req.url === '/new-orders') {
			const inserted = [0, 1, 2].map(() => env.store.store.insertOrder().id);
			const edited = env.store.store.orders().find((order) => order.status === 'processing');
			if (edited) env.store.store.editOrder(edited.id, { customer_note: `edited at ${new Date().toISOString()}` });
			return answer({ inserted, edited: edited?.id ?? null });
		}
		if (req.method === 'GET' && req.url === '/office') {
			const orders = env.office.data.orders();
			const externals = orders.map((order) => order.orderNumberExternal);
			// The orders the template sends: its Statuses to Send (processing, on-hold, completed); the
			// others are skipped by design (pending, failed, drafts) or only cancel what was sent.
			const sendable = env.store.store.orders().filter((order) => SENT_STATUSES.includes(order.status));
			const storeOrders = sendable.length;
			const writes: Record<string, number> = {};
			for (const entry of env.office.log) {
				if (entry.method === 'GET') continue;
				const key = `${entry.method} ${entry.path.split('?')[0].replace(/\/\d+(?=\/|$)/g, '/{n}')} ${entry.status}`;
				writes[key] = (writes[key] ?? 0) + 1;
			}
			const storeIds = sendable.map((order) => String(order.id));
			const missing = storeIds.filter((id) => !externals.includes(id));
			return answer({ storeOrders, officeOrders: orders.length, distinctExternal: new Set(externals).size, missing: missing.slice(0, 20), missingCount: missing.length, officeProducts: env.office.data.products().length, writes });
		}
		res.writeHead(404).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	writeFileSync(path.join(outDir, 'control-url'), `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
	console.log(`store ${env.store.httpsUrl}, back office ${env.office.url}, ${env.store.store.orders().length} orders`);
	const stop = () => void env.close().then(() => server.close(() => process.exit(0)));
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
