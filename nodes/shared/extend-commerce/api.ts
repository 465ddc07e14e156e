/**
 * The one place that knows Extend Commerce's REST API.
 *
 * Extend's knowledge base documents method names, the CustomerOrders body, webhooks, 429 and
 * `x-ratelimit-limit` (see docs/extend-commerce-api.md, which names each page). It publishes no
 * host, path prefix, authentication, paging scheme, list-parameter names, response models,
 * product method or error model. Every such choice below is marked ASSUMED; the push node, the
 * readers, the webhook trigger and the sandbox back office all take them from here, so a
 * correction from Extend is one edit in this file. An integrator whose tenant answers otherwise
 * adjusts the ASSUMED items without a code change: assumptions.ts lays the back-office
 * credential's "API Adjustments" over these defaults, and the clients hand the result on.
 */

/** ASSUMED: the product resource, `{productNumber}` where the product number goes. */
export const ASSUMED_PRODUCT_PATH = 'Products/{productNumber}';

/** Documented method names (Best Practice page). The base URL is the credential's API URL, prefix kept. */
export const EXTEND_PATHS = {
	/** Documented: `POST CustomerOrders` creates one order; `GET CustomerOrders` lists orders. */
	customerOrders: 'CustomerOrders',
	/** Documented: `GET customerorders/{id}` gives an order with its delivery/shipment details. */
	customerOrder: (orderNumber: string): string => `customerorders/${encodeURIComponent(orderNumber)}`,
	/** Documented: `GET ProductAvailability` gives available balances per warehouse. */
	productAvailability: 'ProductAvailability',
	/** ASSUMED (ASSUMED_PRODUCT_PATH): Extend documents no product method; one resource keyed by product number. */
	product: (productNumber: string): string => ASSUMED_PRODUCT_PATH.replace('{productNumber}', encodeURIComponent(productNumber)),
} as const;

/**
 * ASSUMED: list paging and filter parameter names. Extend says lists page and can be filtered by
 * change date, but names neither the parameters nor the answer's shape. Lists are read tolerantly
 * (a JSON array, or the first array among `items`, `data`, `results`, `value`); a page shorter
 * than the page size is the last one.
 */
export const ASSUMED_LIST = {
	page: 'page',
	pageSize: 'pageSize',
	/** 1-based. */
	firstPage: 1,
	maxPageSize: 100,
	changedSince: 'changedSince',
	/** CustomerOrders: look an order up by the shop's own order number. */
	orderNumberExternal: 'orderNumberExternal',
	/**
	 * CustomerOrders: the orders with any of these comma-separated shop order numbers, so the push
	 * learns which orders of a page Extend holds in one request. An answer is trusted only when it
	 * proves itself (see orderLookups.ts); otherwise the push looks each order up on its own.
	 */
	orderNumbersExternal: 'orderNumbersExternal',
	/** ProductAvailability: one warehouse (short name). */
	warehouse: 'warehouse',
	/** ProductAvailability: comma-separated product numbers. */
	productNumbers: 'productNumbers',
	arrayFields: ['items', 'data', 'results', 'value'],
} as const;

/**
 * ASSUMED: orders. Create answers 200/201 with the order, whose `orderNumber` is Extend's own
 * number (the legacy XML order response has OrderNumber and ExternalOrderNumber) and the `{id}` of
 * `customerorders/{id}`. Extend documents no duplicate answer, so the package depends on none: it
 * looks `orderNumberExternal` up before every create and again after any create not answered with
 * a success (see orders.ts).
 * Rows of an existing order are cancelled with `PUT customerorders/{orderNumber}` carrying rows
 * with `rowOperation: "Inactive"` and their warehouse (the row operation and the warehouse rule
 * are documented; the verb and path of an update are not).
 */
export const ASSUMED_ORDER = {
	extendNumberField: 'orderNumber',
	externalNumberField: 'orderNumberExternal',
	updateMethod: 'PUT',
	/** `{orderNumber}` is Extend's order number (the path of the documented `GET customerorders/{id}`). */
	updatePath: 'customerorders/{orderNumber}',
	/** Documented value. */
	inactiveRowOperation: 'Inactive',
} as const;

/**
 * ASSUMED: the order detail answer (`GET customerorders/{id}`). Extend says it holds "all details
 * about the shipment of the order" but publishes no model. Fields read by this package:
 */
export const ASSUMED_ORDER_DETAIL = {
	/** 'Registered' | 'Reserved' | 'Picked' | 'Cancelled' (ASSUMED values). */
	status: 'status',
	cancelledStatus: 'Cancelled',
	deliveries: 'deliveries',
	delivery: { date: 'deliveryDate', carrier: 'carrier', trackingNumber: 'trackingNumber', trackingUrl: 'trackingUrl' },
} as const;

