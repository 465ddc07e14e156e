/**
 * WooCommerce product (REST v3 /products, /products/<id>/variations) → canonical products.
 *
 * A variable product maps to its own record plus one `variant` record per variation. Variations
 * arrive either embedded in the parent under `variations` (full objects instead of WooCommerce's
 * own id list), passed as `options.variations`, or as separate items with `type: 'variation'` and
 * `parent_id` (mapped alone to one variant). A variant is built only from the variation object, so
 * it maps to the same record whichever way it arrived (nothing is inherited from the parent: a
 * WooCommerce variation has no categories of its own, and its `name` is its attribute values).
 */
import type { CanonicalMoney, CanonicalProduct } from './canonical';
import { readUtcDate, type DateOptions } from './dates';
import { FieldReader, MappingError, isObject, type JsonObject } from './fields';
import { mapProductStatus, mapProductType, mapStockStatus } from './status';
import { decodeTermName } from './text';

export interface MapProductOptions extends DateOptions {
	/**
	 * The store currency (ISO 4217, e.g. "USD"). Required: a WooCommerce product has no currency
	 * field, and guessing one would silently mislabel every price.
	 */
	currency: string;
	/** Full variation objects for a variable product (e.g. from /products/<id>/variations). */
	variations?: readonly unknown[];
}

function checkCurrency(options: MapProductOptions | undefined): string {
	const currency: unknown = options?.currency;
	if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
		throw new Error(
			`mapProduct: options.currency is ${currency === undefined ? 'missing' : JSON.stringify(currency)} — ` +
				'pass the store currency as a three-letter ISO 4217 code such as "USD" (WooCommerce products carry no currency)',
		);
	}
	return currency;
}

function tryMap<T>(reader: FieldReader, field: string, map: (value: string) => T): T {
	const value = reader.string(field);
	try {
		return map(value);
	} catch (error) {
		throw reader.fail(field, `— ${(error as Error).message}`);
	}
}

function money(amount: string | null, currency: string): CanonicalMoney | null {
	return amount === null ? null : { amount, currency };
}

function recordLabel(kind: string, json: JsonObject, suffix = ''): string {
	const id = json.id;
	const shown = typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : '(without id)';
	return `${kind} ${shown}${suffix}`;
}

function mapStock(r: FieldReader): CanonicalProduct['stock'] {
	// A variation's manage_stock is "parent" when it uses the parent's stock; its stock_quantity
	// is then the parent's, and the stock is managed.
	const manageStock = r.raw('manage_stock');
	let managed: boolean;
	if (manageStock === 'parent') managed = true;
	else managed = r.boolean('manage_stock');
	return {
		managed,
		// Null when not managed (WooCommerce keeps a stale number in that case on some records).
		// A managed product whose quantity was never set also reads as null (unknown), not "0".
		quantity: managed && r.has('stock_quantity') ? r.quantity('stock_quantity') : null,
		status: tryMap(r, 'stock_status', mapStockStatus),
	};
}

function mapDimensions(r: FieldReader): CanonicalProduct['dimensions'] {
	const d = r.object('dimensions');
	return { length: d.optionalDecimal('length'), width: d.optionalDecimal('width'), height: d.optionalDecimal('height') };
}

function attributeSlug(a: FieldReader): string | null {
	// Global (taxonomy) attributes have a positive id and a "pa_…" slug; custom attributes have
	// id 0 and WooCommerce echoes their name as the slug, which is not a slug: null.
	const id = a.raw('id');
	if (id === 0 || id === '0' || id === undefined || id === null) return null;
	return a.has('slug') ? a.string('slug') : null;
}

function isTaxonomyAttribute(a: FieldReader): boolean {
	const id = a.raw('id');
	return (typeof id === 'number' && id > 0) || (typeof id === 'string' && /^[1-9]\d*$/.test(id));
}

function mapCommon(
	r: FieldReader,
	currency: string,
	options: DateOptions,
): Omit<CanonicalProduct, 'sourceId' | 'parentSourceId' | 'type' | 'categories' | 'attributes' | 'images'> {
	return {
		sku: r.text('sku'),
		name: r.text('name'),
		status: tryMap(r, 'status', mapProductStatus),
		price: money(r.optionalDecimal('price'), currency),
		regularPrice: money(r.optionalDecimal('regular_price'), currency),
		salePrice: money(r.optionalDecimal('sale_price'), currency),
		stock: mapStock(r),
		weight: r.optionalDecimal('weight'),
		dimensions: mapDimensions(r),
		createdAt: readUtcDate(r, 'date_created', { ...options, required: false }),
		modifiedAt: readUtcDate(r, 'date_modified', { ...options, required: true }) as string,
	};
}

function mapParent(json: JsonObject, currency: string, options: DateOptions): CanonicalProduct {
	const r = new FieldReader(recordLabel('product', json), json);
	const sourceId = r.id('id');
	const type = tryMap(r, 'type', mapProductType);
	const common = mapCommon(r, currency, options);
	return {
		sourceId,
		parentSourceId: null,
		sku: common.sku,
		name: common.name,
		type,
		status: common.status,
		price: common.price,
		regularPrice: common.regularPrice,
		salePrice: common.salePrice,
		stock: common.stock,
		weight: common.weight,
		dimensions: common.dimensions,
		categories: r.items('categories').map((c) => ({
			sourceId: c.id('id'),
			name: decodeTermName(c.text('name')),
			slug: c.text('slug'),
		})),
		attributes: r.items('attributes').map((a) => {
			const taxonomy = isTaxonomyAttribute(a);
			return {
				name: a.text('name'),
				slug: attributeSlug(a),
				values: readOptions(a, taxonomy),
			};
		}),
		images: r.items('images').map((image) => ({ url: image.text('src'), alt: image.text('alt') })),
		createdAt: common.createdAt,
		modifiedAt: common.modifiedAt,
	};
}

