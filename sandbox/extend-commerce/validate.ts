/**
 * Field checks that answer like an ERP: a 400 naming the field and what to send for a malformed
 * body, a 422 naming the value for a reference to master data the back office does not know.
 * Extend's documented models never take null for a value, so a null is refused like any other
 * wrong type: a client leaves out what it does not know.
 */
import type { FieldRule } from './documented';
import { ApiError } from './http';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function badField(field: string, message: string): ApiError {
	return new ApiError(400, `${field} ${message}`, { field });
}

export function nullField(field: string): ApiError {
	return badField(field, 'is null; leave the field out when there is no value.');
}

export function unknownValue(field: string, value: string, what: string, known: readonly string[]): ApiError {
	const listed = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
	return new ApiError(422, `${field}: ${what} '${value}' does not exist in Extend Commerce${known.length ? ` (known: ${listed})` : ''}.`, { field, value });
}

export function objectAt(parent: Json, key: string, field: string, required: boolean): Json | undefined {
	const value = parent[key];
	if (value === undefined) {
		if (required) throw badField(field, 'is required (a JSON object).');
		return undefined;
	}
	if (value === null) throw nullField(field);
	if (!isObject(value)) throw badField(field, 'must be a JSON object.');
	return value;
}

export function stringAt(parent: Json, key: string, field: string, required: boolean): string | undefined {
	const value = parent[key];
	if (value === undefined) {
		if (required) throw badField(field, 'is required (a non-empty string).');
		return undefined;
	}
	if (value === null) throw nullField(field);
	if (typeof value !== 'string' || value.trim() === '') throw badField(field, `must be a non-empty string, got ${describe(value)}.`);
	return value;
}

/** Extend's samples send quantities, prices and VAT as JSON numbers; a decimal string is refused. */
export function numberAt(parent: Json, key: string, field: string, required: boolean): number | undefined {
	const value = parent[key];
	if (value === undefined) {
		if (required) throw badField(field, 'is required (a JSON number).');
		return undefined;
	}
	if (value === null) throw nullField(field);
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw badField(field, `must be a JSON number (e.g. 59.97, not "59.97"), got ${describe(value)}.`);
	}
	return value;
}

export function booleanAt(parent: Json, key: string, field: string): boolean | undefined {
	const value = parent[key];
	if (value === undefined) return undefined;
	if (value === null) throw nullField(field);
	if (typeof value !== 'boolean') throw badField(field, `must be true or false, got ${describe(value)}.`);
	return value;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** An ISO 8601 date, or date-time with Z or an offset (Extend's sample: 2019-12-25T00:00:00+02:00). */
export function parseIsoTime(value: string): Date | undefined {
	if (!ISO_WITH_ZONE.test(value)) return undefined;
	const parsed = new Date(value);
	return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

export function dateAt(parent: Json, key: string, field: string): string | undefined {
	const value = stringAt(parent, key, field, false);
	if (value !== undefined && !parseIsoTime(value)) {
		throw badField(field, `must be an ISO 8601 date-time with an offset, e.g. 2019-12-25T00:00:00+02:00, got '${value.slice(0, 40)}'.`);
	}
	return value;
}

export function describe(value: unknown): string {
	if (typeof value === 'string') return `the string "${value.slice(0, 40)}"`;
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * Checks each field of `rules` in `parent` (named `${prefix}.${key}`): its type, and its presence
 * when required — unless listed in `notRequired` (e.g. a cancel row needs no salesData).
 */
export function checkFields(parent: Json, rules: Readonly<Record<string, FieldRule>>, prefix: string, notRequired: readonly string[] = []): void {
	for (const [key, rule] of Object.entries(rules)) {
		const field = `${prefix}.${key}`;
		const required = rule.required === true && !notRequired.includes(key);
		if (required && parent[key] === undefined && (rule.type === 'boolean' || rule.type === 'date')) throw badField(field, 'is required.');
		switch (rule.type) {
			case 'string':
				stringAt(parent, key, field, required);
				break;
			case 'number':
				numberAt(parent, key, field, required);
				break;
			case 'boolean':
				booleanAt(parent, key, field);
				break;
			case 'date':
				dateAt(parent, key, field);
				break;
			case 'object':
				objectAt(parent, key, field, required);
				break;
		}
	}
}
