/**
 * The assumed product resource (`GET/PUT Products/{productNumber}`, ASSUMED_PRODUCT_FIELDS) and
 * available balances (`GET ProductAvailability`, ASSUMED_AVAILABILITY).
 */
import { WEBHOOK_DETAIL_FIELDS } from '../../nodes/shared/extend-commerce/api';
import { DEFAULT_CHOICES, type BackOfficeChoices } from './choices';
import { ApiError, utc } from './http';
import type { Notice } from './notices';
import { balanceKey, type Store } from './store';
import type { AvailabilityRow, StoredProduct } from './types';
import { badField, booleanAt, numberAt, stringAt, unknownValue, type Json } from './validate';

const NUMBER_FIELDS = ['price', 'vatPercent', 'weight', 'length', 'width', 'height'] as const;

/** `PUT Products/{productNumber}`: creates or replaces the product document. */
export function putProduct(store: Store, productNumber: string, body: Json, now: Date): { product: StoredProduct; created: boolean; notices: Notice[] } {
	const named = stringAt(body, 'productNumber', 'productNumber', false);
	if (named !== undefined && named !== productNumber) {
		throw badField('productNumber', `'${named.slice(0, 60)}' differs from the product number in the path ('${productNumber.slice(0, 60)}').`);
	}
	stringAt(body, 'parentProductNumber', 'parentProductNumber', false);
	stringAt(body, 'name', 'name', false);
	const unit = stringAt(body, 'unit', 'unit', false);
	stringAt(body, 'currency', 'currency', false);
	stringAt(body, 'gtin', 'gtin', false);
	for (const field of NUMBER_FIELDS) numberAt(body, field, field, false);
	booleanAt(body, 'active', 'active');
	if (unit !== undefined && !store.codes.unit.includes(unit)) throw unknownValue('unit', unit, 'unit', store.codes.unit);
	const existing = store.products.get(productNumber);
	const at = utc(now);
	const product: StoredProduct = { ...body, productNumber, created: existing?.created ?? at, changed: at };
	store.putProduct(product);
	const details = { [WEBHOOK_DETAIL_FIELDS.productNumber]: productNumber };
	return { product, created: !existing, notices: [{ action: existing ? 'ProductChanged' : 'ProductCreated', details }] };
}

export function getProduct(store: Store, productNumber: string): StoredProduct {
	const product = store.products.get(productNumber);
	if (!product) throw new ApiError(404, `There is no product '${productNumber.slice(0, 60)}'.`, { productNumber });
	return product;
}

/** Adds a product to master data unless it exists (seeds and test helpers). */
export function seedProduct(store: Store, seed: string | (Partial<StoredProduct> & { productNumber: string }), now: Date): void {
	const doc = typeof seed === 'string' ? { productNumber: seed } : seed;
	if (store.products.has(doc.productNumber)) return;
	const at = utc(now);
	store.putProduct({ name: doc.productNumber, unit: store.codes.unit[0], active: true, ...doc, created: at, changed: at });
}

export function setBalance(store: Store, productNumber: string, warehouse: string, available: number, now: Date): { row: AvailabilityRow; notices: Notice[] } {
	if (!store.products.has(productNumber)) throw new Error(`Unknown product '${productNumber}'; add it with master.addProducts first`);
	if (!store.codes.warehouse.includes(warehouse)) throw new Error(`Unknown warehouse '${warehouse}'; add it with master.addWarehouses first`);
	if (!Number.isFinite(available)) throw new Error(`The balance must be a finite number, got ${available}`);
	const row: AvailabilityRow = { productNumber, warehouse, availableBalance: available, changed: utc(now) };
	store.putBalance(row);
	return {
		row,
		notices: [{ action: 'AvailableBalanceChanged', details: { [WEBHOOK_DETAIL_FIELDS.productNumber]: productNumber, [WEBHOOK_DETAIL_FIELDS.warehouse]: warehouse } }],
	};
}

export function balanceOf(store: Store, productNumber: string, warehouse: string): AvailabilityRow | undefined {
	return store.balances.get(balanceKey(productNumber, warehouse));
}

/** The row as the API answers it (the chosen field names, by default ASSUMED_AVAILABILITY). */
export function availabilityJson(row: AvailabilityRow, choices: BackOfficeChoices = DEFAULT_CHOICES): Record<string, unknown> {
	const names = choices.availability;
	return {
		[names.productNumber]: row.productNumber,
		[names.warehouse]: row.warehouse,
		[names.available]: row.availableBalance,
		[names.changed]: row.changed,
	};
}
