/** What all four nodes show in the editor, checked together: credential slots, defaults, words. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeCredentialDescription, INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { ExtendCommerceApi } from '../../../credentials/ExtendCommerceApi.credentials';
import { ExtendCommerceConnectionApi } from '../../../credentials/ExtendCommerceConnectionApi.credentials';
import { ExtendCommerceOAuth2Api } from '../../../credentials/ExtendCommerceOAuth2Api.credentials';
import { ExtendCommerceWebhookApi } from '../../../credentials/ExtendCommerceWebhookApi.credentials';
import { ExtendCommercePush } from '../../../nodes/ExtendCommercePush/ExtendCommercePush.node';
import { ExtendCommerceTrigger } from '../../../nodes/ExtendCommerceTrigger/ExtendCommerceTrigger.node';
import { WooCommerceFetch } from '../../../nodes/WooCommerceFetch/WooCommerceFetch.node';
import { WooCommerceUpdate } from '../../../nodes/WooCommerceUpdate/WooCommerceUpdate.node';

const NODES: Array<[string, INodeTypeDescription]> = [
	['Extend Commerce', new ExtendCommercePush().description],
	['Extend Commerce Trigger', new ExtendCommerceTrigger().description],
	['WooCommerce Fetch', new WooCommerceFetch().description],
	['WooCommerce Update', new WooCommerceUpdate().description],
];

type DisplayParameter = typeof NodeHelpers.displayParameter;

/** n8n-workflow's displayParameter of both n8n lines: the 2.41 dependency and the 1.123 test project. */
const LINES: Array<[string, DisplayParameter]> = [
	['2.41', NodeHelpers.displayParameter],
	[
		'1.123',
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		(require(path.join(__dirname, '..', '..', 'n8n-1.123', 'node_modules', 'n8n-workflow')) as { NodeHelpers: typeof NodeHelpers }).NodeHelpers.displayParameter,
	],
];

/** The parameter values a new node has: every top-level default. */
function defaultsOf(description: INodeTypeDescription): INodeParameters {
	return Object.fromEntries(description.properties.map((p) => [p.name, p.default])) as INodeParameters;
}

function slotShown(display: DisplayParameter, description: INodeTypeDescription, slot: INodeCredentialDescription, version: number): boolean {
	const authentication = slot.displayOptions?.show?.authentication?.[0];
	const parameters = { ...defaultsOf(description), ...(authentication ? { authentication } : {}) };
	const versioned = { ...description, version: [1, 1.1, 2] };
	return display(parameters, slot as unknown as INodeProperties, { typeVersion: version } as INode, versioned);
}

describe.each(LINES)('credential slots in n8n %s', (_line, display) => {
	it.each(NODES)('%s: every slot is still shown in a later version of the node (1.1, 2)', (_name, description) => {
		expect(description.credentials?.length).toBeGreaterThan(0);
		for (const slot of description.credentials ?? []) {
			for (const version of [1, 1.1, 2]) expect([slot.name, version, slotShown(display, description, slot, version)]).toEqual([slot.name, version, true]);
		}
	});

	it('the push node\'s store slot is no Authentication choice (it never names the Authentication field)', () => {
		const slot = new ExtendCommercePush().description.credentials!.find((c) => c.name === 'extendCommerceConnectionApi')!;
		expect(Object.keys(slot.displayOptions?.show ?? {})).toEqual(['@version']);
	});
});

describe('no default writes, cancels or zeroes anything', () => {
	const property = (description: INodeTypeDescription, name: string, resource: string) =>
		description.properties.find((p) => p.name === name && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource));

	it('Set Stock\'s Quantity reads the incoming availableBalance: an unmapped item fails instead of setting 0', () => {
		const quantity = property(new WooCommerceUpdate().description, 'quantity', 'productStock');
		expect(quantity).toMatchObject({ required: true, default: '={{ $json.availableBalance }}' });
	});

	it('Currency of the product push has no guessed default and is required', () => {
		expect(property(new ExtendCommercePush().description, 'currency', 'product')).toMatchObject({ required: true, default: '' });
	});

	it('the fields naming what to write to are required: SKU, order numbers, the webshop customer', () => {
		const update = new WooCommerceUpdate().description;
		const push = new ExtendCommercePush().description;
		expect(property(update, 'sku', 'productStock')?.required).toBe(true);
		expect(property(update, 'orderNumber', 'order')?.required).toBe(true);
		expect(property(push, 'orderNumber', 'order')?.required).toBe(true);
		expect(property(push, 'customerNumber', 'order')).toMatchObject({ required: true, default: '' });
	});

	it('an order push says before the run that it needs a warehouse', () => {
		const notice = property(new ExtendCommercePush().description, 'warehouseNotice', 'order');
		expect(notice).toMatchObject({ type: 'notice', displayOptions: { show: { resource: ['order'], operation: ['create'] } } });
		expect(notice?.displayName).toMatch(/Orders need an Extend warehouse: add Options → Warehouse/);
	});
});

