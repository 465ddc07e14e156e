import type { CanonicalOrder, CanonicalProduct } from '../../nodes/shared/mapping/canonical';
import { startBackOffice, type BackOffice, type BackOfficeOptions } from '../../sandbox/extend-commerce';

export interface ApiAnswer {
	status: number;
	headers: Headers;
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Calls the sandbox API with the default token unless `token` is given (null = no header). */
export async function call(
	office: BackOffice,
	method: string,
	path: string,
	options: { body?: unknown; rawBody?: string; token?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
	const headers: Record<string, string> = { ...options.headers };
	const token = options.token === undefined ? office.token : options.token;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
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
	return { status: response.status, headers: response.headers, body };
}

export const CONNECTION = {
	name: 'Demo shop',
	externalSystem: 'woocommerce',
	storeUrl: 'https://shop.example.com',
	orderStart: '2025-01-01T00:00:00Z',
	warehouse: 'Main',
	companyGroup: null,
};

export async function startWithConnection(options: BackOfficeOptions = {}, key = 'demo-shop'): Promise<BackOffice> {
	const office = await startBackOffice(options);
	const answer = await call(office, 'PUT', `/api/v1/connections/${key}`, { body: CONNECTION });
	if (answer.status !== 201) throw new Error(`connection setup failed: ${answer.status} ${JSON.stringify(answer.body)}`);
	return office;
}

let batchCounter = 0;

/** POSTs a batch with a fresh Idempotency-Key unless one is given. */
export function pushBatch(
	office: BackOffice,
	resource: 'products' | 'orders',
	records: unknown[],
	options: { key?: string; idempotencyKey?: string; token?: string } = {},
): Promise<ApiAnswer> {
	batchCounter += 1;
	return call(office, 'POST', `/api/v1/connections/${options.key ?? 'demo-shop'}/${resource}/batch`, {
		body: { records },
		token: options.token,
		headers: { 'Idempotency-Key': options.idempotencyKey ?? `test-${process.pid}-${batchCounter}-${Date.now()}` },
	});
}

export function product(sourceId: string, overrides: Partial<CanonicalProduct> = {}): CanonicalProduct {
	return {
		sourceId,
		parentSourceId: null,
		sku: `SKU-${sourceId}`,
		name: `Product ${sourceId}`,
		type: 'simple',
		status: 'active',
		price: { amount: '18.00', currency: 'EUR' },
		regularPrice: { amount: '18.00', currency: 'EUR' },
		salePrice: null,
		stock: { managed: true, quantity: '5', status: 'in_stock' },
		weight: '0.5',
		dimensions: { length: '10', width: '5', height: null },
		categories: [{ sourceId: '15', name: 'Clothing', slug: 'clothing' }],
		attributes: [{ name: 'Color', slug: 'pa_color', values: ['Blue'] }],
		images: [{ url: 'https://shop.example.com/wp-content/uploads/tee.jpg', alt: '' }],
		createdAt: '2025-03-01T10:00:00Z',
		modifiedAt: '2025-03-04T04:11:35Z',
		...overrides,
	};
}

const address = {
	firstName: 'Ada',
	lastName: 'Lovelace',
	company: '',
	line1: '1 Main St',
	line2: '',
	city: 'London',
	state: '',
	postcode: 'N1 1AA',
	country: 'GB',
	email: 'ada@example.com',
	phone: '',
};

export function order(sourceId: string, overrides: Partial<CanonicalOrder> = {}): CanonicalOrder {
	return {
		sourceId,
		number: sourceId,
		status: 'processing',
		sourceStatus: 'processing',
		currency: 'EUR',
		pricesIncludeTax: false,
		createdAt: '2025-03-04T09:00:00Z',
		modifiedAt: '2025-03-04T09:05:00Z',
		paidAt: '2025-03-04T09:01:00Z',
		completedAt: null,
		customer: { sourceId: '7', email: 'ada@example.com', guest: false },
		billingAddress: address,
		shippingAddress: { ...address, email: null },
		lines: [
			{
				sourceId: '1',
				sku: 'TEE-BLUE',
				name: 'T-shirt - Blue',
				productSourceId: '10',
				variantSourceId: '11',
				quantity: '2',
				unitPrice: '9.00',
				subtotal: '18.00',
				discount: '0.00',
				tax: '3.60',
				total: '18.00',
				taxes: [{ rateId: '1', amount: '3.60' }],
			},
		],
		shippingLines: [{ sourceId: '2', method: 'Flat rate', methodId: 'flat_rate', total: '5.00', tax: '1.00' }],
		feeLines: [],
		couponLines: [],
		taxes: [{ rateId: '1', code: 'GB-VAT-1', label: 'VAT', rate: '20.0000', taxTotal: '3.60', shippingTaxTotal: '1.00' }],
		totals: {
			discount: '0.00',
			discountTax: '0.00',
			shipping: '5.00',
			shippingTax: '1.00',
			cartTax: '3.60',
			tax: '4.60',
			total: '27.60',
			refunded: '0.00',
		},
		paymentMethod: { id: 'bacs', title: 'Direct bank transfer', transactionId: '' },
		customerNote: '',
		refunds: [],
		...overrides,
	};
}

/** A clock the test moves by hand. */
export function manualClock(start: string): { now: () => Date; advance(seconds: number): void; set(iso: string): void } {
	let current = Date.parse(start);
	return {
		now: () => new Date(current),
		advance(seconds) {
			current += seconds * 1000;
		},
		set(iso) {
			current = Date.parse(iso);
		},
	};
}

/** A copy of the object without the given keys. */
export function omit<T extends object>(value: T, ...keys: Array<keyof T>): Partial<T> {
	const copy: Partial<T> = { ...value };
	for (const key of keys) delete copy[key];
	return copy;
}
