import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { extendClientFor, EXTEND_RETRY_POLICY, type ExtendClient } from '../../shared/extend-commerce/client';
import { toNodeError } from '../../shared/nodeErrors';
import { nextCursorAfter, type SyncResource } from '../../shared/sync/syncWindow';
import { buildOutputs, failedRunOutputs } from './outputs';
import { countOutcomes, type RecordResult } from './outcomes';
import { runRecords } from './runRecords';
import { readSyncWindow } from './syncWindowInput';

export interface RequestSettings {
	concurrency?: number;
	retries?: number;
	timeoutSeconds?: number;
}

export interface PushPlan<T> {
	resource: 'order' | 'product';
	syncResource: SyncResource;
	/** Builds the tasks from the input (mapping failures become refusals inside the tasks). */
	tasks: (context: IExecuteFunctions) => T[] | Promise<T[]>;
	/** Sends one task; a thrown error is systemic and stops the run. */
	send: (task: T, client: ExtendClient) => Promise<RecordResult>;
	/** What the run has to tell beyond its counts (e.g. that it fell back to one lookup per record). */
	hints?: () => string[];
}

/** Values of the store connection credential that must never show, if the node has one. */
export async function connectionSecrets(context: IExecuteFunctions): Promise<string[]> {
	try {
		const data = await context.getCredentials('extendCommerceConnectionApi');
		return [data.accessToken, data.secret].filter((value): value is string => typeof value === 'string' && value.length > 0);
	} catch {
		return [];
	}
}

/**
 * The push run shared by every write operation: check the Sync Window first, send each record
 * (paced, at most Requests in Flight at a time), then hand on the next cursor only when every
 * record was delivered, skipped or refused, and the window was complete. Refused records go to
 * Rejected records and the run goes on; anything else fails the run (with n8n's default On Error
 * the execution fails; with "Continue" the output says it failed and no cursor is handed on).
 */
export async function pushRecords<T>(context: IExecuteFunctions, plan: PushPlan<T>): Promise<INodeExecutionData[][]> {
	const secrets = await connectionSecrets(context);
	let client: ExtendClient | undefined;
	try {
		const window = readSyncWindow(context, plan.syncResource);
		const settings = context.getNodeParameter('options', 0, {}) as RequestSettings;
		const tasks = await plan.tasks(context);
		client = await extendClientFor(context, 0, {
			timeoutMs: Math.max(1, settings.timeoutSeconds ?? 60) * 1000,
			retryPolicy: { ...EXTEND_RETRY_POLICY, attempts: Math.max(0, Math.floor(settings.retries ?? EXTEND_RETRY_POLICY.attempts - 1)) + 1 },
		});
		const connected = client;
		const results = await runRecords(tasks, Math.max(1, Math.floor(settings.concurrency ?? 4)), async (task) => await plan.send(task, connected));

		const counts = countOutcomes(results);
		const cursor = window ? nextCursorAfter(window, counts, new Date()) : undefined;
		const outputs = buildOutputs(plan.resource, results, cursor);
		const hints = [
			`${results.length} ${plan.syncResource}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.cancelled} cancelled, ${counts.skipped} skipped, ${counts.rejected} rejected.`,
		];
		hints.push(...(plan.hints?.() ?? []));
		if (window && !cursor) hints.push('The fetch read only part of its window (a Limit): no Next Cursor, so the next run reads the same window again.');
		if (cursor && context.getMode() === 'manual') hints.push(`Run from the editor: Next Cursor (${cursor.cursor}) is handed on as in a scheduled run; the workflow saves it if its next node does.`);
		context.addExecutionHints(...hints.map((message) => ({ message, location: 'outputPane' as const })));
		return [outputs.results, outputs.nextCursor, outputs.rejected];
	} catch (error) {
		return failedRun(context, plan.resource, error, [...secrets, ...(client?.settings.secrets ?? [])]);
	}
}

/**
 * A run that failed: the error in the user's words (secrets removed) fails the execution, or, when
 * the user chose "Continue", comes out as one item saying so (n8n's own "Continue" would pass the
 * input items on as if they were results).
 */
export function failedRun(context: IExecuteFunctions, resource: string, error: unknown, secrets: readonly string[]): INodeExecutionData[][] {
	const failure = toNodeError(context.getNode(), error, [...secrets]);
	if (context.continueOnFail()) return failedRunOutputs(resource, { message: failure.message, description: failure.description, httpCode: failure instanceof NodeApiError ? failure.httpCode : undefined });
	throw failure;
}

/** Input items worth a record: the empty item n8n sends for "Always Output Data" is not one. */
export function recordItems(context: IExecuteFunctions): Array<{ itemIndex: number; json: Record<string, unknown> }> {
	return context
		.getInputData()
		.map((item, itemIndex) => ({ itemIndex, json: item.json as Record<string, unknown> }))
		.filter((entry) => Object.keys(entry.json).length > 0);
}
