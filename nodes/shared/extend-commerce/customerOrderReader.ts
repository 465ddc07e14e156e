import type { IDataObject } from 'n8n-workflow';

import { TransportError } from '../transport/errors';
import { EXTEND_PATHS } from './api';
import type { ExtendGet } from './extendGet';
import { withShipment } from './shipment';

/** Customer Order → Get: `GET customerorders/{orderNumber}` (documented), with its shipment details in fixed names. */
export async function readCustomerOrder(client: ExtendGet, orderNumber: string): Promise<IDataObject> {
	const body = await client.get(EXTEND_PATHS.customerOrder(orderNumber));
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw new TransportError('not-json', `Extend Commerce answered order ${orderNumber} with something other than an order`, 'Expected one order object; check that the API URL points at the Extend Commerce API.');
	}
	return withShipment(body as IDataObject, client.assumptions);
}
