import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ExtendClient } from '../../shared/extend-commerce/client';
import { isRecordRefusal } from '../../shared/extend-commerce/errors';
import { OrderLookups } from '../../shared/extend-commerce/orderLookups';
import { createOrder } from '../../shared/extend-commerce/orders';
import {
	DEFAULT_STATUSES_SENT,
	externalOrderNumber,
	mapOrderToExtend,
	orderActionFor,
	orderLabel,
	type CustomerNumberRule,
	type OrderMappingSettings,
} from '../../shared/mapping/extendOrder';
import { MappingError } from '../../shared/mapping/fields';
import { settle } from '../../shared/transport/settle';
import { asSentence, type RecordResult, type Refused } from '../push/outcomes';
import { pushRecords, recordItems } from '../push/pushRecords';
import { cancelSentOrder, sentOrderResult, updateSentOrder } from './updateSentOrder';
import { orderWarehouse } from './warehouse';

interface OrderTask {
	itemIndex: number;
	json: Record<string, unknown>;
	settings: OrderMappingSettings;
	statusesSent: string[];
}

function customerRule(context: IExecuteFunctions, itemIndex: number): CustomerNumberRule {
	const mode = context.getNodeParameter('customerNumberMode', itemIndex, 'fixed') as CustomerNumberRule['mode'];
	if (mode === 'wooCustomerId') {
		return {
			mode,
			prefix: String(context.getNodeParameter('customerNumberPrefix', itemIndex, '') ?? ''),
			guestCustomerNumber: String(context.getNodeParameter('guestCustomerNumber', itemIndex, '') ?? ''),
		};
	}
	if (mode === 'billingEmail') return { mode };
	if (mode === 'expression') return { mode, customerNumber: String(context.getNodeParameter('customerNumberExpression', itemIndex, '') ?? '') };
	return { mode: 'fixed', customerNumber: String(context.getNodeParameter('customerNumber', itemIndex, '') ?? '') };
}

function deliveryMethods(context: IExecuteFunctions): Record<string, string> {
	const table = context.getNodeParameter('deliveryMethods', 0, {}) as { mapping?: Array<{ wooMethod?: string; extendCode?: string }> };
	const methods: Record<string, string> = {};
	for (const row of table.mapping ?? []) if (row.wooMethod?.trim()) methods[row.wooMethod.trim()] = String(row.extendCode ?? '').trim();
	return methods;
}

async function orderTasks(context: IExecuteFunctions): Promise<OrderTask[]> {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const base = {
		orderType: String(context.getNodeParameter('orderType', 0, 'Normal')).trim() || 'Normal',
		orderNumberPrefix: String(options.orderNumberPrefix ?? ''),
		unit: String(context.getNodeParameter('unit', 0, 'ST')).trim() || 'ST',
		warehouse: await orderWarehouse(context, options.warehouse as string | undefined),
		supplyMode: String(options.supplyMode ?? 'Warehouse').trim() || 'Warehouse',
		deliveryMethods: deliveryMethods(context),
		defaultDeliveryMethod: String(context.getNodeParameter('defaultDeliveryMethod', 0, '') ?? ''),
		pricesIncludeVat: context.getNodeParameter('pricesIncludeVat', 0, false) === true,
		sendPromotionCode: options.sendPromotionCode === true,
		partialDelivery: options.partialDelivery === true,
		askedDeliveryDate: options.askedDeliveryDate === 'none' ? ('none' as const) : ('orderDate' as const),
		shippingProductNumber: String(options.shippingProductNumber ?? ''),
	};
	const statusesSent = context.getNodeParameter('statusesToSend', 0, [...DEFAULT_STATUSES_SENT]) as string[];
	return recordItems(context).map(({ itemIndex, json }) => ({ itemIndex, json, statusesSent, settings: { ...base, customer: customerRule(context, itemIndex) } }));
}

/** The shop order numbers the run will look up, in order (orders it skips, or cannot number, cost no lookup). */
function numbersToLookUp(tasks: readonly OrderTask[]): string[] {
	return tasks.flatMap((task) => {
		if (orderActionFor(task.json.status, task.statusesSent) === 'skip') return [];
		try {
			return [externalOrderNumber(task.json, task.settings.orderNumberPrefix)];
		} catch {
			return [];
		}
	});
}

