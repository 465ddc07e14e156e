/**
 * Extracts the request/response examples from docs/extend-commerce-api.md.
 *
 * An example is a ```http block starting with "METHOD /path" (headers, a blank line, then an
 * optional JSON body), followed by a ```http block starting with "HTTP/1.1 STATUS" (the headers
 * the answer must carry), optionally followed by a ```json block (the exact answer body).
 * A line `<!-- sandbox: {...} -->` before a request sets up the sandbox for it: `{"clock": ISO}`
 * moves the clock, `{"fault": FaultSpec}` injects a fault, `{"pickOrder": {orderNumber, ...}}` and
 * `{"setAvailableBalance": {productNumber, warehouse, available}}` play the warehouse,
 * `{"rateLimit": {group, limit, windowSeconds}}` sets a group's limit and forgets the counts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BackOffice, BackOfficeOptions, FaultSpec, PickInput, RateLimitGroup, RateLimitWindow } from '../../sandbox/extend-commerce';

export const API_DOC = path.join(__dirname, '..', '..', 'docs', 'extend-commerce-api.md');

export interface DocExample {
	/** 1-based line of the request block in the document. */
	line: number;
	title: string;
	setup: Array<Record<string, unknown>>;
	request: { method: string; path: string; headers: Record<string, string>; body?: string };
	response: { status: number; headers: Record<string, string>; body?: unknown };
}

interface Block {
	lang: string;
	text: string;
	line: number;
	/** Markdown between the previous block and this one. */
	before: string;
}

function blocks(markdown: string): Block[] {
	const result: Block[] = [];
	const lines = markdown.split('\n');
	let prose: string[] = [];
	for (let i = 0; i < lines.length; i++) {
		const open = /^```(\w*)\s*$/.exec(lines[i]);
		if (!open) {
			prose.push(lines[i]);
			continue;
		}
		const start = i;
		const body: string[] = [];
		for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
		result.push({ lang: open[1], text: body.join('\n'), line: start + 1, before: prose.join('\n') });
		prose = [];
	}
	return result;
}

function headerLines(lines: string[]): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of lines) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
	}
	return headers;
}

export function parseExamples(markdown: string): DocExample[] {
	const all = blocks(markdown);
	const examples: DocExample[] = [];
	let title = '';
	for (let i = 0; i < all.length; i++) {
		const block = all[i];
		const headings = [...block.before.matchAll(/^#+\s+(.*)$/gm)];
		if (headings.length > 0) title = headings[headings.length - 1][1];
		if (block.lang !== 'http') continue;
		const requestLine = /^(GET|PUT|POST|PATCH|DELETE|HEAD) (\S+)(?: HTTP\/1\.1)?$/.exec(block.text.split('\n')[0]);
		if (!requestLine) continue;
		const setup = [...block.before.matchAll(/<!--\s*sandbox:\s*(\{.*\})\s*-->/g)].map((m) => JSON.parse(m[1]) as Record<string, unknown>);
		const [head, ...rest] = block.text.split(/\n\s*\n/);
		const body = rest.join('\n\n').trim();
		const responseBlock = all[i + 1];
		const statusLine = responseBlock && responseBlock.lang === 'http' ? /^HTTP\/1\.1 (\d{3})/.exec(responseBlock.text) : null;
		if (!statusLine) throw new Error(`The request at line ${block.line} is not followed by an \`\`\`http block starting with "HTTP/1.1 <status>"`);
		const jsonBlock = all[i + 2]?.lang === 'json' ? all[i + 2] : undefined;
		examples.push({
			line: block.line,
			title,
			setup,
			request: {
				method: requestLine[1],
				path: requestLine[2],
				headers: headerLines(head.split('\n').slice(1)),
				body: body || undefined,
			},
			response: {
				status: Number(statusLine[1]),
				headers: headerLines(responseBlock.text.split('\n').slice(1)),
				body: jsonBlock ? JSON.parse(jsonBlock.text) : undefined,
			},
		});
		i += jsonBlock ? 2 : 1;
	}
	return examples;
}

export function loadExamples(): DocExample[] {
	return parseExamples(fs.readFileSync(API_DOC, 'utf8'));
}

/** The sandbox the document's examples are written against (see the document's introduction). */
export const DOC_START_TIME = '2025-03-04T10:00:00Z';
export const DOC_OPTIONS: BackOfficeOptions = { master: { products: ['TEE-BLUE', 'MUG'] } };

export interface ActualAnswer {
	status: number;
	headers: Headers;
	text: string;
	body: unknown;
}

/** Applies the example's setup and sends its request exactly as written (paths are relative to the origin). */
export async function replay(example: DocExample, office: BackOffice, setClock: (iso: string) => void): Promise<ActualAnswer> {
	for (const step of example.setup) {
		if (typeof step.clock === 'string') setClock(step.clock);
		if (step.fault) office.faults.add(step.fault as FaultSpec);
		if (step.pickOrder) {
			const { orderNumber, ...delivery } = step.pickOrder as { orderNumber: string } & PickInput;
			office.pickOrder(orderNumber, delivery);
		}
		if (step.setAvailableBalance) {
			const b = step.setAvailableBalance as { productNumber: string; warehouse: string; available: number };
			office.setAvailableBalance(b.productNumber, b.warehouse, b.available);
		}
		if (step.rateLimit) {
			const { group, ...window } = step.rateLimit as { group: RateLimitGroup } & RateLimitWindow;
			office.rateLimits.groups[group] = window;
			office.rateLimits.reset();
		}
	}
	const response = await fetch(`${office.origin}${example.request.path}`, {
		method: example.request.method,
		headers: example.request.headers,
		body: example.request.body,
	});
	const text = await response.text();
	let body: unknown;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		body = text;
	}
	return { status: response.status, headers: response.headers, text, body };
}
