import type { INodeProperties } from 'n8n-workflow';

import { WooCommerceFetch } from '../../../../nodes/WooCommerceFetch/WooCommerceFetch.node';

const description = new WooCommerceFetch().description;

function operationFor(resource: string): INodeProperties {
	const found = description.properties.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource));
	expect(found).toHaveLength(1);
	return found[0];
}

/** What n8n's canvas shows under the node: the subtitle expression with $parameter set. */
function subtitleFor(parameters: Record<string, unknown>): string {
	const body = String(description.subtitle).replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$parameter', `return (${body});`)(parameters) as string;
}

describe('the fetch node in the editor', () => {
	it('is not offered to AI agents: a delta read from a kept cursor is no tool', () => {
		expect(description.usableAsTool).toBeUndefined();
	});

	it.each([
		['order', 'Get changed orders'],
		['product', 'Get changed products'],
	])('lists one action per resource, which also names a new node in words (%s)', (resource, action) => {
		const operation = operationFor(resource);
		expect(operation.options?.map((o) => ('action' in o ? o.action : undefined))).toEqual([action]);
		expect(operation.default).toBe('getChanged');
	});

	it('shows a subtitle in words that says where the read starts, not the action (the name of a node added from the panel) again', () => {
		expect(subtitleFor({ resource: 'order', operation: 'getChanged', since: 'cursor' })).toBe('Orders since the cursor');
		expect(subtitleFor({ resource: 'product', operation: 'getChanged', since: 'date' })).toBe('Products since a date');
		expect(subtitleFor({ resource: 'order', operation: 'getChanged', since: 'orderStart' })).toBe('Orders since Order Start');
	});

	it('has two named outputs, Records and Window, short enough for n8n 2.x\'s canvas, and needs only the store connection', () => {
		expect(description.outputs).toHaveLength(2);
		expect(description.outputNames).toEqual(['Records', 'Window']);
		// n8n 2.x shows a free output's label in about 40 px of 10 px text: some 7 letters.
		for (const name of description.outputNames ?? []) expect(name.length).toBeLessThanOrEqual(7);
		expect(description.credentials?.map((c) => c.name)).toEqual(['extendCommerceConnectionApi']);
	});

	it('starts from the cursor of the incoming item by default', () => {
		const since = description.properties.find((p) => p.name === 'since');
		const cursor = description.properties.find((p) => p.name === 'cursor');
		expect(since?.default).toBe('cursor');
		expect(cursor).toMatchObject({ default: '={{ $json.cursor }}', displayOptions: { show: { since: ['cursor'] } } });
	});
});
