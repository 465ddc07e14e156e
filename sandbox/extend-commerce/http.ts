import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * An error answer. Extend publishes no error model, so the sandbox answers `{"message": "..."}`
 * (`message` is the first of ERROR_MESSAGE_FIELDS the package reads), plus optional fields that
 * name what was wrong.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly extra: Record<string, unknown> = {},
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}

	get body(): Record<string, unknown> {
		return { message: this.message, ...this.extra };
	}
}

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		...headers,
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(text)),
		'Cache-Control': 'no-store',
	});
	res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError, headers: Record<string, string> = {}): void {
	sendJson(res, error.status, error.body, { ...headers, ...error.headers });
}

/** Reads the whole body; a body over the limit is drained and then refused with 413. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= limit) chunks.push(chunk);
		});
		req.on('end', () => {
			if (size > limit) reject(new ApiError(413, `The request body is ${size} bytes; the sandbox accepts at most ${limit} bytes.`));
			else resolve(Buffer.concat(chunks));
		});
		req.on('error', reject);
	});
}

/** Parses a JSON object body; anything else is a 400 that says what to send. */
export function parseJsonObject(raw: Buffer): Record<string, unknown> {
	if (raw.length === 0) throw new ApiError(400, 'The request body is empty; send a JSON object with Content-Type: application/json.');
	let parsed: unknown;
	let problem: string | undefined;
	try {
		parsed = JSON.parse(raw.toString('utf8'));
	} catch (error) {
		problem = (error as Error).message;
	}
	if (problem !== undefined) throw new ApiError(400, `The request body is not valid JSON (${problem}); send a JSON object.`);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new ApiError(400, 'The request body must be a JSON object.');
	}
	return parsed as Record<string, unknown>;
}

/** A UTC timestamp with Z and milliseconds, as the sandbox stores every time. */
export function utc(date: Date): string {
	return date.toISOString();
}
