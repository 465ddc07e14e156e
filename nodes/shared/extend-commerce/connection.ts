import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { TransportError } from '../transport/errors';
import { normaliseStoreUrl } from '../woocommerce/storeUrl';
import { parseUtc, toIsoUtc } from '../woocommerce/window';
import { connectionKey } from './connectionKey';

/** The Extend Commerce Connection credential's settings (never its keys). */
export interface ConnectionRecord {
	name: string;
	externalSystem: string;
	storeUrl: string;
	orderStart: string;
	warehouse: string | null;
	companyGroup: string | null;
}

export interface ConnectionIdentity {
	key: string;
	record: ConnectionRecord;
	/** Order Start as epoch seconds. */
	orderStart: number;
}

function optional(value: unknown): string | null {
	const text = String(value ?? '').trim();
	return text === '' ? null : text;
}

/**
 * The connection as Extend Commerce knows it, from the Extend Commerce Connection credential:
 * its identity and settings, never its keys.
 */
export function connectionFrom(credentials: ICredentialDataDecryptedObject): ConnectionIdentity {
	const name = String(credentials.connectionName ?? '').trim();
	if (!name) {
		throw new TransportError('invalid-input', 'The connection has no Name', 'Fill in Name in the WooCommerce Store Connection credential, e.g. "WooCommerce Jönköping".');
	}
	const storeUrl = normaliseStoreUrl(String(credentials.apiUrl ?? ''));
	if (!storeUrl) {
		throw new TransportError('invalid-input', 'The API URL of the connection is not a web address', 'Enter the store\'s address in the credential\'s API URL field, e.g. https://shop.example.com.');
	}
	const orderStart = parseUtc(String(credentials.orderStart ?? ''));
	if (orderStart === undefined) {
		throw new TransportError('invalid-input', `Order Start "${String(credentials.orderStart ?? '')}" is not a date`, 'Set Order Start in the WooCommerce Store Connection credential to the date from which orders are synced, e.g. 2025-01-01T00:00:00.');
	}
	return {
		key: connectionKey(name),
		orderStart,
		record: {
			name,
			externalSystem: String(credentials.externalSystem ?? 'woocommerce'),
			storeUrl,
			orderStart: toIsoUtc(orderStart),
			warehouse: optional(credentials.warehouse),
			companyGroup: optional(credentials.companyGroup),
		},
	};
}
