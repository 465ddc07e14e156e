/**
 * WooCommerce-compatible sandbox store: a wc/v3 REST server that answers like a real
 * WooCommerce 10.0.2 store (see test/fixtures/woocommerce/real-10.0.2), startable in-process.
 *
 *   const woo = await startWooSandbox({ orders: 200 });
 *   // woo.httpsUrl + '/wp-json/wc/v3/orders' with Basic auth woo.keys.readWrite ...
 *   await woo.close();
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import type { KeyRecord } from './auth';
import { Churn } from './churn';
import { Faults } from './faults';
import { generate } from './generator';
import { buildRoutes } from './routes';
import { preEncode } from './serialize';
import { createHandler, type ServerState } from './server';
import { Store } from './store';
import { assertTimeZone } from './time';
import type { ApiKey, RequestLogEntry, WooSandbox, WooSandboxOptions } from './types';

export type {
	ApiKey,
	FaultSpec,
	ProductInsert,
	RequestLogEntry,
	SandboxFaults,
	SandboxStore,
	WooOrder,
	WooProduct,
	WooSandbox,
	WooSandboxOptions,
	WooVariation,
} from './types';
export { oauthBaseString, oauthSign } from './auth';

export const DEFAULT_OPTIONS: Required<WooSandboxOptions> = {
	host: '127.0.0.1',
	httpPort: 0,
	httpsPort: 0,
	https: true,
	seed: 1,
	products: 30,
	variableShare: 0.25,
	variationsPerProduct: 5,
	orders: 50,
	customers: 6,
	dataStartUtc: '2025-01-01T00:00:00Z',
	dataEndUtc: '2025-07-31T00:00:00Z',
	timeZone: 'America/New_York',
	permalinks: 'pretty',
	basicOverHttp: false,
	stripAuthorizationHeader: false,
	legacyNoModifiedFilter: false,
	ignoredListFilters: [],
	storeWideVariations: false,
	clockOffsetSeconds: 0,
	latencyMs: 0,
	wooVersion: '10.0.2',
	churnPerSecond: 0,
	churnRace: false,
	churnKinds: ['order'],
};

/** Above this many records a store encodes each record when it is served, not when it is built. */
export const PRE_ENCODE_MAX_ROWS = 250_000;

export const CERT_DIR = path.resolve(__dirname, '..', 'certs');

function makeKey(seed: number, name: string, permissions: ApiKey['permissions'], userCanView = true): ApiKey {
	const h = (p: string) => createHash('sha1').update(`woo-sandbox:${seed}:${name}:${p}`).digest('hex');
	return { consumerKey: `ck_${h('key')}`, consumerSecret: `cs_${h('secret')}`, permissions, userCanView };
}

function listen(server: http.Server | https.Server, port: number, host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

function urlHost(host: string): string {
	return host.includes(':') ? `[${host}]` : host;
}

export async function startWooSandbox(options: WooSandboxOptions = {}): Promise<WooSandbox> {
	const opts: Required<WooSandboxOptions> = { ...DEFAULT_OPTIONS };
	for (const [k, v] of Object.entries(options)) if (v !== undefined) (opts as unknown as Record<string, unknown>)[k] = v;
	assertTimeZone(opts.timeZone);

	const now = () => new Date(Date.now() + opts.clockOffsetSeconds * 1000);
	const sockets = new Set<Socket>();
	const hanging = new Set<Socket>();
	const track = (s: Socket) => {
		sockets.add(s);
		s.once('close', () => sockets.delete(s));
	};

	const httpServer = http.createServer();
	httpServer.on('connection', track);
	const httpsServer = opts.https
		? https.createServer({ key: readFileSync(path.join(CERT_DIR, 'key.pem')), cert: readFileSync(path.join(CERT_DIR, 'cert.pem')) })
		: null;
	httpsServer?.on('secureConnection', track);
	httpsServer?.on('connection', track);

	const httpPort = await listen(httpServer, opts.httpPort, opts.host);
	const httpsPort = httpsServer ? await listen(httpsServer, opts.httpsPort, opts.host) : 0;
	const httpUrl = `http://${urlHost(opts.host)}:${httpPort}`;
	const httpsUrl = httpsServer ? `https://${urlHost(opts.host)}:${httpsPort}` : '';
	opts.httpPort = httpPort;
	opts.httpsPort = httpsPort;
	const canonical = httpsUrl || httpUrl;

	const store = new Store({
		now: () => now().getTime(),
		timeZone: () => opts.timeZone,
		origin: canonical,
		version: () => opts.wooVersion,
	});
	generate(store, opts);
	// Encode every record now rather than on its first request (see serialize.ts), unless the
	// store is so big that holding every encoding would cost more memory than it saves time.
	const rowCount = store.productRows.rows.size + store.variationRows.rows.size + store.orderRows.rows.size;
	if (opts.permalinks === 'pretty' && rowCount <= PRE_ENCODE_MAX_ROWS) {
		for (const collection of [store.productRows, store.variationRows, store.orderRows]) preEncode(collection.rows.values());
	}

	const keys = {
		readWrite: makeKey(opts.seed, 'read_write', 'read_write'),
		read: makeKey(opts.seed, 'read', 'read'),
		write: makeKey(opts.seed, 'write', 'write'),
		noCapability: makeKey(opts.seed, 'no_capability', 'read_write', false),
	};
	const keyMap = new Map<string, KeyRecord>(Object.values(keys).map((k) => [k.consumerKey, { key: k, nonces: new Map() }]));
	const faults = new Faults();
	const churn = new Churn(store, () => ({ perSecond: opts.churnPerSecond, race: opts.churnRace, kinds: opts.churnKinds, seed: opts.seed }));
	const log: RequestLogEntry[] = [];
	const state: ServerState = {
		options: opts,
		env: { store, options: opts, nowMs: () => now().getTime(), churn },
		routes: buildRoutes(),
		keys: keyMap,
		faults,
		log,
		canonical,
		hanging,
		now,
	};
	const onError = (res: http.ServerResponse) => (e: unknown) => {
		if (!res.headersSent) {
			res.writeHead(500, { 'Content-Type': 'text/plain' });
			res.end(`sandbox error: ${String(e)}`);
		}
	};
	httpServer.on('request', (req, res) => void createHandler(state, false)(req, res).catch(onError(res)));
	httpsServer?.on('request', (req, res) => void createHandler(state, true)(req, res).catch(onError(res)));

	let closed = false;
	return {
		httpUrl,
		httpsUrl,
		keys,
		store,
		faults,
		log,
		options: opts,
		churn,
		now,
		async close() {
			if (closed) return;
			closed = true;
			const closing = [httpServer, httpsServer].filter((s): s is http.Server => s !== null).map((s) => new Promise<void>((r) => s.close(() => r())));
			for (const s of sockets) s.destroy();
			for (const s of hanging) s.destroy();
			httpServer.closeAllConnections();
			httpsServer?.closeAllConnections();
			await Promise.all(closing);
		},
	};
}
