/** Public types of the WooCommerce sandbox (re-exported by index.ts). */

export interface WooSandboxOptions {
	host?: string;
	httpPort?: number;
	httpsPort?: number;
	https?: boolean;
	seed?: number;
	products?: number;
	variableShare?: number;
	variationsPerProduct?: number;
	orders?: number;
	customers?: number;
	dataStartUtc?: string;
	dataEndUtc?: string;
	timeZone?: string;
	permalinks?: 'pretty' | 'plain';
	basicOverHttp?: boolean;
	stripAuthorizationHeader?: boolean;
	legacyNoModifiedFilter?: boolean;
	/** List query parameters the store drops, as a plugin rewriting the REST API may (e.g. ['include']). */
	ignoredListFilters?: string[];
	storeWideVariations?: boolean;
	clockOffsetSeconds?: number;
	latencyMs?: number;
	wooVersion?: string;
	/** Changes per second of wall time while the store serves (see churn.ts); 0 = a quiet store. */
	churnPerSecond?: number;
	/** Changes land between a list page's id selection and its build, on that page's records. */
	churnRace?: boolean;
	/** What the changes touch. */
	churnKinds?: Array<'order' | 'product'>;
}

export interface ApiKey {
	consumerKey: string;
	consumerSecret: string;
	permissions: 'read' | 'write' | 'read_write';
	userCanView?: boolean;
}

export interface WooMeta {
	id: number;
	key: string;
	value: unknown;
}

export interface WooImage {
	id: number;
	date_created: string;
	date_created_gmt: string;
	date_modified: string;
	date_modified_gmt: string;
	src: string;
	name: string;
	alt: string;
}

export interface WooProduct {
	id: number;
	name: string;
	slug: string;
	permalink: string;
	date_created: string;
	date_created_gmt: string;
	date_modified: string;
	date_modified_gmt: string;
	type: 'simple' | 'variable' | 'grouped' | 'external';
	status: string;
	featured: boolean;
	sku: string;
	price: string;
	regular_price: string;
	sale_price: string;
	stock_quantity: number | null;
	stock_status: string;
	parent_id: number;
	categories: Array<{ id: number; name: string; slug: string }>;
	attributes: Array<Record<string, unknown>>;
	variations: number[];
	menu_order: number;
	total_sales: number;
	average_rating: string;
	meta_data: WooMeta[];
	[key: string]: unknown;
}

export interface WooVariation {
	id: number;
	type: 'variation';
	date_created: string;
	date_created_gmt: string;
	date_modified: string;
	date_modified_gmt: string;
	permalink: string;
	sku: string;
	price: string;
	regular_price: string;
	sale_price: string;
	status: string;
	stock_quantity: number | null;
	attributes: Array<{ id: number; name: string; slug?: string; option: string }>;
	menu_order: number;
	meta_data: WooMeta[];
	name: string;
	parent_id: number;
	[key: string]: unknown;
}

export interface WooAddress {
	first_name: string;
	last_name: string;
	company: string;
	address_1: string;
	address_2: string;
	city: string;
	state: string;
	postcode: string;
	country: string;
	email?: string;
	phone: string;
}

export interface WooOrder {
	id: number;
	parent_id: number;
	status: string;
	currency: string;
	version: string;
	prices_include_tax: boolean;
	date_created: string;
	date_modified: string;
	discount_total: string;
	discount_tax: string;
	shipping_total: string;
	shipping_tax: string;
	cart_tax: string;
	total: string;
	total_tax: string;
	customer_id: number;
	order_key: string;
	billing: WooAddress;
	shipping: WooAddress;
	payment_method: string;
	date_completed: string | null;
	date_paid: string | null;
	number: string;
	meta_data: WooMeta[];
	line_items: Array<Record<string, unknown>>;
	tax_lines: Array<Record<string, unknown>>;
	shipping_lines: Array<Record<string, unknown>>;
	fee_lines: Array<Record<string, unknown>>;
	coupon_lines: Array<Record<string, unknown>>;
	refunds: Array<{ id: number; reason: string; total: string }>;
	date_created_gmt: string;
	date_modified_gmt: string;
	date_completed_gmt: string | null;
	date_paid_gmt: string | null;
	[key: string]: unknown;
}

/** `Partial<WooProduct>` whose `variations` is a count: how many variations to create (makes it variable). */
export type ProductInsert = { [K in keyof WooProduct as K extends 'variations' ? never : K]?: WooProduct[K] } & { variations?: number };

export interface SandboxStore {
	products(): WooProduct[];
	orders(): WooOrder[];
	variations(parentId?: number): WooVariation[];
	insertProduct(partial?: ProductInsert): WooProduct;
	insertOrder(partial?: Partial<WooOrder>): WooOrder;
	editProduct(id: number, changes?: Partial<WooProduct>): WooProduct;
	editVariation(parentId: number, variationId: number, changes?: Partial<WooVariation>): WooVariation;
	editOrder(id: number, changes?: Partial<WooOrder>): WooOrder;
	trashProduct(id: number): void;
	trashOrder(id: number): void;
	/** Gives an order a number other than its id, as a sequential-numbers plugin does (the REST `number` field). */
	renumberOrder(id: number, orderNumber: string): WooOrder;
	/** DELETE without force on a variation: trashed, as WooCommerce 10.0.2 does. */
	trashVariation(parentId: number, id: number): void;
	deleteProduct(id: number): void;
	deleteOrder(id: number): void;
	setModified(kind: 'product' | 'order' | 'variation', id: number, utc: string): void;
	onAfterListPage(
		hook: ((info: { route: string; query: Record<string, string | string[]>; page: number }) => void) | null,
	): void;
}

export interface FaultSpec {
	/** `skip`: let this many matching requests through before the fault hits. */
	match?: { route?: string | RegExp; method?: string; page?: number; skip?: number };
	times?: number;
	kind: 'status' | 'rate-limit' | 'hang' | 'reset' | 'truncated-json' | 'html-200' | 'redirect';
	status?: number;
	retryAfter?: string;
	redirectTo?: string;
	serverTimeMs?: number;
}

export interface SandboxFaults {
	add(spec: FaultSpec): void;
	clear(): void;
	pending(): number;
}

export type AuthKind = 'basic' | 'query' | 'oauth1' | 'none';

export interface RequestLogEntry {
	at: Date;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	authKind: AuthKind;
	status: number;
	rawUrl: string;
}

export interface WooSandbox {
	httpUrl: string;
	httpsUrl: string;
	keys: { readWrite: ApiKey; read: ApiKey; write: ApiKey; noCapability: ApiKey };
	store: SandboxStore;
	faults: SandboxFaults;
	log: RequestLogEntry[];
	options: Required<WooSandboxOptions>;
	/** The changes the churn knobs made so far, and a restart of their count. */
	churn: { changes: ReadonlyArray<{ kind: 'order' | 'product'; id: number; action: 'edit' | 'trash' | 'delete' | 'create'; at: number; race: boolean }>; restart(): void };
	now(): Date;
	close(): Promise<void>;
}
