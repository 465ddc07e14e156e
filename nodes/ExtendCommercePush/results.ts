import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { CanonicalResource, FieldError, RecordResult, UpsertOutcome } from '../shared/mapping/canonical';
import { mapRecord, MappingError } from '../shared/mapping';
import { TransportError } from '../shared/transport/errors';
import { redactSecrets } from '../shared/transport/redact';

export type PushResource = 'product' | 'order';
export type InputFormat = 'wooCommerce' | 'canonical';

/** One canonical record to send, and the input item it came from. */
export interface PreparedRecord {
	itemIndex: number;
	sourceId: string;
	record: IDataObject;
}

/** A record refused before sending (it could not be mapped); it is never sent. */
export interface RecordRejection {
	itemIndex: number;
	sourceId: string;
	errors: FieldError[];
}

/** What the back office answered for one sent record. */
export interface SentResult {
	result: RecordResult;
	/** The back office answered from a stored answer of an earlier identical batch (nothing applied now). */
	replayed: boolean;
}

/** The json of one output item. */
export interface PushResultJson {
	resource: PushResource;
	sourceId: string;
	outcome: UpsertOutcome;
	errors?: FieldError[];
	replayed?: true;
}

export function canonicalResourceOf(resource: PushResource): CanonicalResource {
	return resource === 'product' ? 'products' : 'orders';
}

function sourceIdOf(json: IDataObject): string {
	const id = json.id ?? json.sourceId;
	return typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : '';
}

/**
 * Turns input items into canonical records: WooCommerce JSON is mapped (a variable product gives
 * its own record plus one per variation), canonical items are taken as they are. An item that
 * cannot be mapped becomes a rejection naming the field; it is not sent.
 */
export function prepareRecords(
	items: INodeExecutionData[],
	resource: PushResource,
	format: InputFormat,
	currency: string,
): { records: PreparedRecord[]; rejections: RecordRejection[] } {
	const records: PreparedRecord[] = [];
	const rejections: RecordRejection[] = [];
	const canonical = canonicalResourceOf(resource);
	items.forEach((item, itemIndex) => {
		const json = item.json ?? {};
		if (format === 'canonical') {
			const sourceId = json.sourceId;
			if (typeof sourceId !== 'string' || sourceId.trim() === '') {
				rejections.push({
					itemIndex,
					sourceId: sourceIdOf(json),
					errors: [{ field: 'sourceId', message: `sourceId is ${sourceId === undefined ? 'missing' : JSON.stringify(sourceId)}; a canonical record needs its id in the external system as a non-empty string` }],
				});
				return;
			}
			records.push({ itemIndex, sourceId, record: json });
			return;
		}
		try {
			const mapped = mapRecord(canonical, json, { currency });
			for (const record of mapped) records.push({ itemIndex, sourceId: record.sourceId, record: record as unknown as IDataObject });
		} catch (error) {
			if (error instanceof MappingError) {
				rejections.push({ itemIndex, sourceId: sourceIdOf(json), errors: [{ field: error.field, message: error.message }] });
			} else {
				rejections.push({ itemIndex, sourceId: sourceIdOf(json), errors: [{ field: '(item)', message: error instanceof Error ? error.message : String(error) }] });
			}
		}
	});
	return { records, rejections };
}

/** Pairs a batch's answer with the records sent, checking that the back office answered each one in order. */
export function matchBatchResults(sent: readonly PreparedRecord[], results: readonly RecordResult[], replayed: boolean, where: string): SentResult[] {
	if (results.length !== sent.length) {
		throw new TransportError('http', `Extend Commerce answered ${results.length} results for ${sent.length} records (${where})`, 'The back office must answer every record of a batch in request order (docs/extend-commerce-api.md). Nothing was committed.');
	}
	return results.map((result, index) => {
		if (String(result?.sourceId ?? '') !== sent[index].sourceId && result?.outcome !== 'rejected') {
			throw new TransportError('http', `Extend Commerce answered record ${String(result?.sourceId)} where ${sent[index].sourceId} was sent (${where})`, 'The back office must answer every record of a batch in request order. Nothing was committed.');
		}
		return { result, replayed };
	});
}

