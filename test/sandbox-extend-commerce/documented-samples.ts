/**
 * CustomerOrders bodies rebuilt from the values Extend's API sample pages show
 * (docs/extend-commerce-api.md names the pages): field names as written, sample values. The
 * pages show values field by field, so the bodies are assembled from them. The master data they
 * refer to is in SAMPLE_MASTER.
 */
export const SAMPLE_MASTER = {
	customers: ['Customer-123', '786', 'WEBSHOP'],
	products: ['Product-123', 'ChristmasGift-1'],
	warehouses: ['MainWarehouse', 'HJH'],
	units: ['Stk', 'ST', 'FRP'],
	deliveryMethods: ['Hamtas'],
};

export const DOCUMENTED_SAMPLES: Record<string, Record<string, unknown>> = {
	'Minimum order using existing customer and prices from Extend': {
		orderHeader: { orderType: 'Normal', orderNumberExternal: 'YourOwnOrderNumber-timestamp', customerNumber: 'Customer-123' },
		orderRows: [{ product: { productNumber: 'Product-123' }, salesData: { quantity: 2, unit: 'Stk' }, warehouse: 'MainWarehouse' }],
	},
	'Create external order via API (Only required data)': {
		orderHeader: {
			orderType: 'Normal',
			orderNumberExternal: 'externa22l8822',
			customerNumber: '786',
			askedDeliveryDate: '2019-12-25T00:00:00+02:00',
			partialDelivery: false,
			freightFree: true,
			deliveryMethod: 'Hamtas',
		},
		orderRows: [
			{
				product: { productNumber: 'Product-123' },
				salesData: { quantity: 2, unit: 'ST', unitPrice: 1, vatPercent: 25, currency: 'DKK' },
				supplyMode: 'Warehouse',
				warehouse: 'HJH',
				externalRow: { externalPosition: 50 },
			},
		],
	},
	'Order with promotion': {
		orderHeader: { orderType: 'Normal', orderNumberExternal: 'promo-1', customerNumber: 'Customer-123', Promotion: { usePromotions: true, promotionCode: 'PANT' } },
		orderRows: [{ product: { productNumber: 'Product-123' }, salesData: { quantity: 2, unit: 'Stk' }, warehouse: 'MainWarehouse' }],
	},
	'CustomerOrderATP body (bill of materials)': {
		orderHeader: { orderType: 'Normal', orderNumberExternal: 'atp-1', customerNumber: 'Customer-123' },
		orderRows: [{ product: { productNumber: 'ChristmasGift-1' }, salesData: { quantity: 1, unit: 'FRP' }, warehouse: 'MainWarehouse' }],
	},
	'Create Customer order and annul rows via order creation': {
		orderHeader: { orderType: 'Normal', orderNumberExternal: 'annul-1', customerNumber: 'Customer-123' },
		orderRows: [
			{ product: { productNumber: 'Product-123' }, salesData: { quantity: 2, unit: 'Stk' }, warehouse: 'MainWarehouse', externalRow: { externalPosition: 1 } },
			{ product: { productNumber: 'ChristmasGift-1' }, salesData: { quantity: 1, unit: 'FRP' }, warehouse: 'MainWarehouse', externalRow: { externalPosition: 2 }, rowOperation: 'Inactive' },
		],
	},
};
