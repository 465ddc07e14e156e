import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error answered as `{"error": {"code", "message", "details"?}}`. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: unknown,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}

	get body(): { error: { code: string; message: string; details?: unknown } } {
		const error: { code: string; message: string; details?: unknown } = { code: this.code, message: this.message };
		if (this.details !== undefined) error.details = this.details;
		return { error };
	}
}

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(text)),
		'Cache-Control': 'no-store',
		...headers,
	});
	res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError): void {
	sendJson(res, error.status, error.body, error.headers);
}

/**
 * Reads the whole body. A body over the limit is drained (so the client can read the answer)
 * and then rejected with 413.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) tooLarge = true;
			if (!tooLarge) chunks.push(chunk);
		});
		req.on('end', () => {
			if (tooLarge) {
				reject(
					new ApiError(
						413,
						'payload_too_large',
						`The request body is ${size} bytes; the limit is ${limit} bytes (5 MB). Send fewer or smaller records per batch.`,
						{ limitBytes: limit },
					),
				);
			} else {
				resolve(Buffer.concat(chunks));
			}
		});
		req.on('error', reject);
	});
}

/** Parses a JSON object body; anything else is a 400 that says what to send. */
export function parseJsonObject(raw: Buffer): Record<string, unknown> {
	if (raw.length === 0) {
		throw new ApiError(400, 'invalid_body', 'The request body is empty; send a JSON object with Content-Type: application/json.');
	}
	let parsed: unknown;
	let problem: string | undefined;
	try {
		parsed = JSON.parse(raw.toString('utf8'));
	} catch (error) {
		problem = (error as Error).message;
	}
	if (problem !== undefined) {
		throw new ApiError(400, 'invalid_json', `The request body is not valid JSON (${problem}); send a JSON object.`);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new ApiError(400, 'invalid_body', 'The request body must be a JSON object.');
	}
	return parsed as Record<string, unknown>;
}

/** Serialises JSON with object keys sorted, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const record = value as Record<string, unknown>;
	const keys = Object.keys(record)
		.filter((k) => record[k] !== undefined)
		.sort();
	return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}
