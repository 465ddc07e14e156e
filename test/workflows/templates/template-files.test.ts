import { readdirSync } from 'node:fs';
import { NodeHelpers } from 'n8n-workflow';
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { loadTemplate, TEMPLATES, TEMPLATES_DIR } from '../../../demo/demo';
import { REVERSE_TEMPLATES } from '../../support/reverse-env';
import { PackageNodeTypes } from '../../harness/node-types';
import { loadPackageCredentials, loadPackageNodes } from '../../harness/package-loader';
import { SYNC_TABLE_COLUMNS, SYNC_TABLE_NAME } from '../../support/cursor-table';
import { cronExpressionsOf, cursorNodes, dataTableDescription, estimatedStickyHeight, firings, nodesOfType, onlyNodeOfType, parseCron, rowWrittenBy, stickyText, template } from './helpers';

const PACKAGE_PREFIX = 'n8n-nodes-extend-commerce.';
/** n8n-nodes-base types the templates may use, with the type versions n8n ships. */
const KNOWN_BASE_TYPES: Record<string, number[]> = {
	'n8n-nodes-base.scheduleTrigger': [1, 1.1, 1.2, 1.3],
	// n8n 1.123 (nodes-base 1.121.53) has only version 1; 2.41 has 1 and 1.1.
	'n8n-nodes-base.dataTable': [1],
	'n8n-nodes-base.noOp': [1],
	// Edit Fields: 3.4 is in 1.123 (default) and 2.41.
	'n8n-nodes-base.set': [3.4],
	'n8n-nodes-base.stickyNote': [1],
	// The continuation of a capped sync (issue 24): versions both lines ship (1.123: If 2–2.3, Execute Workflow 1–1.3, its trigger 1–1.1).
	'n8n-nodes-base.if': [2, 2.1, 2.2, 2.3],
	'n8n-nodes-base.executeWorkflow': [1, 1.1, 1.2, 1.3],
	'n8n-nodes-base.executeWorkflowTrigger': [1, 1.1],
};
/** Where an execution starts: the schedule, or the template calling itself for the next part of a capped sync. */
const TRIGGER_TYPES = ['n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.executeWorkflowTrigger'];
const FETCH_TYPE = `${PACKAGE_PREFIX}wooCommerceFetch`;
const DATA_TABLE_TYPE = 'n8n-nodes-base.dataTable';
const PUSH_TYPE = `${PACKAGE_PREFIX}extendCommercePush`;

const packageNodes = loadPackageNodes();
/** The word a node's short note uses for each credential. */
const NOTE_WORD: Record<string, RegExp> = { extendCommerceApi: /back office/i, extendCommerceConnectionApi: /store/ };
const resources = ['product', 'order'] as const;

function descriptionOf(type: string): INodeType['description'] {
	const node = packageNodes.get(type);
	if (!node) throw new Error(`${type} is not a node of this package`);
	return node.description;
}

/** The properties of a node type that are shown for the given parameter values (top level only). */
function shownProperties(properties: INodeProperties[], parameters: Record<string, unknown>): INodeProperties[] {
	return properties.filter((property) => {
		const show = property.displayOptions?.show ?? {};
		return Object.entries(show)
			.filter(([name]) => name !== '@version')
			.every(([name, allowed]) => (allowed as unknown[]).includes(parameters[name] ?? properties.find((p) => p.name === name)?.default));
	});
}

