import type { INodeProperties } from 'n8n-workflow';

import { WEBHOOK_EVENTS } from '../shared/extend-commerce/api';

/** Extend's own words for when each event fires (older knowledge base), shortened. */
const EVENT_DESCRIPTIONS: Record<string, string> = {
	OrderPicked: 'At least one row of an order was picked (or delivered by the supplier); can fire several times per order',
	OrderReserved: 'Order rows were sent to the warehouse for picking; the order can no longer be changed',
	OrderCancelled: 'The complete order was cancelled (fires once)',
	BalanceChanged: 'The physical balance of a product changed',
	AvailableBalanceChanged: 'The available balance of a product changed',
	OrderDeliveryDataChanged: 'The delivery data of an order changed',
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Paste this node\'s Production URL (above) into Extend Commerce Backend: gear wheel → Webhooks → Create Webhook → Callback URL, choose the same events there, and set Aktivt (Swedish for "active") to True so Extend sends them. Use the same Secret here (credential) as in that form, so calls from anyone else are refused.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		// Not "Events": n8n's nodes panel makes one action per option of a field called Event(s) and then
		// drops "Trigger" from the node's name, listing it as a second "Extend Commerce".
		displayName: 'Start on Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['AvailableBalanceChanged'],
		description: 'The notifications that start the workflow; others are answered 200 and ignored',
		options: WEBHOOK_EVENTS.map((event) => ({ name: event, value: event, description: EVENT_DESCRIPTIONS[event] })),
	},
];