function refused(task: OrderTask, keys: IDataObject, reason: string, fix: string, extend?: { status?: number; message?: string }): Refused {
	return { itemIndex: task.itemIndex, outcome: 'rejected', record: orderLabel(task.json), reason, fix, keys, extendStatus: extend?.status, extendMessage: extend?.message };
}

function fromMappingError(task: OrderTask, keys: IDataObject, error: MappingError): Refused {
	return refused(task, keys, asSentence(error.message), error.fix ?? 'Fix the field in WooCommerce: the change sends the order again with the next run.');
}

/** One order: skipped, created once, brought up to date while Extend allows it, or its rows cancelled. */
async function sendOrder(task: OrderTask, client: ExtendClient, lookups: OrderLookups): Promise<RecordResult> {
	const wooCommerceId = String(task.json.id ?? '');
	const keys: IDataObject = { wooCommerceId, wooCommerceStatus: String(task.json.status ?? '') };
	const sent = await settle(async () => await deliverOrder(task, client, lookups, keys));
	if (sent.ok) return sent.value;
	const error = sent.error;
	if (error instanceof MappingError) return fromMappingError(task, keys, error);
	if (isRecordRefusal(error)) return refused(task, keys, error.message, error.description, { status: error.status, message: error.detail });
	throw error;
}

async function deliverOrder(task: OrderTask, client: ExtendClient, lookups: OrderLookups, keys: IDataObject): Promise<RecordResult> {
	const action = orderActionFor(task.json.status, task.statusesSent);
	const orderNumberExternal = externalOrderNumber(task.json, task.settings.orderNumberPrefix);
	keys.orderNumberExternal = orderNumberExternal;
	if (action === 'skip') return { itemIndex: task.itemIndex, outcome: 'skipped', keys };
	// Mapped before any request, so an order that cannot be sent costs none.
	const document = action === 'send' ? mapOrderToExtend(task.json, task.settings) : undefined;
	const existing = await lookups.find(client, orderNumberExternal);
	if (existing?.orderNumber) keys.extendOrderNumber = existing.orderNumber;
	if (action === 'cancel') {
		if (!existing) return { itemIndex: task.itemIndex, outcome: 'skipped', keys };
		const lines = Array.isArray(task.json.line_items) ? (task.json.line_items as Array<Record<string, unknown>>) : [];
		const rows = lines.map((line) => ({ productNumber: String(line.sku ?? ''), externalPosition: Number(line.id) }));
		const cancelled = await cancelSentOrder(client, existing.orderNumber || orderNumberExternal, task.settings.warehouse, rows);
		return sentOrderResult(task.itemIndex, orderLabel(task.json), keys, cancelled);
	}
	if (existing) {
		const change = await updateSentOrder(client, existing.orderNumber || orderNumberExternal, document as NonNullable<typeof document>, task.settings.warehouse);
		return sentOrderResult(task.itemIndex, orderLabel(task.json), keys, change);
	}
	const created = await createOrder(client, document as NonNullable<typeof document>);
	if (created.orderNumber) keys.extendOrderNumber = created.orderNumber;
	lookups.confirmed(orderNumberExternal, { orderNumber: created.orderNumber, record: {} });
	return { itemIndex: task.itemIndex, outcome: created.outcome === 'created' ? 'created' : 'unchanged', keys };
}

/** Order → Create. */
export async function createOrders(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// What Extend holds of this run's orders, known once the tasks are built.
	let lookups = new OrderLookups([]);
	return await pushRecords(this, {
		resource: 'order',
		syncResource: 'orders',
		tasks: async (context) => {
			const tasks = await orderTasks(context);
			lookups = new OrderLookups(numbersToLookUp(tasks));
			return tasks;
		},
		send: async (task, client) => await sendOrder(task, client, lookups),
		hints: () => [lookups.fallbackHint()].filter((hint): hint is string => hint !== undefined),
	});
}
