/**
 * Checks what this package assumes about Extend's API (assumptions.ts) against a live tenant, with
 * reads only: a page of CustomerOrders and of ProductAvailability, paging, the change-date filter,
 * the lookup by shop order number, one order's detail and one product. Where the tenant answers
 * otherwise, a few more reads try the names other APIs commonly use, so the finding can name the
 * adjustment that fits. What only a write would show is reported as such; nothing is written.
 */
import type { IDataObject } from 'n8n-workflow';

import { EXTEND_PATHS, RATE_LIMIT_HEADERS } from './api';
import { adjustmentJson, ADJUSTABLE_KEYS, assumedValue, DEFAULT_ASSUMPTIONS, fillPath, type ExtendAssumptions } from './assumptions';
import type { ExtendClient } from './client';
import { listOf, pageQuery } from './lists';
import type { QueryValue } from '../transport/query';

export type CheckResult = 'confirmed' | 'contradicted' | 'notCheckable' | 'undecided';

export interface Finding extends IDataObject {
	/** The key in API Adjustments. */
	key: string;
	result: CheckResult;
	/** The value in use (the default or the credential's adjustment). */
	assumed: IDataObject[string];
	/** What the tenant answered, in words. */
	evidence: string;
	/** The API Adjustments that would fit what the tenant answered, when the check could tell. */
	adjustment?: IDataObject;
}

type Query = Record<string, QueryValue>;
type Row = Record<string, unknown>;
type List = ExtendAssumptions['list'];

interface Answer {
	status: number;
	headers: Record<string, string>;
	body: unknown;
}

/** Names other APIs use, tried when the tenant ignores the assumed one (the assumed one first). */
const CANDIDATES = {
	pageSize: ['pageSize', 'take', 'limit', 'top', '$top', 'size', 'per_page', 'perPage', 'count'],
	pageNumber: ['page', 'pageNumber', 'pageNo', 'pageIndex', 'p'],
	offset: ['offset', 'skip', '$skip', 'start', 'from'],
	changedSince: ['changedSince', 'modifiedSince', 'changedAfter', 'modifiedAfter', 'updatedSince', 'updatedAfter', 'changedFrom', 'lastChanged', 'since', 'fromDate'],
	orderNumberExternal: ['orderNumberExternal', 'externalOrderNumber', 'externalNumber', 'externalOrderNo', 'orderNoExternal', 'externalReference', 'reference'],
	orderNumbersExternal: ['orderNumbersExternal', 'externalOrderNumbers', 'externalNumbers', 'orderNumberExternal', 'externalOrderNumber', 'references'],
	warehouse: ['warehouse', 'stockPlace', 'warehouseCode', 'warehouseId', 'location', 'store'],
	productNumbers: ['productNumbers', 'products', 'productNumber', 'productNos', 'productNo', 'skus', 'items'],
	arrayFields: ['items', 'data', 'results', 'value', 'records', 'rows', 'list', 'content', 'entries'],
} as const;

const FAR_FUTURE = '2999-01-01T00:00:00Z';
const FIRST_PAGE_SIZE = 20;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const shown = (value: unknown): string => {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};
const uniqueCandidates = (assumed: string, names: readonly string[]): string[] => [...new Set([assumed, ...names])];

/** The first field whose name matches and whose value passes, as the tenant's likely name for an item. */
function fieldLike(row: Row | undefined, name: RegExp, value: (v: unknown) => boolean = () => true, not?: RegExp): string | undefined {
	if (!row) return undefined;
	return Object.keys(row).find((key) => name.test(key) && !(not && not.test(key)) && value(row[key]));
}

const isText = (v: unknown): boolean => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number';
const isNumber = (v: unknown): boolean => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));
const isTime = (v: unknown): boolean => typeof v === 'string' && !Number.isNaN(Date.parse(v));

class Checker {
	readonly findings: Finding[] = [];

	private readonly headersSeen: Array<Record<string, string>> = [];

	constructor(
		private readonly client: ExtendClient,
		private readonly assumed: ExtendAssumptions,
	) {}

	/** A read whose failure concerns the whole check (a refused credential, an unreachable tenant): it throws. */
	async read(path: string, query: Query = {}): Promise<Answer> {
		const answer = await this.client.request('GET', path, { query });
		this.headersSeen.push(answer.headers);
		return answer;
	}

