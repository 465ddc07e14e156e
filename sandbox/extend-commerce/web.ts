/**
 * The sandbox's web page at `/` (outside the API base path): orders, products, balances, webhooks
 * and their deliveries, and the request log; with forms to register a webhook and to play the
 * warehouse (reserve, pick, cancel an order; set a balance), which fire the webhooks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DOCUMENTED_WEBHOOK_EVENTS as WEBHOOK_EVENTS } from './documented';
import { ApiError, readBody, sendError } from './http';
import type { BackOffice, WebhookEvent } from './types';

export const LATEST_LIMIT = 50;

export function escapeHtml(value: unknown): string {
	return String(value ?? '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

const newestFirst = <T>(items: T[], changed: (item: T) => string): T[] =>
	[...items].reverse().sort((a, b) => changed(b).localeCompare(changed(a))).slice(0, LATEST_LIMIT); // reversed first: records changed in the same millisecond stay newest (last stored) first

function table(headings: string[], rows: unknown[][], empty: string): string {
	const head = headings.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
	const body = rows.length
		? rows.map((cells) => `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')
		: `<tr><td colspan="${headings.length}">${escapeHtml(empty)}</td></tr>`;
	return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function renderPage(office: BackOffice): string {
	const orders = newestFirst(office.data.orders(), (o) => o.changed);
	const products = newestFirst(office.data.products(), (p) => p.changed);
	const balances = newestFirst(office.data.availability(), (b) => b.changed);
	const deliveries = office.data.webhookDeliveries().slice(-LATEST_LIMIT).reverse();
	const log = office.log.slice(-LATEST_LIMIT).reverse();
	const eventOptions = WEBHOOK_EVENTS.map((e) => `<option>${e}</option>`).join('');
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Extend Commerce sandbox</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;margin-bottom:1.5rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}code{background:#f4f4f4}form{margin:.5rem 0}</style>
</head><body>
<h1>Extend Commerce sandbox back office</h1>
<p>API base <code>${escapeHtml(office.url)}</code>. Master data: customers ${escapeHtml(office.master.customers().map((c) => c.customerNumber).join(', '))}; units ${escapeHtml(office.master.units().join(', '))}; warehouses ${escapeHtml(office.master.warehouses().join(', '))}; delivery methods ${escapeHtml(office.master.deliveryMethods().join(', '))}.</p>
<h2>Customer orders (${office.data.orders().length})</h2>
${table(
	['Order number', 'External number', 'Customer', 'Status', 'Rows (active/all)', 'Deliveries', 'Changed'],
	orders.map((o) => [
		o.orderNumber,
		o.orderNumberExternal,
		o.orderHeader.customerNumber,
		o.status,
		`${o.orderRows.filter((r) => r.rowStatus === 'Active').length}/${o.orderRows.length}`,
		o.deliveries.map((d) => [d.carrier, d.trackingNumber].filter(Boolean).join(' ')).join('; '),
		o.changed,
	]),
	'No orders yet.',
)}
<form method="post" action="/actions/order">Order number <input name="orderNumber" required>
<select name="action"><option>reserve</option><option>pick</option><option>cancel</option></select>
carrier <input name="carrier"> tracking number <input name="trackingNumber"> tracking URL <input name="trackingUrl"> <button>Apply</button></form>
<h2>Products (${office.data.products().length})</h2>
${table(['Product number', 'Parent', 'Name', 'Unit', 'Price', 'VAT %', 'Active', 'Changed'], products.map((p) => [p.productNumber, p.parentProductNumber ?? '', p.name ?? '', p.unit ?? '', p.price ?? '', p.vatPercent ?? '', p.active ?? '', p.changed]), 'No products yet.')}
<h2>Available balances</h2>
${table(['Product number', 'Warehouse', 'Available', 'Changed'], balances.map((b) => [b.productNumber, b.warehouse, b.availableBalance, b.changed]), 'No balances yet.')}
<form method="post" action="/actions/balance">Product number <input name="productNumber" required> warehouse <input name="warehouse" required> available <input name="available" required> <button>Set balance</button></form>
<h2>Webhooks</h2>
${table(['Id', 'Name', 'Callback URL', 'Events', 'Warehouse filter', 'Active', 'Secret'], office.webhooks.list().map((w) => [w.id, w.name, w.url, w.events.length === WEBHOOK_EVENTS.length ? 'all' : w.events.join(', '), w.warehouse ?? '', w.active, '••••••']), 'No webhooks registered.')}
<form method="post" action="/webhooks">Name <input name="name"> callback URL <input name="url" required> secret <input name="secret" type="password" required> warehouse filter <input name="warehouse">
events <select name="events" multiple size="4">${eventOptions}</select> (none chosen = all) <button>Register</button></form>
<h2>Webhook deliveries (last ${LATEST_LIMIT})</h2>
${table(['At', 'Event', 'Details', 'Callback URL', 'Attempt', 'Status', 'Error'], deliveries.map((d) => [d.at, d.action, JSON.stringify(d.details), d.url, d.attempt, d.status || '', d.error ?? '']), 'No deliveries yet.')}
<h2>Request log (last ${LATEST_LIMIT})</h2>
${table(['At', 'Method', 'Path', 'Status', 'Auth', 'Group'], log.map((e) => [e.at, e.method, e.path, e.status || 'no answer', e.authMode ?? '', e.group ?? '']), 'No requests yet.')}
</body></html>`;
}

function redirectHome(res: ServerResponse): void {
	res.writeHead(303, { Location: '/', 'Content-Length': '0' });
	res.end();
}

function formValue(form: URLSearchParams, name: string): string | undefined {
	const value = form.get(name)?.trim();
	return value ? value : undefined;
}

/** Serves the page and its forms; anything else outside the API base path is a 404. */
export async function handleWeb(req: IncomingMessage, res: ServerResponse, url: URL, office: BackOffice): Promise<void> {
	const method = req.method ?? 'GET';
	const raw = await readBody(req);
	if (url.pathname === '/' && (method === 'GET' || method === 'HEAD')) {
		const html = renderPage(office);
		res.writeHead(200, {
			'Content-Type': 'text/html; charset=utf-8',
			'Content-Length': String(Buffer.byteLength(html)),
			'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
		});
		res.end(method === 'HEAD' ? undefined : html);
		return;
	}
	if (method === 'POST' && ['/webhooks', '/actions/order', '/actions/balance'].includes(url.pathname)) {
		const form = new URLSearchParams(raw.toString('utf8'));
		const problem = applyForm(office, url.pathname, form);
		if (problem) return sendError(res, new ApiError(400, problem));
		return redirectHome(res);
	}
	// Like the web server in front of a real back office: a wrong URL gets an HTML page, not JSON.
	const html = `<!doctype html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>There is no page ${escapeHtml(url.pathname.slice(0, 80))}; the web page is at / and the API under ${escapeHtml(office.basePath)}.</p></body></html>\n`;
	res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(html)) });
	res.end(method === 'HEAD' ? undefined : html);
}

