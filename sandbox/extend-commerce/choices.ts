/**
 * What this back office chooses where Extend publishes nothing: list and paging parameter names,
 * the paging scheme, where a list answer keeps its records, the answer field names and the
 * duplicate answer. By default it makes the package's choices (the ASSUMED items of
 * nodes/shared/extend-commerce/api.ts: one choice, so shared); option `choices` starts it with
 * others, as a real tenant might make, to test the package's API Adjustments and its check.
 */
import { ASSUMED_AVAILABILITY, ASSUMED_LIST, ASSUMED_ORDER, ASSUMED_ORDER_DETAIL } from '../../nodes/shared/extend-commerce/api';

export interface BackOfficeChoices {
	list: {
		/** 'pageNumber': `page` counts pages from 1; 'offset': `page` is the number of records to skip (from 0). */
		paging: 'pageNumber' | 'offset';
		page: string;
		pageSize: string;
		maxPageSize: number;
		changedSince: string;
		orderNumberExternal: string;
		/** ASSUMED (the package's choice, not Extend's word): CustomerOrders filtered by comma-separated shop order numbers. */
		orderNumbersExternal: string;
		/**
		 * How this tenant treats that list parameter: 'honoured' filters by every number; 'ignored'
		 * lists as if it were not there; 'refused' answers 400; 'firstOnly' filters by the first number
		 * alone (a tenant that takes one value), so the package's check of the answer is tested.
		 */
		orderNumbersExternalSupport: 'honoured' | 'ignored' | 'refused' | 'firstOnly';
		warehouse: string;
		productNumbers: string;
		/** null: a list is a bare JSON array; else the field of a JSON object that holds it. */
		envelope: string | null;
	};
	order: {
		extendNumberField: string;
		externalNumberField: string;
		/** The status of `POST CustomerOrders` with a shop order number the back office already has. */
		duplicateStatus: number;
		/** The order's status field in summaries and details; null leaves it out (it still decides what may change). */
		statusField: string | null;
	};
	availability: { productNumber: string; warehouse: string; available: string; changed: string };
}

export type BackOfficeChoicesInput = { [Group in keyof BackOfficeChoices]?: Partial<BackOfficeChoices[Group]> };

export const DEFAULT_CHOICES: BackOfficeChoices = {
	list: {
		paging: 'pageNumber',
		page: ASSUMED_LIST.page,
		pageSize: ASSUMED_LIST.pageSize,
		maxPageSize: ASSUMED_LIST.maxPageSize,
		changedSince: ASSUMED_LIST.changedSince,
		orderNumberExternal: ASSUMED_LIST.orderNumberExternal,
		orderNumbersExternal: ASSUMED_LIST.orderNumbersExternal,
		orderNumbersExternalSupport: 'honoured',
		warehouse: ASSUMED_LIST.warehouse,
		productNumbers: ASSUMED_LIST.productNumbers,
		envelope: null,
	},
	order: {
		extendNumberField: ASSUMED_ORDER.extendNumberField,
		externalNumberField: ASSUMED_ORDER.externalNumberField,
		// The sandbox's own answer to a duplicate (Extend documents none; the package depends on none).
		duplicateStatus: 409,
		statusField: ASSUMED_ORDER_DETAIL.status,
	},
	availability: { ...ASSUMED_AVAILABILITY },
};

export function choicesFrom(input: BackOfficeChoicesInput = {}): BackOfficeChoices {
	for (const group of Object.keys(input)) {
		if (!(group in DEFAULT_CHOICES)) throw new Error(`Unknown choices group '${group}'; use ${Object.keys(DEFAULT_CHOICES).join(', ')}`);
	}
	return {
		list: { ...DEFAULT_CHOICES.list, ...input.list },
		order: { ...DEFAULT_CHOICES.order, ...input.order },
		availability: { ...DEFAULT_CHOICES.availability, ...input.availability },
	};
}

/** A list answer in the chosen shape. */
export function listAnswer(records: unknown[], choices: BackOfficeChoices): unknown {
	return choices.list.envelope === null ? records : { [choices.list.envelope]: records, count: records.length };
}

/** An order (summary or detail) with its number and status fields under the chosen names. */
export function orderAnswer<T extends { orderNumber: string; orderNumberExternal: string; status: string }>(order: T, choices: BackOfficeChoices): Record<string, unknown> {
	const { orderNumber, orderNumberExternal, status, ...rest } = order;
	const { extendNumberField, externalNumberField, statusField } = choices.order;
	return {
		[extendNumberField]: orderNumber,
		[externalNumberField]: orderNumberExternal,
		...(statusField === null ? {} : { [statusField]: status }),
		...rest,
	};
}
