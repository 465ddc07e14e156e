import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_ASSUMPTIONS, type ExtendAssumptions } from './assumptions';

type Assumed = Pick<ExtendAssumptions, 'order' | 'orderDetail'>;

export interface Shipment {
	deliveryDate: string | null;
	carrier: string | null;
	trackingNumber: string | null;
	trackingUrl: string | null;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null);

/** The deliveries of an order detail (ASSUMED_ORDER_DETAIL unless adjusted), oldest first as Extend lists them. */
export function shipmentsOf(order: IDataObject, assumed: Assumed = DEFAULT_ASSUMPTIONS): Shipment[] {
	const fields = assumed.orderDetail;
	const deliveries = order[fields.deliveries];
	if (!Array.isArray(deliveries)) return [];
	return deliveries
		.filter((delivery): delivery is IDataObject => delivery !== null && typeof delivery === 'object' && !Array.isArray(delivery))
		.map((delivery) => ({
			deliveryDate: textOrNull(delivery[fields.deliveryDate]),
			carrier: textOrNull(delivery[fields.carrier]),
			trackingNumber: textOrNull(delivery[fields.trackingNumber]),
			trackingUrl: textOrNull(delivery[fields.trackingUrl]),
		}));
}

/** A note for the shop's order: one line per delivery with what is known of it; empty without deliveries. */
export function shipmentNote(shipments: readonly Shipment[]): string {
	return shipments
		.map((shipment) => {
			const shipped = shipment.deliveryDate ? `Shipped ${shipment.deliveryDate.slice(0, 10)}` : 'Shipped';
			const parts = [shipment.carrier ? `${shipped} with ${shipment.carrier}` : shipped];
			if (shipment.trackingNumber) parts.push(`tracking number ${shipment.trackingNumber}`);
			if (shipment.trackingUrl) parts.push(shipment.trackingUrl);
			return parts.join(', ');
		})
		.join('\n');
}

/**
 * The order detail as Extend sent it, plus what the way back needs in fixed names: status,
 * external number, shipments and a ready-made shipment note.
 */
export function withShipment(order: IDataObject, assumed: Assumed = DEFAULT_ASSUMPTIONS): IDataObject {
	const shipments = shipmentsOf(order, assumed);
	const { extendNumberField, externalNumberField } = assumed.order;
	return {
		...order,
		orderNumber: textOrNull(order[extendNumberField]) ?? '',
		orderNumberExternal: textOrNull(order[externalNumberField]) ?? textOrNull((order.orderHeader as IDataObject | undefined)?.[externalNumberField]) ?? '',
		orderStatus: textOrNull(order[assumed.orderDetail.status]) ?? '',
		shipments: shipments as unknown as IDataObject[],
		shipmentNote: shipmentNote(shipments),
	};
}