describe.each(resources)('the %s template file', (resource) => {
	const workflow = template(resource);
	const spec = TEMPLATES.find((t) => t.resource === resource)!;

	it('is a workflow n8n import:workflow accepts: id, name, nodes, connections, settings, pinData', () => {
		expect(typeof workflow.id).toBe('string');
		expect(String(workflow.id)).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(workflow.name).toBe(resource === 'product' ? 'WooCommerce products → Extend Commerce (daily)' : 'WooCommerce orders → Extend Commerce (hourly)');
		expect(Array.isArray(workflow.nodes)).toBe(true);
		expect(typeof workflow.connections).toBe('object');
		expect(workflow.settings).toMatchObject({ executionOrder: 'v1' });
		expect(workflow.pinData).toEqual({});
		const ids = workflow.nodes.map((n) => n.id);
		const names = workflow.nodes.map((n) => n.name);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(names).size).toBe(names.length);
		for (const node of workflow.nodes) {
			expect(node.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
			expect(node.position).toEqual([expect.any(Number), expect.any(Number)]);
			expect(typeof node.typeVersion).toBe('number');
			expect(typeof node.parameters).toBe('object');
		}
	});

	it('is inactive, so importing it schedules nothing until it is activated', () => {
		expect(workflow.active).toBe(false);
	});

	it('uses only this package\'s nodes and known n8n-nodes-base nodes, at versions that exist', () => {
		const harness = new PackageNodeTypes();
		for (const node of workflow.nodes) {
			if (node.type.startsWith(PACKAGE_PREFIX)) {
				const versions = [descriptionOf(node.type).version].flat();
				expect(versions).toContain(node.typeVersion);
			} else {
				expect(Object.keys(KNOWN_BASE_TYPES)).toContain(node.type);
				expect(KNOWN_BASE_TYPES[node.type]).toContain(node.typeVersion);
			}
			// …and the test harness can run it.
			expect(() => harness.getByNameAndVersion(node.type, node.typeVersion)).not.toThrow();
		}
	});

	it('sets only parameters the nodes have, with values they offer', () => {
		for (const node of workflow.nodes.filter((n) => n.type.startsWith(PACKAGE_PREFIX))) {
			const properties = descriptionOf(node.type).properties;
			const shown = shownProperties(properties, node.parameters);
			for (const [name, value] of Object.entries(node.parameters)) {
				const property = shown.find((p) => p.name === name);
				expect({ node: node.name, parameter: name, known: property !== undefined }).toEqual({ node: node.name, parameter: name, known: true });
				if (property?.type === 'options') expect(property.options?.map((o) => (o as { value: unknown }).value)).toContain(value);
			}
		}
	});

	it('chains Schedule Trigger → Open sync row → Free a new row → Read cursor (Data tables, each after the Edit Fields node that builds its row) → WooCommerce Fetch (Since: Cursor) → Extend Commerce → Save cursor (Data table)', () => {
		const trigger = onlyNodeOfType(workflow, 'n8n-nodes-base.scheduleTrigger');
		const fetch = onlyNodeOfType(workflow, FETCH_TYPE);
		const push = onlyNodeOfType(workflow, PUSH_TYPE);
		const { open, freeNew, read, save } = cursorNodes(workflow);
		expect(fetch.parameters).toMatchObject({ resource, operation: 'getChanged', since: 'cursor', cursor: '={{ $json.cursor }}' });
		expect(fetch.parameters.returnAll ?? true).toBe(true);
		// The push node's operation property for the resource offers the template's operation (create orders, create or update products).
		const pushOperations = shownProperties(descriptionOf(PUSH_TYPE).properties, push.parameters).filter((p) => p.name === 'operation');
		expect(pushOperations).toHaveLength(1);
		expect(pushOperations.flatMap((p) => (p.options ?? []).map((o) => (o as { value: unknown }).value))).toContain(push.parameters.operation);
		expect(push.parameters.resource).toBe(resource);
		const to = (name: string) => [[{ node: name, type: 'main', index: 0 }]];
		expect(workflow.connections[trigger.name].main).toEqual(to('Row keys'));
		expect(workflow.connections['Row keys'].main).toEqual(to(open.name));
		expect(workflow.connections[open.name].main).toEqual(to('Free lease'));
		expect(workflow.connections['Free lease'].main).toEqual(to(freeNew.name));
		expect(workflow.connections[freeNew.name].main).toEqual(to('Claim the run'));
		expect(workflow.connections['Claim the run'].main).toEqual(to(read.name));
		expect(workflow.connections[read.name].main).toEqual(to(fetch.name));
		// Records go to the push; the Sync Window output stays free (the push reads it by expression).
		expect(workflow.connections[fetch.name].main[0]).toEqual([{ node: push.name, type: 'main', index: 0 }]);
		expect(workflow.connections[fetch.name].main[1] ?? []).toEqual([]);
		// The push's second output is its Next Cursor; only that is saved.
		expect(workflow.connections[push.name].main[1]).toEqual([{ node: 'Cursor to save', type: 'main', index: 0 }]);
		expect(workflow.connections['Cursor to save'].main).toEqual(to(save.name));
		expect(spec.file.startsWith(`woocommerce-${resource}s-`)).toBe(true);
	});

	it('after Save cursor, starts the next part of a capped sync as a new execution of itself, without waiting, only when the saved cursor moved on in a run that is not an editor run (issue 24)', () => {
		const { open, save } = cursorNodes(workflow);
		const entry = onlyNodeOfType(workflow, 'n8n-nodes-base.executeWorkflowTrigger');
		const gate = onlyNodeOfType(workflow, 'n8n-nodes-base.if');
		const next = onlyNodeOfType(workflow, 'n8n-nodes-base.executeWorkflow');
		expect(entry.parameters).toEqual({ inputSource: 'passthrough' });
		// The same chain as the schedule's: the row's keys first (Row keys), then Open sync row.
		expect(workflow.connections[entry.name].main).toEqual(workflow.connections[onlyNodeOfType(workflow, 'n8n-nodes-base.scheduleTrigger').name].main);
		expect(workflow.connections['Row keys'].main).toEqual([[{ node: open.name, type: 'main', index: 0 }]]);
		expect(workflow.connections[save.name].main).toEqual([[{ node: gate.name, type: 'main', index: 0 }]]);
		expect(workflow.connections[gate.name].main[0]).toEqual([{ node: next.name, type: 'main', index: 0 }]);
		expect(workflow.connections[gate.name].main[1] ?? []).toEqual([]);
		const conditions = gate.parameters.conditions as { combinator: string; conditions: Array<{ leftValue: string; operator: { type: string; operation: string } }> };
		expect(conditions.combinator).toBe('and');
		expect(conditions.conditions.map((c) => [c.leftValue, c.operator.type, c.operator.operation])).toEqual([
			["={{ $('Extend Commerce').first(1).json.capped }}", 'boolean', 'true'],
			["={{ DateTime.fromISO($json.cursor) > DateTime.fromISO($('Extend Commerce').first(1).json.previousCursor) }}", 'boolean', 'true'],
			// Not an editor run: a scheduled part or one started by the part before. ($workflow.active would do, but a
			// worker of n8n 2.41 in queue mode says false for a published workflow: its stored execution lacks the version.)
			["={{ $execution.mode === 'production' }}", 'boolean', 'true'],
		]);
		expect(next.parameters.source ?? 'database').toBe('database');
		expect(next.parameters.mode ?? 'once').toBe('once');
		expect(next.parameters.workflowId).toEqual({ __rl: true, mode: 'id', value: '={{ $workflow.id }}' });
		expect(next.parameters.options).toEqual({ waitForSubWorkflow: false });
		expect(workflow.connections[next.name]).toBeUndefined();
	});

	it('claims the run on this workflow\'s row with one conditional update (a lease), creating the row on a first run (issue 20)', () => {
		const { open, freeNew, read } = cursorNodes(workflow);
		const mine = [
			{ keyName: 'workflow', condition: 'eq', keyValue: '={{ $workflow.id }}' },
			{ keyName: 'resource', condition: 'eq', keyValue: `${resource}s` },
		];
		// The row exists before it is claimed: an upsert that writes only the keys, so it never touches a lease.
		expect(open.parameters).toMatchObject({ resource: 'row', operation: 'upsert', matchType: 'allConditions' });
		expect((open.parameters.filters as { conditions: unknown[] }).conditions).toEqual(mine);
		expect(rowWrittenBy(workflow, open)).toEqual({ workflow: '={{ $workflow.id }}', resource: `${resource}s` });
		// A new row's empty lease becomes free (a comparison never matches an empty cell); passes on when there is none.
		expect(freeNew.alwaysOutputData).toBe(true);
		expect(freeNew.parameters).toMatchObject({ resource: 'row', operation: 'update', matchType: 'allConditions' });
		expect((freeNew.parameters.filters as { conditions: unknown[] }).conditions).toEqual([...mine, { keyName: 'leaseUntil', condition: 'isEmpty' }]);
		expect(rowWrittenBy(workflow, freeNew)).toEqual({ leaseUntil: '1970-01-01T00:00:00.000Z' });
		// The claim: only a row whose lease has run out is updated, so of two overlapping executions one gets the row and the other nothing (and ends).
		expect(read.alwaysOutputData).toBeUndefined();
		expect(read.parameters).toMatchObject({ resource: 'row', operation: 'update', matchType: 'allConditions' });
		expect((read.parameters.filters as { conditions: unknown[] }).conditions).toEqual([...mine, { keyName: 'leaseUntil', condition: 'lt', keyValue: '={{ $now.toUTC().toISO() }}' }]);
		expect(rowWrittenBy(workflow, read)).toEqual({ lease: '={{ $execution.id }}', leaseUntil: '={{ $now.plus({ minutes: 50 }).toUTC().toISO() }}' });
	});

	it('saves the next cursor only while this execution holds the run, and frees it: one row per workflow and resource, every column of the sticky note', () => {
		const { read, save } = cursorNodes(workflow);
		expect(save.parameters).toMatchObject({ resource: 'row', operation: 'update', matchType: 'allConditions' });
		expect(save.parameters.dataTableId).toEqual(read.parameters.dataTableId);
		expect((save.parameters.filters as { conditions: unknown[] }).conditions).toEqual([
			{ keyName: 'workflow', condition: 'eq', keyValue: '={{ $workflow.id }}' },
			{ keyName: 'resource', condition: 'eq', keyValue: '={{ $json.resource }}' },
			{ keyName: 'lease', condition: 'eq', keyValue: '={{ $execution.id }}' },
		]);
		// resource stays in the row built for it: the condition above reads it (it writes the same value back).
		expect(rowWrittenBy(workflow, save)).toEqual({ resource: '={{ $json.resource }}', connection: '={{ $json.connection }}', cursor: '={{ $json.cursor }}', leaseUntil: '1970-01-01T00:00:00.000Z' });
		for (const node of Object.values(cursorNodes(workflow)).filter((n) => n.parameters.columns)) {
			expect((node.parameters.columns as { schema: Array<{ id: string; type: string }> }).schema.map((c) => [c.id, c.type])).toEqual(SYNC_TABLE_COLUMNS.map((c) => [c.name, c.type]));
		}
		const note = stickyText(workflow);
		expect(note).toContain(`\`${SYNC_TABLE_NAME}\``);
		for (const column of SYNC_TABLE_COLUMNS) expect(note).toContain(`\`${column.name}\``);
		// The steps as the editors show them: "Create data table", then "Add Column" per column (type string, the default).
		expect(SYNC_TABLE_COLUMNS.every((c) => c.type === 'string')).toBe(true);
		expect(note).toContain('Overview → Data tables → **Create data table**');
		expect(note).toContain(`**Add Column** six times: ${SYNC_TABLE_COLUMNS.map((c) => `\`${c.name}\``).join(', ')} (type \`string\`)`);
		expect(SYNC_TABLE_COLUMNS).toHaveLength(6);
		expect(note).toMatch(/Re-sync from a date[^\n]*set `cursor`/);
	});

	it('leaves the Data table empty, to be picked from the list (n8n 1.123 cannot find a table by name), and the note says where', () => {
		for (const node of Object.values(cursorNodes(workflow))) expect(node.parameters.dataTableId).toEqual({ __rl: true, mode: 'list', value: '' });
		expect(stickyText(workflow)).toMatch(/Pick it in each of the four Data table nodes \(Data table → From list\)/);
		// …in the words both editors show: the parameter's display name, and for its list mode the
		// editor's own label "From list" (its text for every resource locator's list mode, not the
		// node's "From List"; seen in the 1.123 and 2.41 editors).
		for (const line of ['2.41', '1.123'] as const) {
			const property = dataTableDescription(line).properties.find((p) => p.name === 'dataTableId')!;
			expect(property.displayName).toBe('Data table');
			expect(property.modes?.map((m) => m.name)).toContain('list');
		}
	});

	it('leaves room between WooCommerce Fetch and Extend Commerce for the item-count label and the Sync Window output\'s label', () => {
		const fetch = onlyNodeOfType(workflow, FETCH_TYPE);
		const push = onlyNodeOfType(workflow, PUSH_TYPE);
		expect(push.position[1]).toBe(fetch.position[1]);
		expect(push.position[0] - fetch.position[0]).toBeGreaterThanOrEqual(320);
		for (const node of workflow.connections[push.name].main.flat().map((c) => workflow.nodes.find((n) => n.name === c?.node)!)) {
			expect(node.position[0] - push.position[0]).toBeGreaterThanOrEqual(240);
		}
	});

	it('sets only parameters n8n 1.123\'s and 2.41\'s Data table nodes both have, with values they offer', () => {
		for (const description of [dataTableDescription('2.41'), dataTableDescription('1.123')]) {
			for (const node of nodesOfType(workflow, DATA_TABLE_TYPE)) {
				const shown = shownProperties(description.properties, node.parameters);
				for (const [name, value] of Object.entries(node.parameters)) {
					const property = shown.find((p) => p.name === name);
					expect({ node: node.name, parameter: name, known: property !== undefined }).toEqual({ node: node.name, parameter: name, known: true });
					if (property?.type === 'options') expect(property.options?.map((o) => (o as { value: unknown }).value)).toContain(value);
					if (property?.type === 'resourceLocator') expect(property.modes?.map((m) => m.name)).toContain((value as { mode: string }).mode);
				}
			}
		}
	});

	it('sends rejected records from the push node\'s own Rejected records output into a No Operation node, with n8n\'s default On Error', () => {
		const push = onlyNodeOfType(workflow, PUSH_TYPE);
		// No On Error setting: a failure the user must act on fails the execution (issue 20).
		expect(push.onError).toBeUndefined();
		expect(push.continueOnFail).toBeUndefined();
		const outputs = workflow.connections[push.name].main;
		// Results, Next Cursor, Rejected records: the node's three declared outputs.
		expect(descriptionOf(push.type).outputNames).toEqual(['Results', 'Next Cursor', 'Rejected records']);
		expect(outputs).toHaveLength(3);
		expect(outputs[0] ?? []).toEqual([]);
		const targets = (outputs[2] ?? []).map((c) => workflow.nodes.find((n) => n.name === c.node));
		expect(targets.map((n) => [n?.type, n?.name])).toEqual([['n8n-nodes-base.noOp', 'Rejected records']]);
	});

	it('references each credential the nodes declare by an unmistakable placeholder, the same one on every node, and a node note says which', () => {
		const references = new Map<string, unknown>();
		for (const node of [onlyNodeOfType(workflow, FETCH_TYPE), onlyNodeOfType(workflow, PUSH_TYPE)]) {
			// The credential slots the node shows for the template's parameters (e.g. its Authentication),
			// decided by n8n's own displayParameter, as the editor decides it.
			const description = descriptionOf(node.type);
			const declared = (description.credentials ?? [])
				.filter((c) => NodeHelpers.displayParameter(node.parameters, c as unknown as INodeProperties, node, description))
				.map((c) => c.name)
				.sort();
			expect(Object.keys(node.credentials ?? {}).sort()).toEqual(declared);
			for (const [type, reference] of Object.entries(node.credentials ?? {})) {
				expect(reference.id).toMatch(/^REPLACE_WITH_/);
				expect(reference.name).toMatch(/^REPLACE: /);
				if (references.has(type)) expect(reference).toEqual(references.get(type));
				references.set(type, reference);
			}
			expect(node.notesInFlow).toBe(true);
		}
		// The short node note says what each credential is for (the canvas cuts notes off);
		// placeholders and the sticky note name each credential as n8n's credential list shows it.
		const credentialTypes = loadPackageCredentials();
		const credentials = stickyText(workflow).split('\n').find((line) => line.includes('**Credentials**'))!;
		for (const node of [onlyNodeOfType(workflow, FETCH_TYPE), onlyNodeOfType(workflow, PUSH_TYPE)]) {
			expect(credentials).toContain(`*${node.name}*`);
			for (const [type, reference] of Object.entries(node.credentials ?? {})) {
				const shown = credentialTypes.get(type)?.displayName ?? type;
				expect({ node: node.name, note: node.notes }).toEqual({ node: node.name, note: expect.stringMatching(NOTE_WORD[type]) });
				expect(reference.name).toContain(`(${shown})`);
				expect(credentials).toContain(`*${shown}*`);
			}
		}
	});

	it('connects every node except sticky notes, and no connection points to a missing node', () => {
		const names = new Set(workflow.nodes.map((n) => n.name));
		const targets = new Set<string>();
		for (const [source, byType] of Object.entries(workflow.connections)) {
			expect(names.has(source)).toBe(true);
			for (const output of byType.main ?? []) for (const connection of output ?? []) {
				expect(names.has(connection.node)).toBe(true);
				targets.add(connection.node);
			}
		}
		for (const node of workflow.nodes) {
			if (node.type === 'n8n-nodes-base.stickyNote') expect(workflow.connections[node.name]).toBeUndefined();
			else if (!TRIGGER_TYPES.includes(node.type)) expect(targets.has(node.name)).toBe(true);
		}
	});
});

