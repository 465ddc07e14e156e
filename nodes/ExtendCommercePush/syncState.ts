import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SyncState } from '../shared/extend-commerce/client';
import type { CanonicalResource } from '../shared/mapping/canonical';
import { toNodeError } from '../shared/nodeErrors';
import { TransportError } from '../shared/transport/errors';
import { parseUtc, toIsoUtc } from '../shared/woocommerce/window';
import { openPushContext, readSecrets } from './context';

type SyncResource = 'both' | CanonicalResource;

function resourcesOf(choice: SyncResource): CanonicalResource[] {
	return choice === 'both' ? ['products', 'orders'] : [choice];
}

function toJson(connectionKey: string, state: SyncState, registered = true): IDataObject {
	return {
		connection: connectionKey,
		resource: state.resource,
		committedCursor: state.committedCursor,
		pending: (state.pending ?? []) as unknown as IDataObject[],
		updatedAt: state.updatedAt ?? null,
		registered,
	};
}

/** Sync State → Get / Reset. One output item per resource. Get writes nothing (not even the connection). */
export async function syncState(this: IExecuteFunctions, operation: 'get' | 'reset'): Promise<INodeExecutionData[][]> {
	const secrets = await readSecrets(this);
	try {
		const choice = this.getNodeParameter('syncResource', 0, 'both') as SyncResource;
		const { client, connection } = await openPushContext(this, {}, secrets);
		const output: INodeExecutionData[] = [];
		if (operation === 'get') {
			for (const resource of resourcesOf(choice)) {
				const read = await client.http.tryJson<SyncState>({ method: 'GET', url: client.syncStateUrl(connection.key, resource) });
				if (read.ok) {
					output.push({ json: toJson(connection.key, read.response.body), pairedItem: { item: 0 } });
				} else if (read.error.status === 404 && read.error.code === 'connection_not_found') {
					// Not registered yet: nothing was ever synced. Get writes nothing, so it does not register it.
					output.push({ json: toJson(connection.key, { resource, committedCursor: null, pending: [] }, false), pairedItem: { item: 0 } });
				} else {
					throw toNodeError(this.getNode(), read.error, secrets);
				}
			}
			return [output];
		}

		let cursor: string | null = null;
		if ((this.getNodeParameter('resetTo', 0, 'date') as string) === 'date') {
			const text = String(this.getNodeParameter('resetDate', 0, '') ?? '');
			const parsed = parseUtc(text);
			if (parsed === undefined) {
				throw new TransportError('invalid-input', `Date "${text}" is not a date`, 'Enter a date such as 2025-06-01T00:00:00 (UTC) in Date, or choose Clear.');
			}
			cursor = toIsoUtc(parsed);
		}
		await client.putConnection(connection.key, connection.record);
		for (const resource of resourcesOf(choice)) {
			output.push({ json: toJson(connection.key, await client.resetSyncState(connection.key, resource, cursor)), pairedItem: { item: 0 } });
		}
		this.addExecutionHints({
			message: cursor === null ? 'Sync state cleared: the next run fetches products from the beginning and orders from Order Start.' : `Sync state reset: the next run fetches everything changed since ${cursor}.`,
			location: 'outputPane',
		});
		return [output];
	} catch (error) {
		throw toNodeError(this.getNode(), error, secrets);
	}
}