/**
 * n8n's nodes panel (NodeItem in 1.123 and 2.41): a node with more than one action is listed with
 * "Trigger" taken out of its name; a trigger gets one action per option of a field called "Event",
 * "Events" or "Trigger on" (one placeholder action when it has none).
 */
function panelLabel(description: INodeTypeDescription): string {
	const eventField = description.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()));
	const triggerActions = description.group.includes('trigger') ? Math.max(1, eventField?.options?.length ?? 0) : 0;
	const operationActions = description.properties.filter((p) => p.name === 'operation').flatMap((p) => p.options ?? []).length;
	const actions = triggerActions + operationActions;
	const name = description.displayName.trimEnd();
	return (actions > 1 ? name.replace('Trigger', '') : name).trimEnd();
}

describe('the nodes panel tells the nodes apart', () => {
	it('lists the trigger as "Extend Commerce Trigger", beside "Extend Commerce"', () => {
		expect(NODES.map(([, description]) => panelLabel(description))).toEqual([
			'Extend Commerce',
			'Extend Commerce Trigger',
			'WooCommerce Fetch (Extend Commerce)',
			'WooCommerce Update (Extend Commerce)',
		]);
	});

	it('keeps every type name, so saved workflows still open', () => {
		expect(NODES.map(([, description]) => description.name)).toEqual(['extendCommercePush', 'extendCommerceTrigger', 'wooCommerceFetch', 'wooCommerceUpdate']);
	});

	it('describes each node differently, the trigger and the actions naming each other', () => {
		const [push, trigger] = NODES.map(([, description]) => description.description);
		expect(new Set(NODES.map(([, description]) => description.description)).size).toBe(NODES.length);
		expect(push).toMatch(/Its trigger is Extend Commerce Trigger/);
		expect(trigger).toMatch(/^Starts a workflow when Extend Commerce calls it/);
	});

	it('labels every credential slot (no generic "Credential to connect with")', () => {
		const slots = NODES.flatMap(([, description]) => description.credentials ?? []);
		// Every node has at least one slot: the push two (back office and store), the others one.
		expect(slots.length).toBeGreaterThan(NODES.length);
		for (const slot of slots) expect([slot.name, slot.displayName]).toEqual([slot.name, expect.any(String)]);
	});
});

describe('words a shop owner reads in the panel', () => {
	const everything = JSON.stringify(NODES.map(([, description]) => description));

	it.each([/its documented CustomerOrders method/, /an assumed product resource/])('no node says %s', (words) => {
		expect(everything).not.toMatch(words);
	});

	it('explains Aktivt in English where the trigger asks to set it', () => {
		expect(everything).toMatch(/Aktivt \(Swedish for \\"active\\"\) to True/);
	});
});

describe('documentation links', () => {
	/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
	const anchors = new Set(
		readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8')
			.split('\n')
			.filter((line) => /^#{1,6} /.test(line))
			.map((line) => line.replace(/^#+ /, '').trim().toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-')),
	);
	const links = [
		...readdirSync(path.join(__dirname, '..', '..', '..', 'nodes'))
			.map((dir) => path.join(__dirname, '..', '..', '..', 'nodes', dir, `${dir}.node.json`))
			.filter((file) => existsSync(file))
			.flatMap((file) => JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))).match(/https:[^"]*#[^"]*/g) ?? []),
		...[ExtendCommerceApi, ExtendCommerceConnectionApi, ExtendCommerceOAuth2Api, ExtendCommerceWebhookApi].map((Credential) => String(new Credential().documentationUrl)),
	];

	it.each(links)('%s points to a heading of the README', (link) => {
		expect(anchors).toContain(link.split('#')[1]);
	});
});