describe('the template schedules', () => {
	it('runs the products template exactly once a day: a fixed minute and hour, every day', () => {
		const [expression, ...more] = cronExpressionsOf(onlyNodeOfType(template('product'), 'n8n-nodes-base.scheduleTrigger'));
		expect(more).toEqual([]);
		const cron = parseCron(expression);
		expect(cron.minute.values).toHaveLength(1);
		expect(cron.hour.values).toHaveLength(1);
		expect([cron.dayOfMonth.any, cron.month.any, cron.dayOfWeek.any]).toEqual([true, true, true]);
		const week = firings(cron, new Date('2025-03-03T00:00:00Z'), 7 * 24 * 60);
		expect(week).toHaveLength(7);
		expect(new Set(week.map((d) => d.toISOString().slice(0, 10))).size).toBe(7);
	});

	it('runs the orders template exactly once an hour: a fixed minute, every hour of every day', () => {
		const [expression, ...more] = cronExpressionsOf(onlyNodeOfType(template('order'), 'n8n-nodes-base.scheduleTrigger'));
		expect(more).toEqual([]);
		const cron = parseCron(expression);
		expect(cron.minute.values).toHaveLength(1);
		expect(cron.hour.any).toBe(true);
		expect([cron.dayOfMonth.any, cron.month.any, cron.dayOfWeek.any]).toEqual([true, true, true]);
		const day = firings(cron, new Date('2025-03-03T00:00:00Z'), 24 * 60);
		expect(day).toHaveLength(24);
		expect(new Set(day.map((d) => d.getUTCHours())).size).toBe(24);
	});

	it('the cron reader itself tells a daily, an hourly and a more frequent schedule apart', () => {
		const from = new Date('2025-03-03T00:00:00Z');
		expect(firings(parseCron('15 4 * * *'), from, 24 * 60)).toHaveLength(1);
		expect(firings(parseCron('5 * * * *'), from, 24 * 60)).toHaveLength(24);
		expect(firings(parseCron('*/30 * * * *'), from, 24 * 60)).toHaveLength(48);
		expect(firings(parseCron('0 */2 * * *'), from, 24 * 60)).toHaveLength(12);
		expect(firings(parseCron('0 9 * * 1-5'), from, 7 * 24 * 60)).toHaveLength(5);
		expect(() => parseCron('0 0 * *')).toThrow(/fields/);
		expect(() => parseCron('61 * * * *')).toThrow(/out of/);
	});
});

