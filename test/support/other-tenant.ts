import type { BackOfficeChoicesInput } from '../../sandbox/extend-commerce';

/** A tenant that chose differently wherever Extend publishes nothing (sandbox option `choices`). */
export const OTHER_CHOICES: BackOfficeChoicesInput = {
	list: { paging: 'offset', page: 'skip', pageSize: 'take', changedSince: 'modifiedSince', orderNumberExternal: 'externalOrderNumber', warehouse: 'stockPlace', productNumbers: 'products', envelope: 'records' },
	order: { extendNumberField: 'orderNo', externalNumberField: 'externalOrderNo', duplicateStatus: 400, statusField: 'state' },
	availability: { productNumber: 'productNo', warehouse: 'stockPlace', available: 'available', changed: 'lastChanged' },
};

/** The API Adjustments that fit OTHER_CHOICES, as an integrator would enter them in the credential. */
export const OTHER_ADJUSTMENTS = {
	list: { paging: 'offset', page: 'skip', pageSize: 'take', changedSince: 'modifiedSince', orderNumberExternal: 'externalOrderNumber', warehouse: 'stockPlace', productNumbers: 'products', arrayFields: ['records'] },
	order: { extendNumberField: 'orderNo', externalNumberField: 'externalOrderNo' },
	orderDetail: { status: 'state' },
	availability: { productNumber: 'productNo', warehouse: 'stockPlace', available: 'available', changed: 'lastChanged' },
};
