import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { connectionFrom } from '../shared/extend-commerce/connection';
import { toNodeError } from '../shared/nodeErrors';
import type { SinceMode, SyncResource, SyncWindowInfo } from '../shared/sync/syncWindow';
import { sendWithCredential } from '../shared/transport/http';
import type { QueryValue } from '../shared/transport/query';
import { DEFAULT_RETRY_POLICY } from '../shared/transport/retry';
import { storeSettingsFrom, WooClient, type WooRecord } from '../shared/woocommerce/client';
import { capWindow, WindowPager } from '../shared/woocommerce/pager';
import { storeZone } from '../shared/woocommerce/siteClock';
import { fetchVariations } from '../shared/woocommerce/variations';
import { planWindow, toIsoUtc, toWooDate, type SyncWindow } from '../shared/woocommerce/window';
import { startOf } from './since';

type VariationMode = 'array' | 'items' | 'none';

interface FetchSettings {
	resource: 'product' | 'order';
	since: SinceMode;
	cursor: unknown;
	sinceDate: string;
	returnAll: boolean;
	limit: number;
	variations: VariationMode;
	filters: { orderStatuses?: string[]; productStatus?: string; productType?: string };
	options: { concurrency?: number; maxRecordsPerRun?: number; settleSeconds?: number; timeoutSeconds?: number; retries?: number };
}

function readSettings(context: IExecuteFunctions): FetchSettings {
	const resource = context.getNodeParameter('resource', 0) as FetchSettings['resource'];
	const since = context.getNodeParameter('since', 0) as SinceMode;
	const returnAll = context.getNodeParameter('returnAll', 0) as boolean;
	return {
		resource,
		since,
		cursor: since === 'cursor' ? context.getNodeParameter('cursor', 0, '') : undefined,
		sinceDate: since === 'date' ? String(context.getNodeParameter('sinceDate', 0) ?? '') : '',
		returnAll,
		limit: returnAll ? 0 : (context.getNodeParameter('limit', 0) as number),
		variations: resource === 'product' ? (context.getNodeParameter('variations', 0, 'array') as VariationMode) : 'none',
		filters: context.getNodeParameter('filters', 0, {}) as FetchSettings['filters'],
		options: context.getNodeParameter('options', 0, {}) as FetchSettings['options'],
	};
}

function baseQuery(settings: FetchSettings): Record<string, QueryValue> {
	if (settings.resource === 'order') {
		const statuses = settings.filters.orderStatuses ?? [];
		return { status: statuses.length > 0 ? statuses : 'any' };
	}
	const query: Record<string, QueryValue> = {};
	if (settings.filters.productStatus && settings.filters.productStatus !== 'any') query.status = settings.filters.productStatus;
	if (settings.filters.productType && settings.filters.productType !== 'any') query.type = settings.filters.productType;
	return query;
}

/**
 * The store's trash, read beside the main list: WooCommerce's `status=any` leaves trashed records
 * out (checked on WooCommerce 10.0.2), and `any` in a status list makes it answer nothing, so a
 * record trashed between two runs is only seen through its own `status=trash` list. Trashing
 * moves the record's modified date, so the same window finds it.
 */
function trashQuery(settings: FetchSettings): Record<string, QueryValue> {
	const query: Record<string, QueryValue> = { status: 'trash' };
	if (settings.resource === 'product' && settings.filters.productType && settings.filters.productType !== 'any') query.type = settings.filters.productType;
	return query;
}

/** Duplicates from overlapping reads carry the same id and modified date: keep one of each. */
function withoutDuplicates(records: WooRecord[]): WooRecord[] {
	const seen = new Map<number, Array<string | null | undefined>>();
	return records.filter((record) => {
		const versions = seen.get(record.id);
		if (versions?.includes(record.date_modified_gmt)) return false;
		if (versions) versions.push(record.date_modified_gmt);
		else seen.set(record.id, [record.date_modified_gmt]);
		return true;
	});
}

function toItems(records: WooRecord[], variations: Map<number, WooRecord[]>, mode: VariationMode): INodeExecutionData[] {
	const items: INodeExecutionData[] = [];
	for (const record of records) {
		const own = variations.get(record.id);
		if (own && mode === 'array') {
			items.push({ json: { ...record, variations: own } as IDataObject, pairedItem: { item: 0 } });
			continue;
		}
		items.push({ json: record as IDataObject, pairedItem: { item: 0 } });
		if (own && mode === 'items') {
			for (const variation of own) items.push({ json: variation as IDataObject, pairedItem: { item: 0 } });
		}
	}
	return items;
}

