/**
 * Customer orders: create (`POST CustomerOrders`), change rows (`PUT customerorders/{n}`), and the
 * back office's own steps (reserve, pick, cancel). Bodies are checked like an ERP would: shape
 * first (400), then every reference against master data (422), then the duplicate rule (409).
 */
import { ASSUMED_ORDER, WEBHOOK_DETAIL_FIELDS } from '../../nodes/shared/extend-commerce/api';
import { DEFAULT_CHOICES, type BackOfficeChoices } from './choices';
import { CUSTOMER_ORDER_MODEL, DOCUMENTED_INACTIVE_ROW } from './documented';
import { ApiError, utc } from './http';
import type { Notice } from './notices';
import type { Store } from './store';
import type { OrderHeader, OrderRow, OrderRowInput, PickInput, StoredOrder } from './types';
import { badField, checkFields, isObject, objectAt, stringAt, unknownValue, type Json } from './validate';

type IncomingRow = OrderRowInput;

const orderNotice = (action: Notice['action'], order: StoredOrder): Notice => ({
	action,
	details: { [WEBHOOK_DETAIL_FIELDS.orderNumber]: order.orderNumber },
});

/** The header by CUSTOMER_ORDER_MODEL (the sandbox's own copy of Extend's samples). */
function parseHeader(body: Json): OrderHeader {
	const header = objectAt(body, 'orderHeader', 'orderHeader', true)!;
	checkFields(header, CUSTOMER_ORDER_MODEL.orderHeader, 'orderHeader');
	if (isObject(header.Promotion)) checkFields(header.Promotion, CUSTOMER_ORDER_MODEL['orderHeader.Promotion'], 'orderHeader.Promotion');
	return header as OrderHeader;
}

/** A row by CUSTOMER_ORDER_MODEL; a cancel row (and any row of a change) may leave out salesData. */
function parseRow(value: unknown, field: string, forCreate: boolean): IncomingRow {
	if (!isObject(value)) throw badField(field, 'must be a JSON object.');
	const rowOperation = stringAt(value, 'rowOperation', `${field}.rowOperation`, false);
	const cancelling = rowOperation !== undefined;
	checkFields(value, CUSTOMER_ORDER_MODEL.orderRows, field, forCreate && !cancelling ? [] : ['salesData']);
	checkFields(value.product as Json, CUSTOMER_ORDER_MODEL['orderRows.product'], `${field}.product`);
	if (rowOperation !== undefined && rowOperation !== DOCUMENTED_INACTIVE_ROW) {
		throw badField(`${field}.rowOperation`, `must be '${DOCUMENTED_INACTIVE_ROW}' (to cancel the row) or left out, got '${rowOperation.slice(0, 30)}'.`);
	}
	if (isObject(value.salesData)) {
		checkFields(value.salesData, CUSTOMER_ORDER_MODEL['orderRows.salesData'], `${field}.salesData`, cancelling ? ['quantity'] : []);
		const quantity = value.salesData.quantity;
		if (typeof quantity === 'number' && quantity <= 0 && !cancelling) throw badField(`${field}.salesData.quantity`, `must be more than 0, got ${quantity}.`);
	}
	const external = value.externalRow;
	if (isObject(external) && external.externalPosition !== undefined && typeof external.externalPosition !== 'number' && typeof external.externalPosition !== 'string') {
		throw badField(`${field}.externalRow.externalPosition`, 'must be a number or a string.');
	}
	return value as IncomingRow;
}

function parseRows(body: Json, forCreate: boolean): IncomingRow[] {
	const rows = body.orderRows;
	if (!Array.isArray(rows) || rows.length === 0) throw badField('orderRows', 'must be a non-empty array of rows.');
	return rows.map((row, i) => parseRow(row, `orderRows[${i}]`, forCreate));
}

function checkHeaderReferences(store: Store, header: OrderHeader): void {
	if (!store.codes.orderType.includes(header.orderType)) {
		throw unknownValue('orderHeader.orderType', header.orderType, 'order type', store.codes.orderType);
	}
	if (!store.customers.has(header.customerNumber)) {
		throw unknownValue('orderHeader.customerNumber', header.customerNumber, 'customer', [...store.customers.keys()]);
	}
	if (header.deliveryMethod !== undefined && !store.codes.deliveryMethod.includes(header.deliveryMethod)) {
		throw unknownValue('orderHeader.deliveryMethod', header.deliveryMethod, 'delivery method', store.codes.deliveryMethod);
	}
}