/** Applies a form; answers the problem in words, or undefined when it worked. */
function applyForm(office: BackOffice, pathname: string, form: URLSearchParams): string | undefined {
	try {
			if (pathname === '/webhooks') {
				office.webhooks.register({
					url: formValue(form, 'url') ?? '',
					secret: formValue(form, 'secret') ?? '',
					name: formValue(form, 'name'),
					warehouse: formValue(form, 'warehouse'),
					events: form.getAll('events') as WebhookEvent[],
				});
			} else if (pathname === '/actions/balance') {
				office.setAvailableBalance(formValue(form, 'productNumber') ?? '', formValue(form, 'warehouse') ?? '', Number(formValue(form, 'available')));
			} else {
				const orderNumber = formValue(form, 'orderNumber') ?? '';
				const action = formValue(form, 'action');
				if (action === 'reserve') office.reserveOrder(orderNumber);
				else if (action === 'cancel') office.cancelOrder(orderNumber);
				else if (action === 'pick') {
					office.pickOrder(orderNumber, { carrier: formValue(form, 'carrier'), trackingNumber: formValue(form, 'trackingNumber'), trackingUrl: formValue(form, 'trackingUrl') });
				} else throw new Error(`Unknown action '${action ?? ''}'; use reserve, pick or cancel`);
			}
	} catch (error) {
		return (error as Error).message;
	}
	return undefined;
}