describe('the forward templates\' notes', () => {
	// Issue 23: the outcome names a user finds on Results are explained on the canvas, as in the README.
	it.each([
		['order', { updated: /`updated` = rows brought up to date/, cancelled: /`cancelled` = rows set Inactive \(order cancelled or trashed\)/, locked: /`locked` = reserved in Extend, change it there/ }],
		['product', { updated: /`updated` = brought up to date/, deactivated: /`deactivated` = trashed in WooCommerce, marked inactive/ }],
	] as const)('the %s template says what its outcomes mean', (resource, meanings) => {
		const note = stickyText(template(resource));
		for (const [outcome, meaning] of Object.entries(meanings)) expect({ outcome, explained: meaning.test(note) }).toEqual({ outcome, explained: true });
	});
});

describe('the products template\'s currency', () => {
	it('labels prices USD and tells, on the canvas, that it must be the store\'s currency', () => {
		const workflow = template('product');
		expect(onlyNodeOfType(workflow, PUSH_TYPE).parameters.currency).toBe('USD');
		const notes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content));
		expect(notes.join('\n')).toMatch(/USD/);
		expect(notes.join('\n')).toMatch(/store's currency/i);
	});
});

describe('the orders template\'s customer', () => {
	it('names the field that holds WEBSHOP as the node shows it', () => {
		const push = onlyNodeOfType(template('order'), PUSH_TYPE);
		expect(push.parameters).toMatchObject({ customerNumberMode: 'fixed', customerNumber: 'WEBSHOP' });
		const field = shownProperties(descriptionOf(PUSH_TYPE).properties, push.parameters).find((p) => p.name === 'customerNumber')!;
		expect(field.displayName).toBe('Webshop Customer Number');
		expect(stickyText(template('order'))).toContain(`**${field.displayName}** on *Extend Commerce* is \`WEBSHOP\``);
	});
});