	/**
	 * The first page of a list, asked with the assumed page size so a large tenant is not read whole;
	 * a tenant that refuses the parameter is read without it (a refused credential still fails the run).
	 */
	async firstPage(path: string): Promise<unknown> {
		const sized = await this.probe(path, { [this.assumed.list.pageSize]: FIRST_PAGE_SIZE });
		return sized.status >= 200 && sized.status < 300 ? sized.body : (await this.read(path)).body;
	}

	/** A read that may be refused (a guessed parameter): the answer whatever its status. */
	async probe(path: string, query: Query): Promise<Answer> {
		const response = await this.client.http.exchange({ method: 'GET', url: this.client.url(path, query) });
		this.headersSeen.push(response.headers);
		let body: unknown;
		try {
			body = response.text.trim() === '' ? null : (JSON.parse(response.text) as unknown);
		} catch {
			body = undefined;
		}
		return { status: response.status, headers: response.headers, body };
	}

	/** The records of an answer under the assumed (or fitting) list fields; undefined for no list. */
	rows(body: unknown, arrayFields = this.fit.arrayFields ?? this.assumed.list.arrayFields): Row[] | undefined {
		return listOf(body, arrayFields)?.filter(isRow);
	}

	/** What the check learnt fits the tenant where the assumption does not, so later steps read with it. */
	readonly fit: { arrayFields?: string[]; list: Partial<List> } = { list: {} };

	listFit(): List {
		return { ...this.assumed.list, ...this.fit.list };
	}

	report(key: string, result: CheckResult, evidence: string, changes?: Record<string, unknown>): void {
		const finding: Finding = { key, result, assumed: assumedValue(this.assumed, key) as IDataObject[string], evidence };
		if (changes && Object.keys(changes).length > 0) finding.adjustment = adjustmentJson(changes) as IDataObject;
		this.findings.push(finding);
	}

	/** Confirmed when the tenant uses the assumed name; contradicted (with the fitting name, if found) otherwise. */
	named(key: string, row: Row | undefined, guess: string | undefined, what: string): void {
		const name = assumedValue(this.assumed, key) as string;
		if (!row) return this.report(key, 'undecided', `There was no ${what} to look at.`);
		if (name in row) return this.report(key, 'confirmed', `The ${what} has the field "${name}".`);
		const fields = Object.keys(row).slice(0, 12).join(', ');
		if (guess) return this.report(key, 'contradicted', `The ${what} has no field "${name}"; it has "${guess}" (fields: ${fields}).`, { [key]: guess });
		this.report(key, 'contradicted', `The ${what} has no field "${name}", and none the check recognises (fields: ${fields}).`);
	}

	listShape(where: string, body: unknown): Row[] | undefined {
		const assumedFields = this.assumed.list.arrayFields;
		if (Array.isArray(body)) {
			this.report('list.arrayFields', 'confirmed', `${where} answered a JSON list.`);
			return body.filter(isRow);
		}
		if (isRow(body)) {
			const used = assumedFields.find((field) => Array.isArray(body[field]));
			if (used) {
				this.report('list.arrayFields', 'confirmed', `${where} answered its records in "${used}".`);
				return (body[used] as unknown[]).filter(isRow);
			}
			const other = Object.keys(body).find((field) => Array.isArray(body[field]));
			if (other) {
				this.fit.arrayFields = [other];
				this.report('list.arrayFields', 'contradicted', `${where} answered an object with its records in "${other}" (none of ${assumedFields.join(', ')}).`, { 'list.arrayFields': [other] });
				return (body[other] as unknown[]).filter(isRow);
			}
		}
		this.report('list.arrayFields', 'contradicted', `${where} answered no list: ${shown(body)}.`);
		return undefined;
	}

	/** The name (among candidates) under which the filter narrows the list as `narrowed` says. */
	async findFilter(path: string, candidates: string[], value: string, narrowed: (rows: Row[]) => boolean, extra: Query = {}): Promise<{ name?: string; refused?: string }> {
		let refused: string | undefined;
		for (const name of candidates) {
			const answer = await this.probe(path, { ...extra, [name]: value });
			if (answer.status >= 400) {
				if (name === candidates[0]) refused = `HTTP ${answer.status} ${shown(answer.body)}`;
				continue;
			}
			const rows = this.rows(answer.body);
			if (rows && narrowed(rows)) return { name };
		}
		return { refused };
	}