function checkRowReferences(store: Store, row: IncomingRow, field: string): void {
	const productNumber = row.product.productNumber;
	const product = store.products.get(productNumber);
	if (!product) throw unknownValue(`${field}.product.productNumber`, productNumber, 'product', []);
	if (product.active === false && row.rowOperation === undefined) {
		throw new ApiError(422, `${field}.product.productNumber: product '${productNumber}' is inactive and cannot be ordered.`, { field: `${field}.product.productNumber`, value: productNumber });
	}
	const unit = row.salesData?.unit;
	if (unit !== undefined && !store.codes.unit.includes(unit)) throw unknownValue(`${field}.salesData.unit`, unit, 'unit', store.codes.unit);
	if (row.warehouse !== undefined && !store.codes.warehouse.includes(row.warehouse)) {
		throw unknownValue(`${field}.warehouse`, row.warehouse, 'warehouse', store.codes.warehouse);
	}
}

function stored(row: IncomingRow, position: number, warehouse: string | undefined): OrderRow {
	const inactive = row.rowOperation === DOCUMENTED_INACTIVE_ROW;
	return { ...row, ...(warehouse !== undefined ? { warehouse } : {}), rowPosition: position, rowStatus: inactive ? 'Inactive' : 'Active' };
}

export function defaultWarehouse(store: Store): string | undefined {
	return store.codes.warehouse[0];
}

/** `POST CustomerOrders`. */
export function createOrder(store: Store, body: Json, now: Date, choices: BackOfficeChoices = DEFAULT_CHOICES): { order: StoredOrder; notices: Notice[] } {
	const header = parseHeader(body);
	const rows = parseRows(body, true);
	checkHeaderReferences(store, header);
	rows.forEach((row, i) => checkRowReferences(store, row, `orderRows[${i}]`));
	const existing = store.orderByExternal.get(header.orderNumberExternal);
	if (existing !== undefined) {
		throw new ApiError(
			choices.order.duplicateStatus,
			`orderHeader.orderNumberExternal: an order with orderNumberExternal '${header.orderNumberExternal}' already exists (order ${existing}).`,
			{ field: 'orderHeader.orderNumberExternal', value: header.orderNumberExternal, [choices.order.extendNumberField]: existing },
		);
	}
	const at = utc(now);
	const fallback = defaultWarehouse(store);
	const order: StoredOrder = {
		orderNumber: store.takeOrderNumber(),
		orderNumberExternal: header.orderNumberExternal,
		status: 'Registered',
		created: at,
		changed: at,
		orderHeader: header,
		orderRows: rows.map((row, i) => stored(row, i + 1, row.warehouse ?? fallback)),
		deliveries: [],
	};
	if (order.orderRows.every((row) => row.rowStatus === 'Inactive')) order.status = 'Cancelled';
	store.putOrder(order);
	return { order, notices: [orderNotice('OrderCreated', order)] };
}

export function findOrder(store: Store, orderNumber: string): StoredOrder {
	const order = store.orders.get(orderNumber);
	if (!order) throw new ApiError(404, `There is no customer order '${orderNumber.slice(0, 60)}'.`, { [ASSUMED_ORDER.extendNumberField]: orderNumber });
	return order;
}

function refuseChanges(order: StoredOrder): void {
	if (order.status === 'Registered') return;
	const why = order.status === 'Cancelled' ? 'is cancelled' : `is ${order.status}; an order cannot be changed once it is reserved for picking`;
	throw new ApiError(409, `Order ${order.orderNumber} ${why}.`, { [ASSUMED_ORDER.extendNumberField]: order.orderNumber, status: order.status });
}

const positionOf = (row: { externalRow?: { externalPosition?: number | string } }) =>
	row.externalRow?.externalPosition === undefined ? undefined : String(row.externalRow.externalPosition);

/**
 * `PUT customerorders/{n}`: each row either cancels an existing row (`rowOperation: "Inactive"`
 * with its warehouse, found by external position or else by product and warehouse), updates the
 * row with the same external position, or is added. A cancel row WITHOUT a warehouse is added as
 * a new cancelled row and cancels nothing: the pitfall Extend's samples warn about.
 */
