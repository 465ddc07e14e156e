/**
 * A tiny schema toolkit: each schema validates a JSON value (collecting field errors with a
 * dotted path) and describes itself as JSON Schema for docs/openapi.json, and its TypeScript
 * type can be inferred so the canonical schemas are checked against canonical.ts at compile time.
 */

export interface FieldError {
	field: string;
	message: string;
}

export type JsonSchema = Record<string, unknown>;

export interface Schema<T> {
	/** JSON Schema (OpenAPI 3.1 dialect) of the value. */
	readonly json: JsonSchema;
	/** Pushes an error for every problem found; `path` is the field's dotted path. */
	check(value: unknown, path: string, errors: FieldError[]): void;
	/** Phantom: the TypeScript type this schema accepts. */
	readonly _type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** True when A and B are mutually assignable (used to pin schemas to canonical.ts). */
export type SameType<A, B> = [A] extends [B]
	? [B] extends [A]
		? [keyof A] extends [keyof B]
			? [keyof B] extends [keyof A]
				? true
				: false
			: false
		: false
	: false;
export type Assert<T extends true> = T;

export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
const UTC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
export const UTC_PATTERN_SOURCE = UTC_PATTERN.source;

/** A real UTC instant written as ISO 8601 with a Z suffix (e.g. 2025-03-04T04:11:35Z). */
export function isUtcTimestamp(value: unknown): value is string {
	if (typeof value !== 'string' || !UTC_PATTERN.test(value)) return false;
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) return false;
	// Reject calendar overflow such as 2025-02-30 or 24:00:00, which Date.parse silently rolls over.
	return new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}

export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	if (typeof value === 'object') return 'an object';
	return `${typeof value} ${String(value)}`;
}

function join(path: string, key: string): string {
	return path ? `${path}.${key}` : key;
}

export function string(options: { nonEmpty?: boolean; maxLength?: number; description?: string } = {}): Schema<string> {
	const json: JsonSchema = { type: 'string' };
	if (options.nonEmpty) json.minLength = 1;
	if (options.maxLength) json.maxLength = options.maxLength;
	if (options.description) json.description = options.description;
	return {
		json,
		check(value, path, errors) {
			if (typeof value !== 'string') {
				errors.push({ field: path, message: `must be a string, got ${describe(value)}` });
			} else if (options.nonEmpty && value.trim() === '') {
				errors.push({ field: path, message: 'must not be empty' });
			} else if (options.maxLength && value.length > options.maxLength) {
				errors.push({ field: path, message: `must be at most ${options.maxLength} characters` });
			}
		},
	};
}

export function decimal(description?: string): Schema<string> {
	const json: JsonSchema = { type: 'string', pattern: DECIMAL_PATTERN.source };
	if (description) json.description = description;
	return {
		json,
		check(value, path, errors) {
			if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) {
				errors.push({
					field: path,
					message: `must be a decimal string such as "18.00" or "-5", got ${describe(value)}`,
				});
			}
		},
	};
}

export function utc(description?: string): Schema<string> {
	const json: JsonSchema = { type: 'string', format: 'date-time', pattern: UTC_PATTERN.source };
	if (description) json.description = description;
	return {
		json,
		check(value, path, errors) {
			if (!isUtcTimestamp(value)) {
				errors.push({
					field: path,
					message: `must be a UTC timestamp in ISO 8601 with a Z suffix such as "2025-03-04T04:11:35Z", got ${describe(value)}`,
				});
			}
		},
	};
}

export function currency(): Schema<string> {
	return {
		json: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code, e.g. "EUR".' },
		check(value, path, errors) {
			if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) {
				errors.push({ field: path, message: `must be a three-letter ISO 4217 code such as "EUR", got ${describe(value)}` });
			}
		},
	};
}

export function boolean(): Schema<boolean> {
	return {
		json: { type: 'boolean' },
		check(value, path, errors) {
			if (typeof value !== 'boolean') errors.push({ field: path, message: `must be true or false, got ${describe(value)}` });
		},
	};
}

