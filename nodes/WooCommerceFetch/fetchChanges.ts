import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { connectionFrom } from '../shared/extend-commerce/connection';
import type { CanonicalResource } from '../shared/mapping/canonical';
import { toNodeError } from '../shared/nodeErrors';
import { TransportError } from '../shared/transport/errors';
import { sendWithCredential } from '../shared/transport/http';
import type { QueryValue } from '../shared/transport/query';
import { DEFAULT_RETRY_POLICY } from '../shared/transport/retry';
import { storeSettingsFrom, WooClient, type WooRecord } from '../shared/woocommerce/client';
import { capWindow, WindowPager } from '../shared/woocommerce/pager';
import { fetchVariations } from '../shared/woocommerce/variations';
import { parseUtc, planWindow, toIsoUtc, toWooDate, type SyncWindow } from '../shared/woocommerce/window';

type Since = 'lastSync' | 'date' | 'orderStart';
type VariationMode = 'array' | 'items' | 'none';

interface FetchSettings {
	resource: 'product' | 'order';
	since: Since;
	sinceDate: string;
	returnAll: boolean;
	limit: number;
	variations: VariationMode;
	filters: { orderStatuses?: string[]; productStatus?: string; productType?: string };
	options: { concurrency?: number; maxRecordsPerRun?: number; settleSeconds?: number; timeoutSeconds?: number; retries?: number };
}

function readSettings(context: IExecuteFunctions): FetchSettings {
	const resource = context.getNodeParameter('resource', 0) as FetchSettings['resource'];
	const since = context.getNodeParameter('since', 0) as Since;
	const returnAll = context.getNodeParameter('returnAll', 0) as boolean;
	return {
		resource,
		since,
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

/**
 * One run of the fetch node: plan the window from the sync state (or a date), read every record
 * changed in it — verified complete — and register the window as pending for this execution so
 * that the push node can commit it.
 */
export async function fetchChanges(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const settings = readSettings(this);
	const resource: CanonicalResource = settings.resource === 'order' ? 'orders' : 'products';
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

		let start: number;
		if (settings.since === 'lastSync') {
			// The sync state left Extend Commerce with the push node's old protocol; the cursor moves into the workflow.
			throw new TransportError('invalid-input', 'Since: Last Successful Sync is no longer available.', 'Choose Since: A Given Date or Order Start.');
		} else if (settings.since === 'orderStart') {
			start = connection.orderStart;
		} else {
			const parsed = parseUtc(settings.sinceDate);
			if (parsed === undefined) {
				throw new TransportError('invalid-input', `Since Date "${settings.sinceDate}" is not a date`, 'Enter a date such as 2025-06-01T00:00:00 (UTC) in Since Date.');
			}
			start = parsed;
		}

		// The window ends at the store's own clock, read once now, so a store whose clock differs from n8n's
		// loses nothing. The same request counts what changed since the start: an upper bound for the cap.
		const route = resource;
		const probe = await store.list(route, { ...baseQuery(settings), per_page: 1, _fields: 'id', modified_after: toWooDate(start - 1), dates_are_gmt: 'true' });
		const storeNow = Math.floor((probe.storeDate ?? new Date()).getTime() / 1000);
		let window = planWindow({ start, storeNow, settleSeconds: settings.options.settleSeconds ?? 30 });

		const pager = new WindowPager(store, route, baseQuery(settings), { concurrency });
		let records: WooRecord[] = [];
		let capped = false;
		if (window) {
			if (!settings.returnAll) {
				records = await pager.readFirst(window, settings.limit);
			} else {
				const cap = settings.options.maxRecordsPerRun ?? 10000;
				if (cap > 0) ({ window, capped } = await capWindow(pager, window, cap, probe.total));
				records = await pager.readAll(window);
			}
		}
		records = withoutDuplicates(records);
		const variations = settings.variations === 'none' || records.length === 0 ? new Map<number, WooRecord[]>() : await fetchVariations(store, records, concurrency);

		const windowText = window ? `${toIsoUtc(window.start)} – ${toIsoUtc(window.end)}` : `nothing to fetch yet (starts ${toIsoUtc(start)})`;
		const hints: string[] = [`Window ${windowText}: ${records.length} ${resource}.`];
		if (capped) {
			const coveredTo = toIsoUtc((window as SyncWindow).end);
			hints.push(
				`More ${resource} changed than Max Records per Run: only those changed before ${coveredTo} were returned. Raise Max Records per Run (0 = no cap).`,
			);
		}
		this.addExecutionHints(...hints.map((message) => ({ message, location: 'outputPane' as const })));
		return [toItems(records, variations, settings.variations)];
	} catch (error) {
		throw toNodeError(this.getNode(), error, secrets);
	}
}
