import type { BackOffice, BackOfficeCredentials } from '../../sandbox/extend-commerce';

export interface ApiAnswer {
	status: number;
	headers: Headers;
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	text: string;
}

export type AuthChoice = 'apiKey' | 'bearer' | 'basic' | { oauth2Token: string } | null;

export function authHeaders(credentials: BackOfficeCredentials, auth: AuthChoice): Record<string, string> {
	if (auth === null) return {};
	if (auth === 'apiKey') return { [credentials.apiKey.header]: credentials.apiKey.value };
	if (auth === 'bearer') return { Authorization: `Bearer ${credentials.bearer}` };
	if (auth === 'basic') return { Authorization: `Basic ${Buffer.from(`${credentials.basic.user}:${credentials.basic.password}`).toString('base64')}` };
	return { Authorization: `Bearer ${auth.oauth2Token}` };
}

/** Calls the API (path relative to the base URL) with the read-write API key unless told otherwise. */
export async function call(
	office: BackOffice,
	method: string,
	path: string,
	options: { body?: unknown; rawBody?: string; auth?: AuthChoice; readOnly?: boolean; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
	const credentials = options.readOnly ? office.readOnlyCredentials : office.credentials;
	const headers: Record<string, string> = { ...authHeaders(credentials, options.auth === undefined ? 'apiKey' : options.auth), ...options.headers };
	let payload: string | undefined = options.rawBody;
	if (options.body !== undefined) payload = JSON.stringify(options.body);
	if (payload !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(`${office.url}${path}`, { method, headers, body: payload });
	const text = await response.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		body = text;
	}
	return { status: response.status, headers: response.headers, body, text };
}

/** Fetches an OAuth2 client-credentials token from the sandbox's token URL. */
export async function oauth2Token(credentials: BackOfficeCredentials, secret = credentials.oauth2.clientSecret): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
	const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.oauth2.clientId, client_secret: secret, scope: credentials.oauth2.scope });
	const response = await fetch(credentials.oauth2.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
	return { status: response.status, body: await response.json() };
}

/** An order body in the documented shape; rows name products the test seeds. */
export function orderBody(orderNumberExternal: string, rows: Array<{ productNumber: string; quantity?: number; position?: number; warehouse?: string }> = [{ productNumber: 'TEE-BLUE' }]) {
	return {
		orderHeader: { orderType: 'Normal', orderNumberExternal, customerNumber: 'WEBSHOP', deliveryMethod: 'Postnord', freightFree: false, partialDelivery: false },
		orderRows: rows.map((row, i) => ({
			product: { productNumber: row.productNumber },
			salesData: { quantity: row.quantity ?? 1, unit: 'ST', unitPrice: 19.99, vatPercent: 25, currency: 'SEK' },
			supplyMode: 'Warehouse',
			warehouse: row.warehouse ?? 'MAIN',
			externalRow: { externalPosition: row.position ?? (i + 1) * 10 },
		})),
	};
}

/** A clock the test moves by hand. */
export function manualClock(start: string): { now: () => Date; advance(seconds: number): void } {
	let current = Date.parse(start);
	return {
		now: () => new Date(current),
		advance(seconds) {
			current += seconds * 1000;
		},
	};
}