export function oneOf<T extends string>(values: readonly T[], description?: string): Schema<T> {
	const json: JsonSchema = { type: 'string', enum: [...values] };
	if (description) json.description = description;
	return {
		json,
		check(value, path, errors) {
			if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
				errors.push({ field: path, message: `must be one of ${values.map((v) => `"${v}"`).join(', ')}, got ${describe(value)}` });
			}
		},
	};
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
	const json: JsonSchema =
		typeof inner.json.type === 'string' && !('$ref' in inner.json)
			? { ...inner.json, type: [inner.json.type, 'null'] }
			: { anyOf: [inner.json, { type: 'null' }] };
	return {
		json,
		check(value, path, errors) {
			if (value !== null) inner.check(value, path, errors);
		},
	};
}

export function array<T>(items: Schema<T>, options: { maxItems?: number } = {}): Schema<T[]> {
	const json: JsonSchema = { type: 'array', items: items.json };
	if (options.maxItems) json.maxItems = options.maxItems;
	return {
		json,
		check(value, path, errors) {
			if (!Array.isArray(value)) {
				errors.push({ field: path, message: `must be an array, got ${describe(value)}` });
				return;
			}
			if (options.maxItems && value.length > options.maxItems) {
				errors.push({ field: path, message: `must have at most ${options.maxItems} items` });
				return;
			}
			value.forEach((item, i) => items.check(item, `${path}[${i}]`, errors));
		},
	};
}

type Shape = Record<string, Schema<unknown>>;

/** A closed object: every property is required (use nullable for "may be null"), unknown ones are errors. */
export function object<P extends Shape>(
	properties: P,
	options: { description?: string; refine?: (value: { [K in keyof P]: Infer<P[K]> }, path: string, errors: FieldError[]) => void } = {},
): Schema<{ [K in keyof P]: Infer<P[K]> }> {
	const keys = Object.keys(properties);
	const json: JsonSchema = {
		type: 'object',
		required: keys,
		additionalProperties: false,
		properties: Object.fromEntries(keys.map((k) => [k, properties[k].json])),
	};
	if (options.description) json.description = options.description;
	return {
		json,
		check(value, path, errors) {
			if (typeof value !== 'object' || value === null || Array.isArray(value)) {
				errors.push({ field: path, message: `must be an object, got ${describe(value)}` });
				return;
			}
			const record = value as Record<string, unknown>;
			const before = errors.length;
			for (const key of keys) {
				if (!(key in record) || record[key] === undefined) {
					errors.push({ field: join(path, key), message: 'is required' + (isNullableJson(properties[key].json) ? ' (send null when there is no value)' : '') });
				} else {
					properties[key].check(record[key], join(path, key), errors);
				}
			}
			for (const key of Object.keys(record)) {
				if (!(key in properties)) errors.push({ field: join(path, key), message: 'is not a known field; remove it' });
			}
			if (options.refine && errors.length === before) options.refine(record as never, path, errors);
		},
	};
}

function isNullableJson(json: JsonSchema): boolean {
	if (Array.isArray(json.type)) return json.type.includes('null');
	return Array.isArray(json.anyOf) && json.anyOf.some((s) => (s as JsonSchema).type === 'null');
}

/** Gives a schema a name: it is emitted once under components/schemas and referenced elsewhere. */
export function named<T>(name: string, inner: Schema<T>, registry: Map<string, JsonSchema>): Schema<T> {
	registry.set(name, inner.json);
	return { json: { $ref: `#/components/schemas/${name}` }, check: inner.check };
}

/** Runs a schema and returns the errors (an empty array when the value is valid). */
export function validate(schema: Schema<unknown>, value: unknown, path = ''): FieldError[] {
	const errors: FieldError[] = [];
	schema.check(value, path, errors);
	return errors;
}

/** Formats an instant as UTC ISO 8601 with Z, without milliseconds when they are zero. */
export function utcString(date: Date): string {
	return date.toISOString().replace('.000Z', 'Z');
}