	reportFilter(key: string, found: { name?: string; refused?: string }, evidence: { confirmed: string; ignored: string }): void {
		const assumedName = assumedValue(this.assumed, key) as string;
		if (found.name === assumedName) return this.report(key, 'confirmed', evidence.confirmed);
		const why = found.refused ? `The tenant refused "${assumedName}" (${found.refused}).` : evidence.ignored;
		if (found.name) return this.report(key, 'contradicted', `${why} "${found.name}" works.`, { [key]: found.name });
		this.report(key, 'contradicted', `${why} None of the names the check tried worked.`);
	}

	rateLimitHeaders(): void {
		for (const key of ['remaining', 'reset'] as const) {
			const path = `rateLimit.${key}`;
			const name = this.assumed.rateLimit[key].toLowerCase();
			if (this.headersSeen.some((headers) => name in headers)) {
				this.report(path, 'confirmed', `The answers carry the header "${name}".`);
				continue;
			}
			const others = [...new Set(this.headersSeen.flatMap((headers) => Object.keys(headers)).filter((header) => /rate.?limit/i.test(header) && header !== RATE_LIMIT_HEADERS.limit))];
			const guess = others.find((header) => (key === 'remaining' ? /remain|left/i : /reset|retry|window/i).test(header));
			if (guess) this.report(path, 'contradicted', `No answer carries "${name}"; they carry ${others.join(', ')}.`, { [path]: guess });
			else this.report(path, others.length ? 'contradicted' : 'undecided', others.length ? `No answer carries "${name}"; they carry ${others.join(', ')}.` : `No answer carries "${name}" or any other rate-limit header but ${RATE_LIMIT_HEADERS.limit}.`);
		}
	}
}

async function checkOrders(check: Checker, assumed: ExtendAssumptions): Promise<void> {
	const path = EXTEND_PATHS.customerOrders;
	const base = check.listShape(`GET ${path}`, await check.firstPage(path)) ?? [];
	const first = base[0];
	const externalOf = (row: Row | undefined, field: string): unknown => (row ? (row[field] ?? (isRow(row.orderHeader) ? row.orderHeader[field] : undefined)) : undefined);

	check.named('order.extendNumberField', first, fieldLike(first, /^(order)?[-_]?(no|nr|num|number|id)$/i, isText, /extern/i), 'first order of the list');
	const externalField = first && externalOf(first, assumed.order.externalNumberField) !== undefined ? assumed.order.externalNumberField : fieldLike(first, /extern/i, isText) ?? assumed.order.externalNumberField;
	if (first && externalOf(first, assumed.order.externalNumberField) !== undefined) check.report('order.externalNumberField', 'confirmed', `The first order of the list has the field "${assumed.order.externalNumberField}".`);
	else check.named('order.externalNumberField', first, fieldLike(first, /extern/i, isText), 'first order of the list');

	await checkPaging(check, path, base);

	// The change-date filter: nothing changed after a far future time, everything after a far past one.
	if (base.length === 0) {
		check.report('list.changedSince', 'undecided', 'The tenant lists no orders, so a filter cannot be seen to work.');
	} else {
		const found = await check.findFilter(path, uniqueCandidates(assumed.list.changedSince, CANDIDATES.changedSince), FAR_FUTURE, (rows) => rows.length === 0);
		check.reportFilter('list.changedSince', found, {
			confirmed: `Orders changed since ${FAR_FUTURE}: none, as expected.`,
			ignored: `Asked for orders changed since ${FAR_FUTURE}, the tenant still listed orders: it ignores "${assumed.list.changedSince}".`,
		});
		if (found.name) check.fit.list.changedSince = found.name;
	}

	// The lookup by the shop's order number: only that order.
	const externals = new Set(base.map((row) => String(externalOf(row, externalField) ?? '')));
	const wanted = String(externalOf(first, externalField) ?? '');
	if (wanted === '' || externals.size < 2) {
		check.report('list.orderNumberExternal', 'undecided', 'The tenant lists fewer than two orders with a shop order number, so the lookup cannot be told from the whole list.');
	} else {
		const found = await check.findFilter(path, uniqueCandidates(assumed.list.orderNumberExternal, CANDIDATES.orderNumberExternal), wanted, (rows) => rows.length > 0 && rows.every((row) => String(externalOf(row, externalField)) === wanted));
		check.reportFilter('list.orderNumberExternal', found, {
			confirmed: `Looking up shop order number ${wanted} answered only that order.`,
			ignored: `Looking up shop order number ${wanted} with "${assumed.list.orderNumberExternal}" answered other orders too: the tenant ignores it.`,
		});
	}

	await checkOrderList(check, assumed, path, [...externals].filter((number) => number !== ''), (row) => String(externalOf(row, externalField) ?? ''));
	await checkDetail(check, assumed, base);
}

