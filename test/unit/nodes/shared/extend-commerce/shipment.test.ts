import { shipmentNote, shipmentsOf, withShipment } from '../../../../../nodes/shared/extend-commerce/shipment';

describe('shipment details of an Extend order', () => {
	const order = {
		orderNumber: '5001',
		orderNumberExternal: 'WEB-1042',
		status: 'Picked',
		deliveries: [
			{ deliveryDate: '2026-11-28T09:30:00Z', carrier: 'PostNord', trackingNumber: '00370733741234567890', trackingUrl: 'https://tracking.example/00370733741234567890' },
			{ deliveryDate: '2026-11-29T10:00:00Z', carrier: null, trackingNumber: null, trackingUrl: null },
		],
	};

	it('reads the deliveries and writes one note line per delivery', () => {
		expect(shipmentsOf(order)).toHaveLength(2);
		expect(shipmentNote(shipmentsOf(order))).toBe('Shipped 2026-11-28 with PostNord, tracking number 00370733741234567890, https://tracking.example/00370733741234567890\nShipped 2026-11-29');
	});

	it('adds fixed names for status, numbers and the note, keeping what Extend sent', () => {
		expect(withShipment(order)).toMatchObject({ orderNumber: '5001', orderNumberExternal: 'WEB-1042', orderStatus: 'Picked', status: 'Picked', deliveries: order.deliveries, shipmentNote: expect.stringContaining('PostNord') });
	});

	it('takes the external number from the order header when the detail has it only there, and copes without deliveries', () => {
		expect(withShipment({ orderNumber: 7, orderHeader: { orderNumberExternal: '1001' }, status: 'Cancelled' })).toMatchObject({ orderNumber: '7', orderNumberExternal: '1001', shipments: [], shipmentNote: '' });
		expect(shipmentNote([{ deliveryDate: null, carrier: 'DHL', trackingNumber: null, trackingUrl: null }])).toBe('Shipped with DHL');
	});
});