function hintsFor(settings: FetchSettings, resource: SyncResource, info: SyncWindowInfo, nothingYet: boolean): string[] {
	const hints: string[] = [
		nothingYet
			? `Nothing to fetch yet: the store's clock minus the settle time has not passed ${info.windowStart}.`
			: `Window ${info.windowStart} – ${info.windowEnd}: ${info.records} ${resource}.`,
	];
	if (info.capped) {
		hints.push(
			settings.since === 'cursor'
				? `More ${resource} changed than Max Records per Run; this run covers the window up to ${info.windowEnd}, and once the cursor is saved there the next run continues from it.`
				: `More ${resource} changed than Max Records per Run: only those changed before ${info.windowEnd} were returned. Raise Max Records per Run (0 = no cap), or use Since: Cursor to get the rest in the next runs.`,
		);
	}
	if (settings.since !== 'cursor' && info.complete) {
		hints.push(`This window starts at ${info.windowStart}, not at a saved cursor: if the workflow saves its end as the cursor, records changed between an older cursor and ${info.windowStart} are passed over. To re-sync, change the saved cursor and use Since: Cursor.`);
	}
	if (!info.complete) hints.push('Run with a Limit: only the first records of the window were read, so the Sync Window is marked incomplete and must not move a cursor.');
	return hints;
}

/**
 * One run of the fetch node: plan the window from a cursor the workflow keeps (or a date), read
 * every record changed in it — verified complete — and hand the window on as one Sync Window
 * item, so the workflow can save the next cursor once the records were delivered. No state here.
 */
export async function fetchChanges(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const settings = readSettings(this);
	const resource: SyncResource = settings.resource === 'order' ? 'orders' : 'products';
	const connectionCredentials = await this.getCredentials('extendCommerceConnectionApi');
	const secrets = [String(connectionCredentials.secret ?? ''), String(connectionCredentials.accessToken ?? '')];
	try {
		const connection = connectionFrom(connectionCredentials);
		const retries = settings.options.retries ?? DEFAULT_RETRY_POLICY.attempts - 1;
		const transportOptions = {
			timeoutMs: (settings.options.timeoutSeconds ?? 60) * 1000,
			retryPolicy: { ...DEFAULT_RETRY_POLICY, attempts: retries + 1 },
		};
		const store = new WooClient(sendWithCredential(this, 'extendCommerceConnectionApi', connectionCredentials), storeSettingsFrom(connectionCredentials), transportOptions);
		const concurrency = Math.min(8, Math.max(1, Math.floor(settings.options.concurrency ?? 4)));
		const start = startOf({ since: settings.since, resource, cursor: settings.cursor, sinceDate: settings.sinceDate, orderStart: connection.orderStart });

		// The window ends at the store's own clock, read once now, so a store whose clock differs from n8n's
		// loses nothing. The same request counts what changed since the start: an upper bound for the cap.
		const probe = await store.list(resource, { ...baseQuery(settings), per_page: 1, _fields: 'id', modified_after: toWooDate(start - 1), dates_are_gmt: 'true' });
		const storeNow = Math.floor((probe.storeDate ?? new Date()).getTime() / 1000);
		let window: SyncWindow | null = planWindow({ start, storeNow, settleSeconds: settings.options.settleSeconds ?? 30 });

		// The store's time zone, asked once for both lists.
		const zone = storeZone(store);
		const pager = new WindowPager(store, resource, baseQuery(settings), { concurrency, zone });
		const trash = new WindowPager(store, resource, trashQuery(settings), { concurrency, zone });
		let records: WooRecord[] = [];
		let capped = false;
		if (window) {
			if (!settings.returnAll) {
				records = await pager.readFirst(window, settings.limit);
				if (records.length < settings.limit) records.push(...(await trash.readFirst(window, settings.limit - records.length)));
			} else {
				const cap = settings.options.maxRecordsPerRun ?? 10000;
				// The trash counts towards Max Records per Run like the main list: both are read whole for the window.
				if (cap > 0) ({ window, capped } = await capWindow([pager, trash], window, cap, probe.total === undefined ? undefined : probe.total + (await trash.count(window))));
				records = [...(await pager.readAll(window)), ...(await trash.readAll(window))];
			}
		}
		records = withoutDuplicates(records);
		const variations = settings.variations === 'none' || records.length === 0 ? new Map<number, WooRecord[]>() : await fetchVariations(store, records, concurrency, window?.start ?? start);

		// No window yet (the store clock has not passed start + settle time): an empty window at the start, which moves no cursor forward.
		const info: SyncWindowInfo = {
			connection: connection.record.name,
			resource,
			since: settings.since,
			windowStart: toIsoUtc(start),
			windowEnd: toIsoUtc(window ? window.end : start),
			records: records.length,
			capped,
			complete: settings.returnAll,
			...(connection.record.warehouse ? { warehouse: connection.record.warehouse } : {}),
		};
		this.addExecutionHints(...hintsFor(settings, resource, info, window === null).map((message) => ({ message, location: 'outputPane' as const })));
		return [toItems(records, variations, settings.variations), [{ json: info as unknown as IDataObject, pairedItem: { item: 0 } }]];
	} catch (error) {
		throw toNodeError(this.getNode(), error, secrets);
	}
}