/** The list by several shop order numbers (the push asks it once per page of orders): exactly the orders asked for. */
async function checkOrderList(check: Checker, assumed: ExtendAssumptions, path: string, externals: string[], externalOf: (row: Row) => string): Promise<void> {
	const asked = externals.slice(0, 2);
	if (asked.length < 2) {
		check.report('list.orderNumbersExternal', 'undecided', 'The tenant lists fewer than two orders with a shop order number, so a list of them cannot be asked for. Until it can, the push looks each order up on its own when the list does not prove itself.');
		return;
	}
	const exactly = (rows: Row[]): boolean => rows.every((row) => asked.includes(externalOf(row))) && asked.every((number) => rows.some((row) => externalOf(row) === number));
	const found = await check.findFilter(path, uniqueCandidates(assumed.list.orderNumbersExternal, CANDIDATES.orderNumbersExternal), asked.join(','), exactly);
	check.reportFilter('list.orderNumbersExternal', found, {
		confirmed: `Asking for shop order numbers ${asked.join(',')} answered exactly those two orders.`,
		ignored: `Asking for shop order numbers ${asked.join(',')} with "${assumed.list.orderNumbersExternal}" did not answer exactly those two orders (the push then looks each order up on its own: one more request per order).`,
	});
}

/** Page size and paging: two pages of one record each must be the list's first two records. */
async function checkPaging(check: Checker, path: string, base: Row[]): Promise<void> {
	const list = check.listFit();
	if (base.length < 2) {
		for (const key of ['list.pageSize', 'list.paging', 'list.page', 'list.firstPage']) check.report(key, 'undecided', 'The tenant lists fewer than two orders, so paging cannot be seen to work.');
		return;
	}
	let sizeName: string | undefined;
	let sizeRefused: string | undefined;
	for (const name of uniqueCandidates(list.pageSize, CANDIDATES.pageSize)) {
		const answer = await check.probe(path, { [name]: 1 });
		if (answer.status >= 400) {
			if (name === list.pageSize) sizeRefused = `HTTP ${answer.status} ${shown(answer.body)}`;
			continue;
		}
		if (check.rows(answer.body)?.length === 1) {
			sizeName = name;
			break;
		}
	}
	check.reportFilter('list.pageSize', { name: sizeName, refused: sizeRefused }, {
		confirmed: `"${list.pageSize}=1" answered one order.`,
		ignored: `"${list.pageSize}=1" answered more than one order: the tenant ignores it.`,
	});
	if (!sizeName) {
		for (const key of ['list.paging', 'list.page', 'list.firstPage']) check.report(key, 'undecided', 'Without a page size that works, paging cannot be checked.');
		return;
	}
	check.fit.list.pageSize = sizeName;
	const schemes: Array<Pick<List, 'paging' | 'page' | 'firstPage'>> = [
		{ paging: list.paging, page: list.page, firstPage: list.firstPage },
		...CANDIDATES.pageNumber.flatMap((page) => [1, 0].map((firstPage) => ({ paging: 'pageNumber' as const, page, firstPage }))),
		...CANDIDATES.offset.map((page) => ({ paging: 'offset' as const, page, firstPage: list.firstPage })),
	];
	let fitting: (typeof schemes)[number] | undefined;
	for (const scheme of schemes) {
		const paging = { ...list, ...scheme, pageSize: sizeName };
		const [one, two] = [await check.probe(path, pageQuery(paging, 0, 1)), await check.probe(path, pageQuery(paging, 1, 1))];
		if (one.status >= 400 || two.status >= 400) continue;
		if (same(check.rows(one.body)?.[0], base[0]) && same(check.rows(two.body)?.[0], base[1])) {
			fitting = scheme;
			break;
		}
	}
	if (!fitting) {
		for (const key of ['list.paging', 'list.page', 'list.firstPage']) check.report(key, 'contradicted', `Pages of one order did not follow the list with "${list.page}" (${list.paging}) nor with any scheme the check tried.`);
		return;
	}
	const second = `The second page of one order is the list's second order with ${fitting.paging === 'offset' ? `"${fitting.page}=1" (records to skip)` : `"${fitting.page}=${fitting.firstPage + 1}"`}.`;
	check.report('list.paging', fitting.paging === list.paging ? 'confirmed' : 'contradicted', second, fitting.paging === list.paging ? undefined : { 'list.paging': fitting.paging });
	check.report('list.page', fitting.page === list.page ? 'confirmed' : 'contradicted', second, fitting.page === list.page ? undefined : { 'list.page': fitting.page });
	if (fitting.paging === 'offset') check.report('list.firstPage', 'undecided', 'The tenant pages by the records to skip, so a first page number does not apply.');
	else check.report('list.firstPage', fitting.firstPage === list.firstPage ? 'confirmed' : 'contradicted', second, fitting.firstPage === list.firstPage ? undefined : { 'list.firstPage': fitting.firstPage });
	Object.assign(check.fit.list, fitting);
}

