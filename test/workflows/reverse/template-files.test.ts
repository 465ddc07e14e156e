/** The reverse-flow template files: importable, inactive, only parameters and credentials the nodes have. */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { PackageNodeTypes } from '../../harness/node-types';
import { loadPackageNodes } from '../../harness/package-loader';
import { SYNC_TABLE_COLUMNS } from '../../support/cursor-table';
import { REVERSE_TEMPLATES, reverseTemplate } from '../../support/reverse-env';
import { rowWrittenBy } from '../templates/helpers';

const PACKAGE_PREFIX = 'n8n-nodes-extend-commerce.';
const KNOWN_BASE_TYPES: Record<string, number[]> = {
	'n8n-nodes-base.scheduleTrigger': [1, 1.1, 1.2, 1.3],
	'n8n-nodes-base.dataTable': [1],
	'n8n-nodes-base.noOp': [1],
	'n8n-nodes-base.set': [3.4],
	'n8n-nodes-base.stickyNote': [1],
};
const packageNodes = loadPackageNodes();

function descriptionOf(type: string): INodeType['description'] {
	const node = packageNodes.get(type);
	if (!node) throw new Error(`${type} is not a node of this package`);
	return node.description;
}

function shownProperties(properties: INodeProperties[], parameters: Record<string, unknown>): INodeProperties[] {
	return properties.filter((property) =>
		Object.entries(property.displayOptions?.show ?? {})
			.filter(([name]) => name !== '@version')
			.every(([name, allowed]) => (allowed as unknown[]).includes(parameters[name] ?? properties.find((p) => p.name === name)?.default)),
	);
}

describe.each(Object.keys(REVERSE_TEMPLATES) as Array<keyof typeof REVERSE_TEMPLATES>)('the %s template file', (name) => {
	const workflow = reverseTemplate(name) as ReturnType<typeof reverseTemplate> & Record<string, unknown>;

	it('is an importable workflow, inactive, with unique node ids and names', () => {
		expect(String(workflow.id)).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(workflow.active).toBe(false);
		expect(workflow.settings).toMatchObject({ executionOrder: 'v1' });
		expect(workflow.pinData).toEqual({});
		expect(new Set(workflow.nodes.map((n) => n.id)).size).toBe(workflow.nodes.length);
		expect(new Set(workflow.nodes.map((n) => n.name)).size).toBe(workflow.nodes.length);
		for (const node of workflow.nodes) expect(node.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
	});

	it('uses only this package\'s nodes and known n8n-nodes-base nodes, at versions that exist', () => {
		const harness = new PackageNodeTypes();
		for (const node of workflow.nodes) {
			if (node.type.startsWith(PACKAGE_PREFIX)) expect([descriptionOf(node.type).version].flat()).toContain(node.typeVersion);
			else expect(KNOWN_BASE_TYPES[node.type]).toContain(node.typeVersion);
			expect(() => harness.getByNameAndVersion(node.type, node.typeVersion)).not.toThrow();
		}
	});

	it('builds the row each writing Data table node writes in the Edit Fields node before it (Map Automatically), so picking the table cannot empty it (issue 20)', () => {
		const writers = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.dataTable' && ['update', 'upsert'].includes(String(n.parameters.operation)));
		for (const node of writers) {
			const row = rowWrittenBy(workflow, node);
			expect(Object.keys(row).length).toBeGreaterThan(0);
			for (const field of Object.keys(row)) expect(SYNC_TABLE_COLUMNS.map((c) => c.name)).toContain(field);
		}
		if (name === 'stockPolling') {
			const save = writers.find((n) => n.name === 'Save cursor')!;
			expect(rowWrittenBy(workflow, save)).toEqual({
				workflow: '={{ $workflow.id }}',
				resource: 'availability',
				connection: "={{ $('Extend Commerce').first(1).json.connection }}",
				cursor: "={{ $('Extend Commerce').first(1).json.cursor }}",
			});
			// Once per run, as Save cursor: the row is built from the first item of WooCommerce Update.
			expect(workflow.nodes.find((n) => n.name === 'Cursor to save')?.executeOnce).toBe(true);
			expect(save.executeOnce).toBe(true);
		}
	});

	it('sets only parameters the nodes show, with values they offer', () => {
		for (const node of workflow.nodes.filter((n) => n.type.startsWith(PACKAGE_PREFIX))) {
			const shown = shownProperties(descriptionOf(node.type).properties, node.parameters);
			for (const [parameter, value] of Object.entries(node.parameters)) {
				const property = shown.find((p) => p.name === parameter);
				expect({ node: node.name, parameter, known: property !== undefined }).toEqual({ node: node.name, parameter, known: true });
				const isExpression = typeof value === 'string' && value.startsWith('=');
				if (property?.type === 'options' && !isExpression) expect(property.options?.map((o) => (o as { value: unknown }).value)).toContain(value);
				if (property?.type === 'multiOptions') for (const item of value as unknown[]) expect(property.options?.map((o) => (o as { value: unknown }).value)).toContain(item);
			}
		}
	});

	it('references only credentials the nodes declare, by an unmistakable placeholder, and says which in a node note', () => {
		for (const node of workflow.nodes.filter((n) => n.type.startsWith(PACKAGE_PREFIX))) {
			const declared = (descriptionOf(node.type).credentials ?? []).map((c) => c.name);
			for (const [type, reference] of Object.entries(node.credentials ?? {})) {
				expect(declared).toContain(type);
				expect(reference.id).toMatch(/^REPLACE_WITH_/);
				expect(reference.name).toMatch(/^REPLACE: /);
			}
			expect(node.notesInFlow).toBe(true);
		}
	});

	it('gives its webhook trigger a fixed webhook id, so the Production URL survives import', () => {
		for (const node of workflow.nodes.filter((n) => n.type === `${PACKAGE_PREFIX}extendCommerceTrigger`)) {
			expect(node.webhookId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		}
	});

	it('connects every node except the sticky note, only to nodes that exist', () => {
		const names = new Set(workflow.nodes.map((n) => n.name));
		const targets = new Set<string>();
		for (const [source, outputs] of Object.entries(workflow.connections)) {
			expect(names.has(source)).toBe(true);
			for (const output of outputs.main ?? []) for (const connection of output ?? []) targets.add(connection.node);
		}
		for (const target of targets) expect(names.has(target)).toBe(true);
		for (const node of workflow.nodes) {
			if (node.type === 'n8n-nodes-base.stickyNote') continue;
			expect({ node: node.name, connected: targets.has(node.name) || node.name in workflow.connections }).toEqual({ node: node.name, connected: true });
		}
	});
});
