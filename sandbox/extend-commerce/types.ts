/**
 * The public interface of the sandbox back office: what `startBackOffice()` takes and returns,
 * and the shapes of what it stores. What Extend documents is the sandbox's own copy
 * (documented.ts); what it does not publish comes from the node's assumptions
 * (nodes/shared/extend-commerce/api.ts) or is a sandbox choice, listed in docs/extend-commerce-api.md.
 */
import type { BackOfficeChoices, BackOfficeChoicesInput } from './choices';
import type { WebhookEvent } from './documented';

export type { WebhookEvent } from './documented';

/** The four ways a client may authenticate (Extend publishes none, so the sandbox offers all). */
export type AuthMode = 'apiKey' | 'bearer' | 'basic' | 'oauth2';
export const AUTH_MODES: readonly AuthMode[] = ['apiKey', 'bearer', 'basic', 'oauth2'];

/** One principal's secrets in every mode. */
export interface BackOfficeCredentials {
	/** Sent as `<header>: <value>`. */
	apiKey: { header: string; value: string };
	/** Sent as `Authorization: Bearer <bearer>`. */
	bearer: string;
	/** Sent as `Authorization: Basic base64(user:password)`. */
	basic: { user: string; password: string };
	/** Client credentials grant at `tokenUrl` (the same server); the token is then sent as Bearer. */
	oauth2: { tokenUrl: string; clientId: string; clientSecret: string; scope: string };
}

/** Secrets for one principal; omitted parts get demo defaults. */
export interface CredentialSeed {
	apiKey?: { header?: string; value?: string };
	bearer?: string;
	basic?: { user?: string; password?: string };
	oauth2?: { clientId?: string; clientSecret?: string; scope?: string };
}

/** The three rate-limit groups of the 'purpose' grouping (Extend documents three groups without naming them). */
export type RateLimitGroup = 'orders' | 'reads' | 'products';
export const RATE_LIMIT_GROUPS: readonly RateLimitGroup[] = ['orders', 'reads', 'products'];

/**
 * Which requests count against one window. Extend does not say which methods share a group, so the
 * sandbox can play each reading: 'purpose' — the three groups above (order writes, reads, products);
 * 'method' — each HTTP method on each resource alone ("GET customerorders"); 'resource' — every
 * method on one resource together ("customerorders"); 'shared' — one window for everything ("all").
 */
export type RateLimitGrouping = 'purpose' | 'method' | 'resource' | 'shared';
export const RATE_LIMIT_GROUPINGS: readonly RateLimitGrouping[] = ['purpose', 'method', 'resource', 'shared'];

export interface RateLimitWindow {
	/** Requests allowed per window. */
	limit: number;
	/** Window length in seconds (fixed windows). */
	windowSeconds: number;
}

export type FaultKind =
	/** Answer `status` (default 500) with a JSON message. */
	| 'status'
	/** Never answer (the client's timeout fires). */
	| 'hang'
	/** Destroy the connection without an answer. */
	| 'reset'
	/** Answer 502 with an HTML page, as a reverse proxy does when the back office is down. */
	| 'html502'
	/**
	 * Answer a create that meets an existing order (same orderNumberExternal) with `status` (400, 409
	 * or 422; default 400) and a message naming the external number: the other forms Extend might use
	 * for a duplicate, which it does not document.
	 */
	| 'duplicate';

export interface FaultSpec {
	kind: FaultKind;
	/** Which requests: `path` is matched against the path after the API prefix (a string: contained, case-insensitive; a RegExp: tested). */
	match?: { path?: string | RegExp; method?: string };
	/** How many matching requests fail; omitted = every one until `faults.clear()`. */
	times?: number;
	/** For 'status': the status (400–599, default 500). */
	status?: number;
	/** For 'status', 'reset' and 'hang': do the work first and only then fail the answer (a lost answer). */
	afterProcessing?: boolean;
}

export interface CustomerSeed {
	customerNumber: string;
	name?: string;
}

/** An order row as Extend's samples write it. */
export interface OrderRowInput {
	product: { productNumber: string; [extra: string]: unknown };
	salesData?: { quantity: number; unit?: string; unitPrice?: number; vatPercent?: number; currency?: string; [extra: string]: unknown };
	supplyMode?: string;
	warehouse?: string;
	externalRow?: { externalPosition?: number | string; [extra: string]: unknown };
	rowOperation?: string;
	[extra: string]: unknown;
}

/** A stored order row: as received, plus the row state the back office keeps. */
export interface OrderRow extends OrderRowInput {
	/** Sandbox: 1-based row position in the order. */
	rowPosition: number;
	/** Sandbox: 'Active', or 'Inactive' once cancelled. */
	rowStatus: 'Active' | 'Inactive';
}