/**
 * ASSUMED: which order detail status (ASSUMED_ORDER_DETAIL.status) agrees with the WooCommerce
 * status an event sets. The event decides the status; a detail that says otherwise is reported.
 */
export const ASSUMED_ORDER_STATUS_AGREEING: Readonly<Record<string, readonly string[]>> = {
	completed: ['Picked', 'Delivered'],
	cancelled: ['Cancelled'],
};

/** ASSUMED: one ProductAvailability row. */
export const ASSUMED_AVAILABILITY = {
	productNumber: 'productNumber',
	warehouse: 'warehouse',
	available: 'availableBalance',
	changed: 'changed',
} as const;

/**
 * ASSUMED: the product document of `Products/{productNumber}` (GET → 200 or 404; PUT creates or
 * replaces). Only productNumber = SKU follows from the documented order rows.
 */
export const ASSUMED_PRODUCT_FIELDS = [
	'productNumber',
	'parentProductNumber',
	'name',
	'unit',
	'price',
	'vatPercent',
	'currency',
	'gtin',
	'weight',
	'length',
	'width',
	'height',
	'active',
] as const;

/**
 * Rate limits. Documented: 429 over the limit, three `x-ratelimit-*` headers, `x-ratelimit-limit`
 * "300" (standard). ASSUMED: the other two are `x-ratelimit-remaining` and `x-ratelimit-reset`
 * (seconds until the window resets); the window length is not published.
 */
export const RATE_LIMIT_HEADERS = {
	limit: 'x-ratelimit-limit',
	remaining: 'x-ratelimit-remaining',
	reset: 'x-ratelimit-reset',
} as const;

/**
 * ASSUMED: which answers refuse one record (it goes to the error output, the run goes on) rather
 * than the whole run. Extend documents "3 types of error messages" without naming them.
 */
export const RECORD_LEVEL_STATUSES: readonly number[] = [400, 409, 422];

/** ASSUMED: where an error answer's text is read from (Extend publishes no error model). */
export const ERROR_MESSAGE_FIELDS = ['message', 'Message', 'error', 'title', 'detail', 'errors'] as const;

/**
 * Documented: the webhook signature header and its form `sha256=<HEX>` (HMAC-SHA256 of the raw body).
 * ASSUMED: how Extend reads the receiver's answer. Extend documents `Attempt` (deliveries are
 * retried) but neither the expected answer nor the retry policy; the Extend Commerce Trigger
 * answers 2xx once the run has finished well (or the notification is ignored), 500 when the run
 * failed, 401 to a missing or wrong signature, assuming any 2xx ends the retries and anything else
 * asks for one.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'ms-signature';

/** Documented: the 18 webhook events of the Webhooks page. */
export const WEBHOOK_EVENTS = [
	'OrderPicked',
	'OrderReserved',
	'OrderCancelled',
	'BalanceChanged',
	'AvailableBalanceChanged',
	'OrderDeliveryDataChanged',
	'PurchasePartiallyDelivered',
	'PurchaseCancelled',
	'PurchaseDelivered',
	'ProductCreated',
	'ProductChanged',
	'OrderCreated',
	'CustomerCreated',
	'CustomerChanged',
	'OfferCreated',
	'OfferChanged',
	'CustomerInvoiceCreated',
	'CustomerInvoiceChanged',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * Webhook `Details` fields read by this package. Documented examples: ProductCreated →
 * `ProductNumber`; PurchasePartiallyDelivered → `OrderNumber`, `Warehouse`. ASSUMED: order events
 * carry `OrderNumber` (Extend's number) and balance events `ProductNumber` and `Warehouse`.
 */
export const WEBHOOK_DETAIL_FIELDS = {
	orderNumber: 'OrderNumber',
	productNumber: 'ProductNumber',
	warehouse: 'Warehouse',
} as const;

/**
 * ASSUMED: changing an order after its first send (Extend documents "Add new Row in an existing
 * Order", "Update existing row in an Order by external position" and `rowOperation: "Inactive"`,
 * but neither verb, path nor form). The package sends `ASSUMED_ORDER.updateMethod`
 * `customerorders/{orderNumber}` with only the rows that change: a row with a known
 * `externalRow.externalPosition` updates that row, one with a new position is added, and a row
 * WooCommerce no longer has is sent `Inactive` with its warehouse. Documented: after
 * OrderReserved an order cannot be changed. ASSUMED: the detail's `status` then reads one of
 * `lockedStatuses`, `changed` tells since when, and a row Extend holds as cancelled carries
 * `rowOperation` or `rowStatus` "Inactive".
 */
export const ASSUMED_ORDER_CHANGES = {
	rows: 'orderRows',
	lockedStatuses: ['Reserved', 'Picked'],
	since: 'changed',
	rowStatus: 'rowStatus',
} as const;
