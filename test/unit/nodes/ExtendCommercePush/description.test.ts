import { NodeHelpers } from 'n8n-workflow';
import type { INode, INodeProperties } from 'n8n-workflow';

import { ExtendCommerceApi } from '../../../../credentials/ExtendCommerceApi.credentials';
import { ExtendCommerceOAuth2Api } from '../../../../credentials/ExtendCommerceOAuth2Api.credentials';
import { ExtendCommercePush } from '../../../../nodes/ExtendCommercePush/ExtendCommercePush.node';

const node = new ExtendCommercePush();
const description = node.description;

function subtitleFor(parameters: Record<string, unknown>): string {
	const body = String(description.subtitle).replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$parameter', `return (${body});`)(parameters) as string;
}

function operationFor(resource: string): INodeProperties {
	const found = description.properties.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource));
	expect(found).toHaveLength(1);
	return found[0];
}

describe('the Extend Commerce node in the editor', () => {
	it('keeps its type name, so saved workflows still open', () => {
		expect(description.name).toBe('extendCommercePush');
	});

	it.each([
		['order', 'create', 'Create orders', 'Send orders to Extend'],
		['product', 'upsert', 'Create or update products', 'Send products to Extend'],
		['order', 'get', 'Get an order', 'Read an order from Extend'],
		['productAvailability', 'getChanged', 'Get changed available balances', 'Read balances from Extend'],
	])('lists one action per operation and shows a subtitle in words that is not the action again (%s %s)', (resource, operation, action, subtitle) => {
		const property = operationFor(resource);
		expect(property.options?.map((o) => ('action' in o ? o.action : undefined))).toContain(action);
		expect(property.options?.every((o) => 'action' in o && typeof o.action === 'string')).toBe(true);
		// A node added from the panel is named after its action: the subtitle adds where the data goes.
		expect(subtitleFor({ resource, operation })).toBe(subtitle);
	});

	it('has the outputs Results, Next Cursor and Rejected records (its own output, so no On Error setting is needed to route refusals)', () => {
		expect(description.outputNames).toEqual(['Results', 'Next Cursor', 'Rejected records']);
		expect(description.outputs).toHaveLength(3);
	});

	it('names which system each credential slot is for, one back-office credential per Authentication choice', () => {
		expect(description.credentials?.map((c) => [c.name, c.displayName, c.required, c.displayOptions?.show?.authentication])).toEqual([
			['extendCommerceApi', 'Extend Commerce Back Office', true, ['extendCommerceApi']],
			['extendCommerceOAuth2Api', 'Extend Commerce Back Office (OAuth2)', true, ['extendCommerceOAuth2Api']],
			['extendCommerceConnectionApi', 'WooCommerce Store Connection', false, undefined],
		]);
		for (const reference of description.credentials ?? []) expect(node.methods.credentialTest).toHaveProperty(String(reference.testedBy));
	});

	it('keeps the store-connection slot out of the Authentication choices, so the editor lists store connections in it', () => {
		// n8n's editor (1.123 and 2.41) counts a credential slot as an Authentication choice when it has no
		// displayOptions.show, or when its show names the Authentication field; such a slot lists the
		// back-office credentials instead of its own type.
		const slot = description.credentials?.find((c) => c.name === 'extendCommerceConnectionApi');
		const show = slot?.displayOptions?.show;
		expect(show).toBeDefined();
		expect(Object.keys(show ?? {})).not.toContain('authentication');
		// …and it is still shown for every operation of this version.
		for (const [resource, operation] of [['order', 'create'], ['product', 'upsert'], ['order', 'get'], ['productAvailability', 'getChanged']]) {
			const parameters = { authentication: 'extendCommerceApi', resource, operation };
			expect(NodeHelpers.displayParameter(parameters, slot!, { typeVersion: description.version } as INode, description)).toBe(true);
		}
	});

	it('offers no operation to AI agents: every one writes to the back office', () => {
		expect(description.usableAsTool).toBeUndefined();
	});

	it('says in the editor which choices rest on an assumption about Extend', () => {
		const text = (name: string) => JSON.stringify(description.properties.filter((p) => p.name === name));
		expect(text('pricesIncludeVat')).toMatch(/Extend does not document which it expects; assumed/);
		expect(text('productNotice')).toMatch(/Extend does not document how products are written: that part is assumed/);
		expect(text('statusesToSend')).toMatch(/Extend does not document how an order is changed: that part is assumed/);
		expect(text('options')).toMatch(/Extend documents no freight field/);
	});

	it('has credentials whose display names say they are for the back office, usable in the HTTP Request node (authenticate)', () => {
		expect(new ExtendCommerceApi().displayName).toBe('Extend Commerce Back Office API');
		expect(new ExtendCommerceApi().authenticate).toEqual(expect.any(Function));
		expect(new ExtendCommerceOAuth2Api()).toMatchObject({ displayName: 'Extend Commerce Back Office Client OAuth2 API', extends: ['oAuth2Api'] });
		expect(new ExtendCommerceOAuth2Api().properties.find((p) => p.name === 'grantType')).toMatchObject({ type: 'hidden', default: 'clientCredentials' });
	});
});