export interface OrderHeader {
	orderType: string;
	orderNumberExternal: string;
	customerNumber: string;
	askedDeliveryDate?: string;
	deliveryMethod?: string;
	freightFree?: boolean;
	partialDelivery?: boolean;
	Promotion?: { usePromotions?: boolean; promotionCode?: string; [extra: string]: unknown };
	[extra: string]: unknown;
}

export type OrderStatus = 'Registered' | 'Reserved' | 'Picked' | 'Cancelled';

export interface Delivery {
	deliveryDate: string;
	carrier: string | null;
	trackingNumber: string | null;
	trackingUrl: string | null;
}

/** The order as `GET customerorders/{orderNumber}` answers it. */
export interface StoredOrder {
	/** Extend's own order number. */
	orderNumber: string;
	orderNumberExternal: string;
	status: OrderStatus;
	/** UTC, ISO 8601 with Z. */
	created: string;
	/** UTC; what `changedSince` filters on. */
	changed: string;
	orderHeader: OrderHeader;
	orderRows: OrderRow[];
	deliveries: Delivery[];
}

/** The assumed product document (ASSUMED_PRODUCT_FIELDS); unknown fields are kept. */
export interface StoredProduct {
	productNumber: string;
	parentProductNumber?: string;
	name?: string;
	unit?: string;
	price?: number;
	vatPercent?: number;
	currency?: string;
	gtin?: string;
	weight?: number;
	length?: number;
	width?: number;
	height?: number;
	active?: boolean;
	/** Sandbox: UTC timestamps. */
	created: string;
	changed: string;
	[extra: string]: unknown;
}

/** One ProductAvailability row (ASSUMED_AVAILABILITY). */
export interface AvailabilityRow {
	productNumber: string;
	warehouse: string;
	availableBalance: number;
	/** UTC. */
	changed: string;
}

export interface WebhookRegistrationInput {
	/** Where notifications are POSTed. */
	url: string;
	/** The HMAC-SHA256 key of `ms-signature`. */
	secret: string;
	/** Default: every event. */
	events?: WebhookEvent[];
	/** Public label (Extend's "Name"). */
	name?: string;
	/** Extend's "Filter event on": only notifications whose Details name this warehouse (or none). */
	warehouse?: string;
	/** Extend's "Aktivt" (default true). */
	active?: boolean;
}

export interface WebhookRegistration {
	id: string;
	url: string;
	secret: string;
	events: WebhookEvent[];
	name: string;
	warehouse: string | null;
	active: boolean;
}

/** One delivery attempt of one notification. */
export interface WebhookDelivery {
	registrationId: string;
	url: string;
	/** The envelope's `Id` (the same for every attempt of one notification). */
	id: string;
	notificationId: string;
	action: WebhookEvent;
	details: Record<string, string>;
	attempt: number;
	/** The exact raw body sent, and its `ms-signature` header. */
	body: string;
	signature: string;
	/** The receiver's status; 0 when no answer came (refused, reset, timeout). */
	status: number;
	error?: string;
	at: string;
}

export interface LogEntry {
	at: string;
	method: string;
	/** Path and query as requested (never carries secrets). */
	path: string;
	/** The answered status; 0 when a fault hung or reset the connection. */
	status: number;
	/** How the caller authenticated, once known. */
	authMode?: AuthMode;
	/** The rate-limit group the request counted in (its name depends on the grouping). */
	group?: string;
}

export interface MasterDataSeed {
	/** Default: WEBSHOP. Strings are customer numbers. */
	customers?: Array<string | CustomerSeed>;
	/** Product numbers (or documents) known to the back office. Default: none. */
	products?: Array<string | (Partial<StoredProduct> & { productNumber: string })>;
	/** Unit codes. Default: ST, Stk, FRP. */
	units?: string[];
	/** Warehouse short names. Default: MAIN. The first one is the default warehouse of a row without one. */
	warehouses?: string[];
	/** Delivery method codes. Default: Hamtas, Postnord, DHL, Standard. */
	deliveryMethods?: string[];
	/** Order types. Default: Normal. */
	orderTypes?: string[];
	/** Starting available balances. */
	balances?: Array<{ productNumber: string; warehouse: string; available: number }>;
}