async function checkDetail(check: Checker, assumed: ExtendAssumptions, base: Row[]): Promise<void> {
	const numberField = assumed.order.extendNumberField in (base[0] ?? {}) ? assumed.order.extendNumberField : fieldLike(base[0], /^(order)?[-_]?(no|nr|num|number|id)$/i, isText, /extern/i);
	const numbers = [...new Set([...base.slice(-4).reverse(), base[0]].map((order) => (numberField && order ? String(order[numberField] ?? '') : '')).filter((n) => n !== ''))];
	const detailKeys = ['orderDetail.status', 'orderDetail.cancelledStatus', 'orderDetail.deliveries', 'orderDetail.deliveryDate', 'orderDetail.carrier', 'orderDetail.trackingNumber', 'orderDetail.trackingUrl'];
	if (numbers.length === 0) {
		for (const key of detailKeys) check.report(key, 'undecided', 'There was no order number to read an order\'s detail with.');
		return;
	}
	// Up to five details (the list's last four, likely the latest changed, and its first), to find one that has shipped.
	const hasDeliveries = (order: Row | undefined): boolean => {
		const list = order?.[assumed.orderDetail.deliveries] ?? (order ? order[fieldLike(order, /deliver|shipment|parcel/i, Array.isArray) ?? ''] : undefined);
		return Array.isArray(list) && list.some(isRow);
	};
	let row: Row | undefined;
	let orderNumber = numbers[0];
	for (const number of numbers) {
		const detail = (await check.read(EXTEND_PATHS.customerOrder(number))).body;
		const read = isRow(detail) ? detail : undefined;
		if (row === undefined || hasDeliveries(read)) [row, orderNumber] = [read, number];
		if (hasDeliveries(read)) break;
	}
	check.named('orderDetail.status', row, fieldLike(row, /status|state/i, (v) => typeof v === 'string', /row/i), `detail of order ${orderNumber}`);
	const statusField = row && assumed.orderDetail.status in row ? assumed.orderDetail.status : fieldLike(row, /status|state/i, (v) => typeof v === 'string', /row/i);
	const statuses = new Set([...base, ...(row ? [row] : [])].map((order) => (statusField ? order[statusField] : undefined)).filter((status) => typeof status === 'string'));
	if (statuses.has(assumed.orderDetail.cancelledStatus)) check.report('orderDetail.cancelledStatus', 'confirmed', `An order has the status "${assumed.orderDetail.cancelledStatus}".`);
	else check.report('orderDetail.cancelledStatus', 'undecided', `No order read has the status "${assumed.orderDetail.cancelledStatus}" (seen: ${[...statuses].join(', ') || 'none'}); cancel an order in Extend and run the check again to see it.`);
	const deliveries = row?.[assumed.orderDetail.deliveries];
	if (Array.isArray(deliveries)) {
		check.report('orderDetail.deliveries', 'confirmed', `The detail of order ${orderNumber} has the list "${assumed.orderDetail.deliveries}".`);
	} else {
		const guess = fieldLike(row, /deliver|shipment|parcel/i, Array.isArray);
		if (guess) check.report('orderDetail.deliveries', 'contradicted', `The detail of order ${orderNumber} has no list "${assumed.orderDetail.deliveries}"; it has "${guess}".`, { 'orderDetail.deliveries': guess });
		else check.report('orderDetail.deliveries', 'undecided', `The detail of order ${orderNumber} has no list of deliveries; an order not yet shipped may leave it out.`);
	}
	const delivery = (Array.isArray(deliveries) ? deliveries : []).find(isRow);
	const deliveryGuess: Record<string, RegExp> = { deliveryDate: /date|shipped|sent/i, carrier: /carrier|forwarder|transport/i, trackingNumber: /track.*(no|num|id|code)|parcel/i, trackingUrl: /url|link/i };
	for (const [name, pattern] of Object.entries(deliveryGuess)) {
		const key = `orderDetail.${name}`;
		if (!delivery) check.report(key, 'undecided', `Order ${orderNumber} has no delivery to look at; run the check again once an order has shipped.`);
		else check.named(key, delivery, fieldLike(delivery, pattern), `first delivery of order ${orderNumber}`);
	}
}

