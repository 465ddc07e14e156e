import type { IDataObject } from 'n8n-workflow';

import { ASSUMED_ORDER, ASSUMED_ORDER_DETAIL } from './api';

export interface Shipment {
	deliveryDate: string | null;
	carrier: string | null;
	trackingNumber: string | null;
	trackingUrl: string | null;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null);

/** The deliveries of an order detail (ASSUMED_ORDER_DETAIL), oldest first as Extend lists them. */
export function shipmentsOf(order: IDataObject): Shipment[] {
	const deliveries = order[ASSUMED_ORDER_DETAIL.deliveries];
	if (!Array.isArray(deliveries)) return [];
	const fields = ASSUMED_ORDER_DETAIL.delivery;
	return deliveries
		.filter((delivery): delivery is IDataObject => delivery !== null && typeof delivery === 'object' && !Array.isArray(delivery))
		.map((delivery) => ({
			deliveryDate: textOrNull(delivery[fields.date]),
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
export function withShipment(order: IDataObject): IDataObject {
	const shipments = shipmentsOf(order);
	return {
		...order,
		orderNumber: textOrNull(order[ASSUMED_ORDER.extendNumberField]) ?? '',
		orderNumberExternal: textOrNull(order[ASSUMED_ORDER.externalNumberField]) ?? textOrNull((order.orderHeader as IDataObject | undefined)?.[ASSUMED_ORDER.externalNumberField]) ?? '',
		orderStatus: textOrNull(order[ASSUMED_ORDER_DETAIL.status]) ?? '',
		shipments: shipments as unknown as IDataObject[],
		shipmentNote: shipmentNote(shipments),
	};
}
