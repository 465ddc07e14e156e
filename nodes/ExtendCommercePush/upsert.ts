import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runBatches } from '../shared/extend-commerce/batcher';
import { batchIdempotencyKey } from '../shared/extend-commerce/idempotency';
import { toNodeError } from '../shared/nodeErrors';
import { Checkpoint } from '../shared/sync/checkpoint';
import { TransportError } from '../shared/transport/errors';
import { openPushContext, readSecrets, type TransportSettings } from './context';
import {
	assembleOutput,
	canonicalResourceOf,
	matchBatchResults,
	prepareRecords,
	type InputFormat,
	type PreparedRecord,
	type PushResource,
	type RejectMode,
	type SentResult,
} from './results';

interface UpsertSettings {
	resource: PushResource;
	inputFormat: InputFormat;
	currency: string;
	batchSize: number;
	options: TransportSettings & { concurrency?: number };
}

function readSettings(context: IExecuteFunctions, resource: PushResource): UpsertSettings {
	const inputFormat = context.getNodeParameter('inputFormat', 0, 'wooCommerce') as InputFormat;
	const currency = resource === 'product' && inputFormat === 'wooCommerce' ? String(context.getNodeParameter('currency', 0, 'USD') ?? '').trim().toUpperCase() : '';
	if (resource === 'product' && inputFormat === 'wooCommerce' && !/^[A-Z]{3}$/.test(currency)) {
		throw new NodeOperationError(context.getNode(), `Currency "${currency}" is not a three-letter currency code`, {
			description: 'Enter the store\'s currency as an ISO 4217 code such as USD or EUR (WooCommerce → Settings → General → Currency).',
		});
	}
	return {
		resource,
		inputFormat,
		currency,
		batchSize: context.getNodeParameter('batchSize', 0, 100) as number,
		options: context.getNodeParameter('options', 0, {}) as UpsertSettings['options'],
	};
}

/** Where rejected records go: see RejectMode. */
function rejectModeOf(context: IExecuteFunctions): RejectMode {
	if (!context.continueOnFail()) return 'none';
	return context.getNode().onError === 'continueErrorOutput' ? 'errorOutput' : 'regular';
}

function describeBatch(resource: string, index: number, count: number, first: number, size: number): string {
	return `${resource} batch ${index + 1} of ${count}, records ${first + 1}–${first + size}`;
}

/** Adds which batch failed and that nothing was committed to a transport failure. */
function inBatch(error: unknown, where: string): unknown {
	if (!(error instanceof TransportError)) return error;
	return new TransportError(
		error.kind,
		`${error.message} — while pushing ${where}`,
		`${error.description} Nothing was committed: the next run sends these records again, and batches already stored are not applied twice.`,
		error.status,
		error.code,
	);
}

/**
 * Product/Order → Create or Update: map the input, register the connection, push in idempotent
 * batches, and — when every record was accepted or rejected — commit this execution's window.
 */
export async function upsert(this: IExecuteFunctions, resource: PushResource): Promise<INodeExecutionData[][]> {
	const secrets = await readSecrets(this);
	try {
		const settings = readSettings(this, resource);
		const canonical = canonicalResourceOf(resource);
		const items = this.getInputData();
		const { records, rejections } = prepareRecords(items, resource, settings.inputFormat, settings.currency);

		const { client, connection } = await openPushContext(this, settings.options, secrets);
		const checkpoint = new Checkpoint(client, connection, canonical);
		await checkpoint.ensureConnection();

		const concurrency = Math.min(8, Math.max(1, Math.floor(settings.options.concurrency ?? 2)));
		const batchAnswers = await runBatches<PreparedRecord, SentResult[]>(records, { batchSize: settings.batchSize, concurrency }, async (batch, info) => {
			const where = describeBatch(canonical, info.index, info.count, info.firstRecord, batch.length);
			try {
				const payload = batch.map((entry) => entry.record);
				const answer = await client.pushBatch(connection.key, canonical, payload, batchIdempotencyKey(connection.key, canonical, payload));
				return matchBatchResults(batch, answer.results, answer.replayed, where);
			} catch (error) {
				throw inBatch(error, where);
			}
		});

		const { items: output, counts } = assembleOutput(resource, records, batchAnswers.flat(), rejections, {
			rejectMode: rejectModeOf(this),
			secrets,
		});

		const hints: string[] = [
			`${output.length} ${canonical} from ${items.length} items: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected.`,
		];
		if (this.getMode() === 'manual') {
			hints.push('Manual run: the records were pushed, but the sync state was not committed. Only scheduled or triggered runs move the cursor.');
		} else {
			const commit = await commitWindow(checkpoint, this.getExecutionId(), canonical);
			if ('failure' in commit) throw toNodeError(this.getNode(), commit.failure, secrets);
			hints.push(commit.hint);
		}
		this.addExecutionHints(...hints.map((message) => ({ message, location: 'outputPane' as const })));
		return [output];
	} catch (error) {
		throw toNodeError(this.getNode(), error, secrets);
	}
}

/** Commits the execution's pending window; a refused commit (409) loses nothing, so it is a hint, not a failure. */
async function commitWindow(checkpoint: Checkpoint, executionId: string, resource: string): Promise<{ hint: string } | { failure: unknown }> {
	const attempt = await checkpoint.commit(executionId).then(
		(committed) => ({ ok: true as const, committed }),
		(error: unknown) => ({ ok: false as const, error }),
	);
	if (!attempt.ok) {
		const { error } = attempt;
		if (error instanceof TransportError && error.status === 409) {
			return { hint: `The sync state of ${resource} was not committed: ${error.message}. Every record was delivered; the next run fetches again from the committed cursor.` };
		}
		return { failure: error };
	}
	const { committed } = attempt;
	if (committed === undefined) {
		return { hint: `No sync window of ${resource} was registered by this execution (fetched with a date or a limit, or a sync-state reset dropped it), so nothing was committed.` };
	}
	return {
		hint: committed.advanced
			? `Sync state of ${resource} committed: the next run starts at ${String(committed.committedCursor)}.`
			: `Sync state of ${resource} already at ${String(committed.committedCursor)} (a later run committed first); the cursor stays there.`,
	};
}