export interface BackOfficeOptions {
	/** Interface to listen on (default '127.0.0.1'). */
	host?: string;
	/** Port (default 0 = a free port). */
	port?: number;
	/** The tenant's API path prefix; the API's paths go under it. Default '/demo-tenant/api'. */
	basePath?: string;
	/** Persistence folder; omitted = in memory only. */
	dataDir?: string;
	/** The clock (default: the system clock). */
	clock?: () => Date;
	/** Accepted auth modes (default: all four). */
	authModes?: AuthMode[];
	/** Secrets of the read-write principal (defaults: demo values). */
	credentials?: CredentialSeed;
	/** Secrets of a read-only principal (403 on writes); defaults: demo values with a `readonly` marker. Its API key goes in the read-write principal's header. */
	readOnlyCredentials?: CredentialSeed;
	/** Lifetime of OAuth2 access tokens in seconds (default 3600). */
	oauth2TokenSeconds?: number;
	/** Master data (defaults in MasterDataSeed). */
	master?: MasterDataSeed;
	/** Which requests share a window (default 'purpose'). */
	rateLimitGrouping?: RateLimitGrouping;
	/** Every group's window unless `rateLimits` names the group; default 300 per 60 s. */
	rateLimit?: RateLimitWindow;
	/** Per-group windows by group name, e.g. { reads: … } or, with 'method', { 'GET customerorders': … }. */
	rateLimits?: Partial<Record<string, RateLimitWindow>>;
	/** Send `Retry-After` with 429 (default false: Extend does not say it does). */
	retryAfter?: boolean;
	/** Webhooks registered at start. */
	webhooks?: WebhookRegistrationInput[];
	/** Webhook retries: attempts per notification (default 5) and the first retry delay, doubled per attempt (default 1000 ms). */
	webhookRetry?: { maxAttempts?: number; firstDelayMs?: number; timeoutMs?: number };
	/** Delay added to every API request (default 0). */
	latencyMs?: number;
	/** Most recent request-log entries kept (default 10 000). */
	logLimit?: number;
	/** Names and schemes where Extend publishes none (default: the package's assumptions; see choices.ts). */
	choices?: BackOfficeChoicesInput;
}

export interface PickInput {
	carrier?: string;
	trackingNumber?: string;
	trackingUrl?: string;
	/** Default: now. */
	deliveryDate?: string;
}

export interface BackOffice {
	/** API base including the prefix, no trailing slash: 'http://127.0.0.1:PORT/demo-tenant/api'. */
	url: string;
	/** 'http://127.0.0.1:PORT' (the web page is at `${origin}/`). */
	origin: string;
	/** The prefix alone, e.g. '/demo-tenant/api'. */
	basePath: string;
	/** The names and schemes this back office answers with. */
	choices: BackOfficeChoices;
	/** The read-write principal's secrets in all four modes. */
	credentials: BackOfficeCredentials;
	/** A read-only principal's secrets (its writes are answered 403). */
	readOnlyCredentials: BackOfficeCredentials;
	/** Copies of the stored state. */
	data: {
		orders(): StoredOrder[];
		order(orderNumber: string): StoredOrder | undefined;
		orderByExternal(orderNumberExternal: string): StoredOrder | undefined;
		products(): StoredProduct[];
		availability(): AvailabilityRow[];
		webhookDeliveries(): WebhookDelivery[];
	};
	master: {
		addProducts(products: Array<string | (Partial<StoredProduct> & { productNumber: string })>): void;
		addCustomers(customers: Array<string | CustomerSeed>): void;
		addUnits(units: string[]): void;
		addWarehouses(warehouses: string[]): void;
		addDeliveryMethods(codes: string[]): void;
		customers(): CustomerSeed[];
		units(): string[];
		warehouses(): string[];
		deliveryMethods(): string[];
	};
	/** Sets an available balance and fires AvailableBalanceChanged. */
	setAvailableBalance(productNumber: string, warehouse: string, available: number): AvailabilityRow;
	/** Registered → Reserved (fires OrderReserved); the order can no longer be changed. */
	reserveOrder(orderNumber: string): StoredOrder;
	/** Registered/Reserved/Picked → Picked with a delivery added (fires OrderPicked). */
	pickOrder(orderNumber: string, delivery?: PickInput): StoredOrder;
	/** Cancels the whole order and its rows (fires OrderCancelled); refused once picked. */
	cancelOrder(orderNumber: string): StoredOrder;
	webhooks: {
		register(input: WebhookRegistrationInput): WebhookRegistration;
		list(): WebhookRegistration[];
		remove(id: string): void;
		clear(): void;
		/** Resolves when every notification so far was delivered or gave up. */
		settled(): Promise<void>;
	};
	/** Live knobs: change them while the server runs. */
	rateLimits: {
		/** Which requests share a window; a change applies to the next request. */
		grouping: RateLimitGrouping;
		/** Windows of named groups ('purpose': all three are listed). */
		groups: Record<string, RateLimitWindow>;
		/** The window of every group not in `groups`. */
		window: RateLimitWindow;
		retryAfter: boolean;
		/** Forget the counts of the current windows. */
		reset(): void;
	};
	faults: { add(spec: FaultSpec): void; clear(): void };
	/** Live knob: delay added to every API request. */
	options: { latencyMs: number };
	/** The request log (newest last). */
	log: LogEntry[];
	close(): Promise<void>;
}