/**
 * Where rejected records go, from the node's Settings → On Error:
 * - 'errorOutput' ("Continue (using error output)"): the item's json is `{ error, details }` — the
 *   shape n8n-core's WorkflowExecute moves to the error output (json with only error/message/details
 *   keys; it then merges the paired input item's json underneath). `item.error` is not used: the
 *   engine would replace the json by `{ error }` and the result would be lost.
 * - 'regular' ("Continue"): the result plus an `error` line, in the main output.
 * - 'none' ("Stop Workflow"): the plain result with outcome 'rejected', in the main output.
 */
export type RejectMode = 'none' | 'regular' | 'errorOutput';

export interface AssembleOptions {
	rejectMode: RejectMode;
	secrets: Array<string | undefined>;
}

export interface Assembled {
	items: INodeExecutionData[];
	counts: Record<UpsertOutcome, number>;
}

function describeErrors(errors: FieldError[]): string {
	return errors.map((e) => (e.message.includes(e.field) || !e.field ? e.message : `${e.field}: ${e.message}`)).join('; ');
}

/**
 * One output item per canonical record (a variable product gives one for itself and one per
 * variation; an item that could not be mapped gives one), in input order, each paired with the
 * input item it came from.
 */
export function assembleOutput(
	resource: PushResource,
	sent: readonly PreparedRecord[],
	answers: readonly SentResult[],
	rejections: readonly RecordRejection[],
	options: AssembleOptions,
): Assembled {
	if (answers.length !== sent.length) throw new Error(`assembleOutput: ${answers.length} answers for ${sent.length} records`);
	const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
	const redact = (text: string) => redactSecrets(text, options.secrets);
	const rows: Array<{ itemIndex: number; order: number; json: PushResultJson }> = [];
	sent.forEach((record, index) => {
		const { result, replayed } = answers[index];
		const outcome: UpsertOutcome = (['created', 'updated', 'unchanged', 'rejected'] as const).includes(result.outcome) ? result.outcome : 'rejected';
		const json: PushResultJson = { resource, sourceId: record.sourceId, outcome };
		if (outcome === 'rejected') {
			const errors = Array.isArray(result.errors) && result.errors.length > 0 ? result.errors : [{ field: '', message: `Extend Commerce answered outcome ${JSON.stringify(result.outcome)}` }];
			json.errors = errors.map((e) => ({ field: String(e.field ?? ''), message: redact(String(e.message ?? '')) }));
		}
		if (replayed) json.replayed = true;
		rows.push({ itemIndex: record.itemIndex, order: index, json });
	});
	rejections.forEach((rejection, index) => {
		rows.push({
			itemIndex: rejection.itemIndex,
			order: sent.length + index,
			json: { resource, sourceId: rejection.sourceId, outcome: 'rejected', errors: rejection.errors.map((e) => ({ field: e.field, message: redact(e.message) })) },
		});
	});
	rows.sort((a, b) => a.itemIndex - b.itemIndex || a.order - b.order);

	const items = rows.map(({ itemIndex, json }): INodeExecutionData => {
		counts[json.outcome] += 1;
		if (json.outcome !== 'rejected' || options.rejectMode === 'none') return { json: json as unknown as IDataObject, pairedItem: { item: itemIndex } };
		const label = json.sourceId ? `${resource === 'product' ? 'Product' : 'Order'} ${json.sourceId}` : `Input item ${itemIndex}`;
		const error = `${label} was rejected: ${describeErrors(json.errors ?? [])}`;
		if (options.rejectMode === 'errorOutput') {
			return { json: { error, details: json as unknown as IDataObject }, pairedItem: { item: itemIndex } };
		}
		return { json: { ...(json as unknown as IDataObject), error }, pairedItem: { item: itemIndex } };
	});
	return { items, counts };
}
