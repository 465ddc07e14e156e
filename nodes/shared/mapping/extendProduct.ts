/**
 * WooCommerce product / variation → Extend product documents for the ASSUMED resource
 * `Products/{productNumber}` (Extend documents no product method; see ASSUMED_PRODUCT_FIELDS).
 * Only productNumber = SKU follows from the documented order rows. Stock is not part of the
 * document on purpose: Extend is the balance master, and a stock-only change in WooCommerce
 * must cause no product write (no ping-pong with the stock flowing back). What WooCommerce does
 * not have (no GTIN, no dimensions, no parent) is left out, never sent as null: Extend's documented
 * models never take null for a value.
 */
import { ASSUMED_PRODUCT_FIELDS } from '../extend-commerce/api';
import { FieldReader, MappingError, isObject, type JsonObject } from './fields';
import { toJsonNumber } from './extendNumbers';

export interface ProductMappingSettings {
	unit: string;
	currency: string;
	/** VAT percent for products whose tax class is not in the table. */
	vatPercent: string;
	/** WooCommerce tax class slug ('' = standard) → VAT percent. */
	vatByTaxClass: Readonly<Record<string, string>>;
}

/** The document; a field WooCommerce has no value for is absent. */
export interface ExtendProduct {
	productNumber: string;
	parentProductNumber?: string;
	name: string;
	unit: string;
	price?: number;
	vatPercent: number;
	currency: string;
	gtin?: string;
	weight?: number;
	length?: number;
	width?: number;
	height?: number;
	active: boolean;
}

/** One WooCommerce record's outcome of mapping: a document, or why it cannot be sent. */
export type MappedProduct =
	/** `trashed`: the record is in WooCommerce's trash (Extend is told it is inactive). */
	| { ok: true; wooCommerceId: string; document: ExtendProduct; trashed: boolean }
	| { ok: false; wooCommerceId: string; label: string; error: MappingError };

function label(kind: string, json: JsonObject, suffix = ''): string {
	const id = json.id;
	return `${kind} ${typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : '(without id)'}${suffix}`;
}

function optionalNumber(r: FieldReader, field: string): number | undefined {
	const value = r.optionalDecimal(field);
	return value === null ? undefined : toJsonNumber(value);
}

/** The fields with a value, in the document's order. */
function withValues<T extends object>(document: T): T {
	return Object.fromEntries(Object.entries(document).filter(([, value]) => value !== undefined && value !== null)) as T;
}

function vatOf(r: FieldReader, settings: ProductMappingSettings): number {
	const taxClass = r.text('tax_class');
	const percent = Object.prototype.hasOwnProperty.call(settings.vatByTaxClass, taxClass) ? settings.vatByTaxClass[taxClass] : settings.vatPercent;
	return toJsonNumber(percent);
}

function documentOf(r: FieldReader, name: string, parentProductNumber: string | undefined, settings: ProductMappingSettings): ExtendProduct {
	const sku = r.text('sku').trim();
	if (!sku) {
		throw r.fail('sku', 'is empty', 'Extend order rows refer to products by SKU, so a product without one cannot be sent: give it a SKU in WooCommerce.');
	}
	const dimensions = r.object('dimensions');
	const gtin = r.text('global_unique_id').trim();
	const price = r.has('regular_price') ? r.money('regular_price') : r.has('price') ? r.money('price') : null;
	return withValues({
		productNumber: sku,
		parentProductNumber,
		name,
		unit: settings.unit,
		price: price === null ? undefined : toJsonNumber(price),
		vatPercent: vatOf(r, settings),
		currency: settings.currency,
		gtin: gtin === '' ? undefined : gtin,
		weight: optionalNumber(r, 'weight'),
		length: optionalNumber(dimensions, 'length'),
		width: optionalNumber(dimensions, 'width'),
		height: optionalNumber(dimensions, 'height'),
		active: r.text('status') === 'publish',
	});
}

function attempt(json: JsonObject, recordLabel: string, build: (r: FieldReader) => ExtendProduct): MappedProduct {
	const wooCommerceId = typeof json.id === 'number' || typeof json.id === 'string' ? String(json.id) : '';
	let document: ExtendProduct;
	try {
		document = build(new FieldReader(recordLabel, json));
	} catch (error) {
		// Any failure to build one document refuses that record only (e.g. a price too precise to send exactly).
		const refusal = error instanceof MappingError ? error : new MappingError(recordLabel, 'record', `cannot be sent — ${(error as Error).message}`);
		return { ok: false, wooCommerceId, label: recordLabel, error: refusal };
	}
	return { ok: true, wooCommerceId, document, trashed: json.status === 'trash' };
}

/**
 * One input item → its product documents: the product itself, and for a variable product with
 * embedded variation objects one document per variation (parentProductNumber = the parent's SKU,
 * name "Parent – Red, M"). A variation item on its own maps alone (its parent's SKU is unknown
 * there, so parentProductNumber is left out). Each record maps or fails on its own.
 */
export function mapProductToExtend(product: unknown, settings: ProductMappingSettings): MappedProduct[] {
	if (!isObject(product)) {
		return [{ ok: false, wooCommerceId: '', label: 'product', error: new MappingError('product', 'json', 'is not a WooCommerce product object') }];
	}
	if (product.type === 'variation') {
		return [attempt(product, label('variation', product), (r) => documentOf(r, r.text('name'), undefined, settings))];
	}
	const parentLabel = label('product', product);
	const parentName = typeof product.name === 'string' ? product.name : '';
	const results: MappedProduct[] = [attempt(product, parentLabel, (r) => documentOf(r, parentName, undefined, settings))];
	const parentSku = results[0].ok ? results[0].document.productNumber : undefined;
	const variations = Array.isArray(product.variations) ? product.variations.filter(isObject) : [];
	for (const variation of variations) {
		const variationLabel = label('variation', variation, ` of ${parentLabel}`);
		const own = typeof variation.name === 'string' ? variation.name : '';
		results.push(attempt(variation, variationLabel, (r) => documentOf(r, own && parentName ? `${parentName} – ${own}` : own || parentName, parentSku, settings)));
	}
	return results;
}

/**
 * Whether Extend already holds this document: every product field this package writes equals the
 * held one (numbers by value; a field left out matches one Extend holds empty or not at all).
 * Fields Extend adds are ignored.
 */
export function sameProduct(sent: ExtendProduct, held: unknown): boolean {
	if (!isObject(held)) return false;
	for (const field of ASSUMED_PRODUCT_FIELDS) {
		const value = (sent as unknown as Record<string, unknown>)[field];
		const existing = held[field];
		if (value === undefined) {
			if (existing !== null && existing !== undefined && existing !== '') return false;
			continue;
		}
		if (typeof value === 'number') {
			if (typeof existing === 'number' ? existing !== value : typeof existing === 'string' ? Number(existing) !== value : true) return false;
			continue;
		}
		if (existing !== value) return false;
	}
	return true;
}