describe.each([...TEMPLATES.map((t) => t.file), ...Object.values(REVERSE_TEMPLATES)])('the canvas of %s', (file) => {
	const workflow = loadTemplate(file);
	const sticky = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.stickyNote')!;

	it('keeps node notes short enough to read on the canvas (it cuts them off after about 28 characters)', () => {
		for (const node of workflow.nodes.filter((n) => n.notes !== undefined)) {
			expect({ node: node.name, notesInFlow: node.notesInFlow, fits: node.notes!.length <= 28 }).toEqual({ node: node.name, notesInFlow: true, fits: true });
		}
	});

	it('sizes the sticky note so that its text is not clipped (n8n 1.123 cuts what does not fit)', () => {
		const { height, width } = sticky.parameters as { height: number; width: number };
		expect(estimatedStickyHeight(String(sticky.parameters.content), width)).toBeLessThanOrEqual(height);
	});

	it('keeps the sticky note clear of the nodes, their notes and some margin', () => {
		const { height, width } = sticky.parameters as { height: number; width: number };
		const [left, top] = sticky.position;
		for (const node of workflow.nodes.filter((n) => n !== sticky)) {
			const [x, y] = node.position;
			// A node is about 100 px square, its note below it; 20 px margin all round.
			const overlaps = x - 20 < left + width && x + 120 > left && y - 20 < top + height && y + 160 > top;
			expect({ node: node.name, overlaps }).toEqual({ node: node.name, overlaps: false });
		}
	});

	it('tells n8n 1.x users to save the imported workflow first when its ID keys a cursor row (1.123 leaves $workflow.id empty until then)', () => {
		const keyed = JSON.stringify(workflow.nodes).includes('$workflow.id');
		expect(String(sticky.parameters.content).includes('n8n 1.x: **Save** the workflow after importing it; its ID keys the cursor row.')).toBe(keyed);
	});

	it('tells how to switch the workflow on in both editors: Activate (n8n 1.x) or Publish (n8n 2.x)', () => {
		expect(String(sticky.parameters.content)).toContain('**Activate** it (n8n 1.x: the Inactive/Active switch) or **Publish** it (n8n 2.x)');
		expect(String(sticky.parameters.content)).toContain('it is imported inactive');
	});
});

it('the templates folder holds exactly the two templates the demo runs and the reverse-flow templates', () => {
	expect(readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json')).sort()).toEqual([...TEMPLATES.map((t) => t.file), ...Object.values(REVERSE_TEMPLATES)].sort());
});