function readOptions(a: FieldReader, taxonomy: boolean): string[] {
	return a.array('options').map((option, index) => {
		if (typeof option !== 'string') throw a.fail(`options[${index}]`, `is ${JSON.stringify(option)}, expected a string`);
		return taxonomy ? decodeTermName(option) : option;
	});
}

function mapVariation(
	json: JsonObject,
	expectedParent: string | null,
	currency: string,
	options: DateOptions,
): CanonicalProduct {
	const parentRaw = json.parent_id;
	const hasParentField = parentRaw !== undefined && parentRaw !== null && parentRaw !== 0 && parentRaw !== '';
	const parentShown = hasParentField ? String(parentRaw) : expectedParent;
	const r = new FieldReader(recordLabel('variation', json, parentShown ? ` of product ${parentShown}` : ''), json);
	const sourceId = r.id('id');
	let parentSourceId: string;
	if (hasParentField) {
		parentSourceId = r.id('parent_id');
		if (expectedParent !== null && parentSourceId !== expectedParent) {
			throw r.fail('parent_id', `is ${parentSourceId}, but the variation was given with product ${expectedParent}`);
		}
	} else if (expectedParent !== null) {
		parentSourceId = expectedParent;
	} else {
		throw r.fail('parent_id', 'is missing — a variation item needs its parent product id');
	}
	if (r.has('type') && r.raw('type') !== 'variation') {
		throw r.fail('type', `is ${JSON.stringify(r.raw('type'))}, expected "variation"`);
	}
	const common = mapCommon(r, currency, options);
	const imageJson = r.raw('image');
	const image = isObject(imageJson) ? r.nested('image', imageJson) : null;
	return {
		sourceId,
		parentSourceId,
		sku: common.sku,
		name: common.name,
		type: 'variant',
		status: common.status,
		price: common.price,
		regularPrice: common.regularPrice,
		salePrice: common.salePrice,
		stock: common.stock,
		weight: common.weight,
		dimensions: common.dimensions,
		categories: [],
		attributes: r.items('attributes').map((a) => {
			// An empty option means "any value" of that attribute.
			const option = a.text('option');
			const value = isTaxonomyAttribute(a) ? decodeTermName(option) : option;
			return { name: a.text('name'), slug: attributeSlug(a), values: option === '' ? [] : [value] };
		}),
		images: image ? [{ url: image.text('src'), alt: image.text('alt') }] : [],
		createdAt: common.createdAt,
		modifiedAt: common.modifiedAt,
	};
}

/**
 * Maps one WooCommerce product item to canonical records: [product] for a simple, grouped or
 * external product; [product, ...variants] for a variable product with variation objects
 * (embedded under `variations` and/or in `options.variations`, the latter winning for the same
 * id); [variant] for a variation item (`type: 'variation'`). Throws a MappingError naming the
 * record and field when a required field is missing or malformed.
 */
export function mapProduct(product: unknown, options: MapProductOptions): CanonicalProduct[] {
	const currency = checkCurrency(options);
	const dateOptions: DateOptions = { siteTimeZone: options.siteTimeZone };
	if (!isObject(product)) {
		throw new Error(`product: expected a WooCommerce product object, got ${Array.isArray(product) ? 'an array' : typeof product}`);
	}
	if (product.type === 'variation') return [mapVariation(product, null, currency, dateOptions)];

	const parent = mapParent(product, currency, dateOptions);
	const label = recordLabel('product', product);

	const given: unknown[] = [];
	if (options.variations !== undefined) {
		if (!Array.isArray(options.variations)) throw new MappingError(label, 'variations', 'option is not an array');
		given.push(...options.variations);
	}
	const embedded = product.variations;
	if (Array.isArray(embedded)) {
		// WooCommerce's own list is of ids (numbers); only full objects are variations to map.
		given.push(...embedded.filter((item) => typeof item !== 'number' && !(typeof item === 'string' && /^\d+$/.test(item))));
	} else if (embedded !== undefined && embedded !== null) {
		throw new MappingError(label, 'variations', `is ${typeof embedded}, expected an array of ids or variation objects`);
	}

	const seen = new Set<string>();
	const variants: CanonicalProduct[] = [];
	given.forEach((item, index) => {
		if (!isObject(item)) throw new MappingError(label, `variations[${index}]`, `is ${JSON.stringify(item)}, expected a variation object`);
		const variant = mapVariation(item, parent.sourceId, currency, dateOptions);
		if (seen.has(variant.sourceId)) return;
		seen.add(variant.sourceId);
		variants.push(variant);
	});
	if (variants.length > 0 && parent.type !== 'variable') {
		throw new MappingError(label, 'variations', `were given for a ${parent.type} product; only variable products have variations`);
	}
	return [parent, ...variants];
}