async function checkAvailability(check: Checker, assumed: ExtendAssumptions): Promise<Row | undefined> {
	const path = EXTEND_PATHS.productAvailability;
	const rows = check.rows(await check.firstPage(path)) ?? [];
	const first = rows[0];
	const names = assumed.availability;
	check.named('availability.productNumber', first, fieldLike(first, /product|sku|item|article/i, isText), 'first balance row');
	check.named('availability.warehouse', first, fieldLike(first, /warehouse|stock.?place|location|store/i, isText), 'first balance row');
	check.named('availability.available', first, fieldLike(first, /avail/i, isNumber), 'first balance row');
	check.named('availability.changed', first, fieldLike(first, /chang|modif|updat/i, isTime), 'first balance row');
	const fieldOf = (key: keyof typeof names, pattern: RegExp, value: (v: unknown) => boolean): string | undefined => (first && names[key] in first ? names[key] : fieldLike(first, pattern, value));
	const productField = fieldOf('productNumber', /product|sku|item|article/i, isText);
	const warehouseField = fieldOf('warehouse', /warehouse|stock.?place|location|store/i, isText);

	const filter = async (key: 'list.warehouse' | 'list.productNumbers', field: string | undefined, candidates: readonly string[], what: string): Promise<void> => {
		const values = new Set(rows.map((row) => (field ? String(row[field]) : '')));
		const wanted = field && first ? String(first[field]) : '';
		if (wanted === '' || values.size < 2) return check.report(key, 'undecided', `The tenant lists balances of fewer than two ${what}s, so the filter cannot be told from the whole list.`);
		const assumedName = assumedValue(assumed, key) as string;
		const found = await check.findFilter(path, uniqueCandidates(assumedName, candidates), wanted, (list) => list.length > 0 && list.every((row) => String(row[field as string]) === wanted));
		check.reportFilter(key, found, { confirmed: `Filtering by ${what} ${wanted} answered only its balances.`, ignored: `Filtering by ${what} ${wanted} with "${assumedName}" answered other ${what}s too: the tenant ignores it.` });
	};
	await filter('list.warehouse', warehouseField, CANDIDATES.warehouse, 'warehouse');
	await filter('list.productNumbers', productField, CANDIDATES.productNumbers, 'product');

	const pageSize = check.listFit().pageSize;
	const largest = await check.probe(path, { [pageSize]: assumed.list.maxPageSize });
	if (largest.status < 400) check.report('list.maxPageSize', 'confirmed', `A page of ${assumed.list.maxPageSize} balances was accepted.`);
	else {
		let accepted: number | undefined;
		for (const size of [50, 25, 10].filter((size) => size < assumed.list.maxPageSize)) {
			if ((await check.probe(path, { [pageSize]: size })).status < 400) {
				accepted = size;
				break;
			}
		}
		check.report('list.maxPageSize', 'contradicted', `A page of ${assumed.list.maxPageSize} was refused (HTTP ${largest.status} ${shown(largest.body)}).${accepted ? ` ${accepted} was accepted.` : ''}`, accepted ? { 'list.maxPageSize': accepted } : undefined);
	}
	return first && productField ? { productNumber: first[productField] } : undefined;
}