export function updateOrder(store: Store, orderNumber: string, body: Json, now: Date): { order: StoredOrder; notices: Notice[] } {
	const current = findOrder(store, orderNumber);
	refuseChanges(current);
	const rows = parseRows(body, false);
	rows.forEach((row, i) => checkRowReferences(store, row, `orderRows[${i}]`));
	const order: StoredOrder = structuredClone(current);
	rows.forEach((row, i) => {
		const field = `orderRows[${i}]`;
		const position = positionOf(row);
		const active = order.orderRows.filter((r) => r.rowStatus === 'Active');
		if (row.rowOperation === DOCUMENTED_INACTIVE_ROW && row.warehouse !== undefined) {
			const target =
				position !== undefined
					? active.find((r) => positionOf(r) === position && r.warehouse === row.warehouse)
					: active.find((r) => r.product.productNumber === row.product.productNumber && r.warehouse === row.warehouse);
			if (!target) {
				throw new ApiError(422, `${field}: order ${order.orderNumber} has no active row ${position !== undefined ? `with externalPosition ${position}` : `for product '${row.product.productNumber}'`} in warehouse '${row.warehouse}'.`, { field });
			}
			target.rowStatus = 'Inactive';
			target.rowOperation = DOCUMENTED_INACTIVE_ROW;
			return;
		}
		const same = row.rowOperation === undefined && position !== undefined ? active.find((r) => positionOf(r) === position) : undefined;
		if (same) {
			Object.assign(same, row, { rowPosition: same.rowPosition, rowStatus: 'Active', warehouse: row.warehouse ?? same.warehouse });
			return;
		}
		// A new row; a cancel row without a warehouse lands here as an added, cancelled row.
		if (row.rowOperation === undefined && row.salesData?.quantity === undefined) {
			throw badField(`${field}.salesData.quantity`, `is required: no active row has externalPosition ${position ?? '(none given)'}, so this row is added.`);
		}
		const fallback = row.rowOperation === undefined ? defaultWarehouse(store) : undefined;
		order.orderRows.push(stored(row, order.orderRows.length + 1, row.warehouse ?? fallback));
	});
	order.changed = utc(now);
	const notices: Notice[] = [];
	if (order.orderRows.every((r) => r.rowStatus === 'Inactive')) {
		order.status = 'Cancelled';
		notices.push(orderNotice('OrderCancelled', order));
	}
	store.putOrder(order);
	return { order, notices };
}

function change(store: Store, order: StoredOrder, now: Date, apply: (o: StoredOrder) => void): StoredOrder {
	const next = structuredClone(order);
	apply(next);
	next.changed = utc(now);
	store.putOrder(next);
	return next;
}

export function reserveOrder(store: Store, orderNumber: string, now: Date): { order: StoredOrder; notices: Notice[] } {
	const order = findOrder(store, orderNumber);
	if (order.status !== 'Registered') throw new Error(`Order ${orderNumber} is ${order.status}; only a Registered order can be reserved`);
	const next = change(store, order, now, (o) => (o.status = 'Reserved'));
	return { order: next, notices: [orderNotice('OrderReserved', next)] };
}

export function pickOrder(store: Store, orderNumber: string, input: PickInput, now: Date): { order: StoredOrder; notices: Notice[] } {
	const order = findOrder(store, orderNumber);
	if (order.status === 'Cancelled') throw new Error(`Order ${orderNumber} is cancelled and cannot be picked`);
	const next = change(store, order, now, (o) => {
		o.status = 'Picked';
		o.deliveries.push({
			deliveryDate: input.deliveryDate ?? utc(now),
			carrier: input.carrier ?? null,
			trackingNumber: input.trackingNumber ?? null,
			trackingUrl: input.trackingUrl ?? null,
		});
	});
	return { order: next, notices: [orderNotice('OrderPicked', next)] };
}

export function cancelOrder(store: Store, orderNumber: string, now: Date): { order: StoredOrder; notices: Notice[] } {
	const order = findOrder(store, orderNumber);
	if (order.status === 'Picked') throw new Error(`Order ${orderNumber} is picked and can no longer be cancelled`);
	if (order.status === 'Cancelled') return { order, notices: [] };
	const next = change(store, order, now, (o) => {
		o.status = 'Cancelled';
		for (const row of o.orderRows) row.rowStatus = 'Inactive';
	});
	return { order: next, notices: [orderNotice('OrderCancelled', next)] };
}

/** What `GET CustomerOrders` lists per order (the detail is `GET customerorders/{n}`), before the chosen names (orderAnswer). */
export function orderSummary(order: StoredOrder): Pick<StoredOrder, 'orderNumber' | 'orderNumberExternal' | 'status' | 'created' | 'changed'> & { customerNumber: string } {
	return {
		orderNumber: order.orderNumber,
		orderNumberExternal: order.orderNumberExternal,
		customerNumber: order.orderHeader.customerNumber,
		status: order.status,
		created: order.created,
		changed: order.changed,
	};
}
