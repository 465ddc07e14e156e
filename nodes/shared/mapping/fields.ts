/**
 * Reading fields out of WooCommerce JSON defensively. Every problem is thrown as a
 * {@link MappingError} whose message names the record and the field, e.g.
 * `order 106: date_modified_gmt is missing — …`, so the push node can report it per item.
 */
import { decimalFromNumber, isDecimalString, normalizeDecimal } from './decimal';

export type JsonObject = Record<string, unknown>;

export class MappingError extends Error {
	/** The record, e.g. "order 106" or "variation 55 of product 53". */
	readonly record: string;
	/** The WooCommerce field, e.g. "date_modified_gmt" or "line_items[0].subtotal". */
	readonly field: string;

	/** What to do about it, when the mapping knows (one sentence). */
	readonly fix?: string;

	constructor(record: string, field: string, problem: string, fix?: string) {
		super(`${record}: ${field} ${problem}`);
		this.fix = fix;
		this.name = 'MappingError';
		this.record = record;
		this.field = field;
	}
}

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
	if (value === undefined) return 'undefined';
	try {
		const text = JSON.stringify(value);
		return text.length > 60 ? text.slice(0, 57) + '...' : text;
	} catch {
		return typeof value;
	}
}

/** A field path inside a record: path('line_items', 0, 'subtotal') → "line_items[0].subtotal". */
export function fieldPath(...parts: Array<string | number>): string {
	return parts.reduce<string>((path, part) => {
		if (typeof part === 'number') return `${path}[${part}]`;
		return path === '' ? part : `${path}.${part}`;
	}, '');
}

/** Reads and validates the fields of one WooCommerce object, naming `record` in every error. */
export class FieldReader {
	constructor(
		readonly record: string,
		private readonly json: JsonObject,
		private readonly prefix = '',
	) {}

	/** A reader for a nested object, e.g. one line item; errors name the full path. */
	nested(field: string | number, value: unknown): FieldReader {
		const path = this.path(field);
		if (!isObject(value)) throw new MappingError(this.record, path, `is ${describe(value)}, expected an object`);
		return new FieldReader(this.record, value, path);
	}

	path(field: string | number): string {
		return typeof field === 'number' ? `${this.prefix}[${field}]` : fieldPath(this.prefix, field);
	}

	raw(field: string): unknown {
		return this.json[field];
	}

	has(field: string): boolean {
		const value = this.json[field];
		return value !== undefined && value !== null && value !== '';
	}

	fail(field: string, problem: string, fix?: string): MappingError {
		return new MappingError(this.record, this.path(field), problem, fix);
	}

	/** A WooCommerce id: a positive integer (number or digit string), returned as a string. */
	id(field: string): string {
		const value = this.json[field];
		if (value === undefined || value === null || value === '') {
			throw this.fail(field, 'is missing — every WooCommerce record and line carries a numeric id');
		}
		if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
		if (typeof value === 'string' && /^[1-9]\d*$/.test(value)) return value;
		throw this.fail(field, `is ${describe(value)}, expected a positive integer id`);
	}

	/** An id where 0 (or a missing value) means "none", e.g. customer_id 0 for a guest. */
	optionalId(field: string): string | null {
		const value = this.json[field];
		if (value === undefined || value === null || value === '' || value === 0 || value === '0') return null;
		return this.id(field);
	}

	/** A text field that must be present (it may be empty). */
	string(field: string): string {
		const value = this.json[field];
		if (typeof value === 'string') return value;
		if (value === undefined || value === null) throw this.fail(field, 'is missing');
		throw this.fail(field, `is ${describe(value)}, expected a string`);
	}

	/** A text field where absent or null reads as "" (numbers are written out, e.g. postcodes). */
	text(field: string): string {
		const value = this.json[field];
		if (value === undefined || value === null) return '';
		if (typeof value === 'string') return value;
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		throw this.fail(field, `is ${describe(value)}, expected a string`);
	}

	boolean(field: string): boolean {
		const value = this.json[field];
		if (typeof value === 'boolean') return value;
		if (value === undefined || value === null) throw this.fail(field, 'is missing');
		throw this.fail(field, `is ${describe(value)}, expected true or false`);
	}

	/**
	 * A money amount WooCommerce sends as a decimal string ("18.00"), normalised but with its
	 * scale kept. JSON numbers are refused: WooCommerce's money fields are strings, and the one
	 * money-like number it sends (line item `price`) is a float that may already be inexact.
	 */
	money(field: string): string {
		const value = this.json[field];
		if (typeof value === 'string' && isDecimalString(value)) return normalizeDecimal(value);
		if (value === undefined || value === null || value === '') {
			throw this.fail(field, 'is missing — expected a decimal string such as "18.00"');
		}
		throw this.fail(field, `is ${describe(value)}, expected a decimal string such as "18.00"`);
	}

	/** Like {@link money}, but absent, null and "" read as `fallback` (e.g. an unset line tax). */
	moneyOr(field: string, fallback: string): string {
		return this.has(field) ? this.money(field) : fallback;
	}

	/** A decimal string where "" (WooCommerce's "not set", e.g. regular_price or weight) is null. */
	optionalDecimal(field: string): string | null {
		if (!this.has(field)) return null;
		return this.money(field);
	}

	/**
	 * A quantity: WooCommerce sends JSON numbers (quantity 3, stock_quantity 12); decimal strings
	 * are accepted too. Returned as an exact decimal string ("3").
	 */
	quantity(field: string): string {
		const value = this.json[field];
		if (typeof value === 'number' && Number.isFinite(value)) return decimalFromNumber(value);
		if (typeof value === 'string' && isDecimalString(value)) return normalizeDecimal(value);
		if (value === undefined || value === null || value === '') throw this.fail(field, 'is missing');
		throw this.fail(field, `is ${describe(value)}, expected a number`);
	}

	/** An array field; absent or null reads as []. */
	array(field: string): unknown[] {
		const value = this.json[field];
		if (value === undefined || value === null) return [];
		if (Array.isArray(value)) return value;
		throw this.fail(field, `is ${describe(value)}, expected an array`);
	}

	/** The objects of an array field, each as a reader whose errors name `field[i]`. */
	items(field: string): FieldReader[] {
		const list = this.array(field);
		const listReader = new FieldReader(this.record, {}, this.path(field));
		return list.map((item, index) => listReader.nested(index, item));
	}

	/** An object field; absent or null reads as an empty object. */
	object(field: string): FieldReader {
		const value = this.json[field];
		if (value === undefined || value === null) return new FieldReader(this.record, {}, this.path(field));
		return this.nested(field, value);
	}
}