async function checkProduct(check: Checker, assumed: ExtendAssumptions, sample: Row | undefined): Promise<void> {
	const productNumber = sample ? String(sample.productNumber ?? '') : '';
	if (productNumber === '') {
		check.report('product.path', 'undecided', 'No balance row named a product to read.');
		return;
	}
	const path = fillPath(assumed.product.path, '{productNumber}', productNumber);
	const answer = await check.probe(path, {});
	if (answer.status < 300 && isRow(answer.body)) {
		check.report('product.path', 'confirmed', `GET ${path} answered the product.`);
		const fields = Object.entries(assumed.product.fields);
		const missing = fields.filter(([, name]) => !(name in (answer.body as Row))).map(([, name]) => name);
		const result = missing.length === 0 ? 'confirmed' : 'undecided';
		check.findings.push({
			key: 'product.fields',
			result,
			assumed: assumed.product.fields as IDataObject,
			evidence: missing.length === 0 ? `Product ${productNumber} has every field the package sends.` : `Product ${productNumber} lacks ${missing.join(', ')}; a product may leave out what it does not have, so only a write would tell.`,
		});
		return;
	}
	check.report('product.path', 'contradicted', `GET ${path} of product ${productNumber} (listed in ProductAvailability) answered HTTP ${answer.status} ${answer.body === undefined ? '(not JSON)' : shown(answer.body)}: the tenant has no such product resource; ask Extend for its product method.`);
}

const ONLY_BY_WRITING: Record<string, string> = {
	'order.updateMethod': 'Only changing an order would show the method the tenant takes.',
	'order.updatePath': 'Only changing an order would show the path the tenant takes.',
	'errors.recordLevelStatuses': 'Only a refused write would show which answers refuse one record.',
};

/** Every assumption, checked against the tenant with reads only; one finding per adjustable key checked. */
export async function checkAssumptions(client: ExtendClient): Promise<Finding[]> {
	const assumed = client.assumptions;
	const check = new Checker(client, assumed);
	await checkOrders(check, assumed);
	const sample = await checkAvailability(check, assumed);
	await checkProduct(check, assumed, sample);
	check.rateLimitHeaders();
	for (const [key, why] of Object.entries(ONLY_BY_WRITING)) check.report(key, 'notCheckable', `${why} The check never writes.`);
	// One finding per key: a later, contradicting look (e.g. the balances' list shape) outweighs an earlier confirmation.
	const byKey = new Map<string, Finding>();
	for (const finding of check.findings) {
		const held = byKey.get(finding.key);
		if (!held || (held.result !== 'contradicted' && finding.result === 'contradicted')) byKey.set(finding.key, finding);
	}
	return [...byKey.values()];
}

/** The whole API Adjustments to enter: what is adjusted today plus every fitting change the check found. */
export function suggestedAdjustments(assumed: ExtendAssumptions, findings: readonly Finding[]): IDataObject {
	const changes: Record<string, unknown> = {};
	for (const key of Object.keys(ADJUSTABLE_KEYS)) {
		const value = assumedValue(assumed, key);
		if (!same(value, assumedValue(DEFAULT_ASSUMPTIONS, key))) changes[key] = value;
	}
	const flatten = (node: IDataObject, prefix: string): void => {
		for (const [name, value] of Object.entries(node)) {
			const key = prefix ? `${prefix}.${name}` : name;
			if (ADJUSTABLE_KEYS[key]) changes[key] = value;
			else if (isRow(value)) flatten(value as IDataObject, key);
		}
	};
	for (const finding of findings) if (finding.adjustment) flatten(finding.adjustment, '');
	for (const [key, value] of Object.entries(changes)) if (same(value, assumedValue(DEFAULT_ASSUMPTIONS, key))) delete changes[key];
	if (changes['list.paging'] === 'offset') delete changes['list.firstPage'];
	return adjustmentJson(changes) as IDataObject;
}
