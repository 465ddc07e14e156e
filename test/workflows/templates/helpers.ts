import * as path from 'node:path';
import type { INode, INodeTypeDescription } from 'n8n-workflow';

import { loadTemplate, TEMPLATES } from '../../../demo/demo';
import { loadPackageNodes } from '../../harness/package-loader';
import type { WorkflowJson } from '../../harness/run-workflow';

export const PRODUCTS_TEMPLATE = TEMPLATES.find((t) => t.resource === 'product')!;
export const ORDERS_TEMPLATE = TEMPLATES.find((t) => t.resource === 'order')!;

export function template(resource: 'product' | 'order'): WorkflowJson & Record<string, unknown> {
	return loadTemplate((resource === 'product' ? PRODUCTS_TEMPLATE : ORDERS_TEMPLATE).file) as WorkflowJson & Record<string, unknown>;
}

export function nodesOfType(workflow: WorkflowJson, type: string): INode[] {
	return workflow.nodes.filter((node) => node.type === type);
}

/** The one node of a type, failing if there is none or several. */
export function onlyNodeOfType(workflow: WorkflowJson, type: string): INode {
	const nodes = nodesOfType(workflow, type);
	if (nodes.length !== 1) throw new Error(`expected exactly one ${type} node, found ${nodes.length}`);
	return nodes[0];
}

/**
 * Whether the push node hands on the next cursor (a "Next Cursor" output, issue 11). Tests that run
 * a whole template wait for it; the push node is built on another branch.
 */
export function pushHandsOnCursor(): boolean {
	const push = loadPackageNodes().get('n8n-nodes-extend-commerce.extendCommercePush')?.description;
	return JSON.stringify([push?.outputNames, push?.outputs]).includes('Next Cursor');
}

/** The template's Data table nodes by their part: open the row, free a new row's lease, claim the run and read the cursor, save the cursor and free the run. */
export function cursorNodes(workflow: WorkflowJson): { open: INode; freeNew: INode; read: INode; save: INode } {
	const tables = nodesOfType(workflow, 'n8n-nodes-base.dataTable');
	const named = (name: string): INode => {
		const node = tables.find((n) => n.name === name);
		if (!node) throw new Error(`no Data table node "${name}"`);
		return node;
	};
	if (tables.length !== 4) throw new Error(`expected four Data table nodes, found ${tables.length}`);
	return { open: named('Open sync row'), freeNew: named('Free a new row'), read: named('Read cursor'), save: named('Save cursor') };
}

/**
 * The row a writing Data table node writes: the fields of the Edit Fields (Set) node that is its
 * only input, the node itself on Map Automatically. Its own "Values to …" are not used: n8n's editor
 * empties them when the table is picked (issue 20). Fails when the node is built another way.
 */
export function rowWrittenBy(workflow: WorkflowJson, node: INode): Record<string, unknown> {
	expect({ node: node.name, mappingMode: (node.parameters.columns as { mappingMode?: string }).mappingMode }).toEqual({ node: node.name, mappingMode: 'autoMapInputData' });
	const feeding = Object.entries(workflow.connections).flatMap(([source, outputs]) =>
		(outputs.main ?? []).flatMap((output) => (output ?? []).filter((c) => c.node === node.name).map(() => source)),
	);
	expect({ node: node.name, feeding: feeding.length }).toEqual({ node: node.name, feeding: 1 });
	const set = workflow.nodes.find((n) => n.name === feeding[0])!;
	// Only the assigned fields go on: any other field would be refused as an unknown column.
	expect({ node: set.name, type: set.type, mode: set.parameters.mode, includeOtherFields: set.parameters.includeOtherFields ?? false }).toEqual({
		node: set.name,
		type: 'n8n-nodes-base.set',
		mode: 'manual',
		includeOtherFields: false,
	});
	const assignments = (set.parameters.assignments as { assignments: Array<{ name: string; value: unknown; type: string }> }).assignments;
	expect(assignments.map((a) => a.type)).toEqual(assignments.map(() => 'string'));
	return Object.fromEntries(assignments.map((a) => [a.name, a.value]));
}

/** The description of n8n's Data table node from n8n 2.41 (the n8n-nodes-base dev dependency) or 1.123 (the test/n8n-1.123 project). */
export function dataTableDescription(line: '2.41' | '1.123'): INodeTypeDescription {
	const file = line === '2.41' ? 'n8n-nodes-base/dist/nodes/DataTable/DataTable.node.js' : `${V1_MODULES}/n8n-nodes-base/dist/nodes/DataTable/DataTable.node.js`;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { DataTable } = require(file) as { DataTable: new () => { description: INodeTypeDescription } };
	return new DataTable().description;
}

const V1_MODULES = path.join(__dirname, '..', '..', 'n8n-1.123', 'node_modules');

export function stickyText(workflow: WorkflowJson): string {
	return workflow.nodes
		.filter((n) => n.type === 'n8n-nodes-base.stickyNote')
		.map((n) => String(n.parameters.content))
		.join('\n');
}

/**
 * A generous estimate of the height n8n needs to show a sticky note's markdown: 14 px text at
 * about 8 px per character, 22 px per line, headings 36 px, 24 px for the note's padding.
 */
export function estimatedStickyHeight(markdown: string, width: number): number {
	const charsPerLine = Math.floor((width - 32) / 8);
	let height = 24;
	for (const line of markdown.split('\n')) {
		if (line.startsWith('#')) {
			height += 36;
			continue;
		}
		const visible = line.replace(/\*\*|\*|`/g, '');
		height += 22 * Math.max(1, Math.ceil(visible.length / charsPerLine));
	}
	return height;
}

/** The cron expressions of a Schedule Trigger node's rules. */
export function cronExpressionsOf(node: INode): string[] {
	const rule = node.parameters.rule as { interval?: Array<{ field?: string; expression?: string }> } | undefined;
	const intervals = rule?.interval ?? [];
	return intervals.map((interval) => {
		if (interval.field !== 'cronExpression' || typeof interval.expression !== 'string') {
			throw new Error(`rule ${JSON.stringify(interval)} is not a Custom (Cron) rule`);
		}
		return interval.expression;
	});
}

/** One cron field: the values it allows within [min, max], and whether it is a bare '*'. */
export interface CronField {
	any: boolean;
	values: number[];
}

function parseField(text: string, min: number, max: number): CronField {
	const values = new Set<number>();
	for (const part of text.split(',')) {
		const [range, stepText] = part.split('/');
		const step = stepText === undefined ? 1 : Number(stepText);
		if (!Number.isInteger(step) || step < 1) throw new Error(`bad step in ${text}`);
		let from: number;
		let to: number;
		if (range === '*') [from, to] = [min, max];
		else if (range.includes('-')) [from, to] = range.split('-').map(Number);
		else [from, to] = [Number(range), stepText === undefined ? Number(range) : max];
		if (![from, to].every((n) => Number.isInteger(n) && n >= min && n <= max) || from > to) throw new Error(`field ${text} is out of ${min}–${max}`);
		for (let v = from; v <= to; v += step) values.add(v);
	}
	return { any: text === '*', values: [...values].sort((a, b) => a - b) };
}

export interface Cron {
	minute: CronField;
	hour: CronField;
	dayOfMonth: CronField;
	month: CronField;
	dayOfWeek: CronField;
}

/** Parses a standard five-field cron expression (minute hour day-of-month month day-of-week). */
export function parseCron(expression: string): Cron {
	const fields = expression.trim().split(/\s+/);
	if (fields.length !== 5) throw new Error(`"${expression}" has ${fields.length} fields, not 5`);
	const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
	return {
		minute: parseField(minute, 0, 59),
		hour: parseField(hour, 0, 23),
		dayOfMonth: parseField(dayOfMonth, 1, 31),
		month: parseField(month, 1, 12),
		dayOfWeek: parseField(dayOfWeek.replace(/\b7\b/g, '0'), 0, 6),
	};
}

/** Whether the cron fires at this minute (read in UTC; the day rule is cron's: either day field when both are restricted). */
export function firesAt(cron: Cron, at: Date): boolean {
	const dayOfMonth = cron.dayOfMonth.values.includes(at.getUTCDate());
	const dayOfWeek = cron.dayOfWeek.values.includes(at.getUTCDay());
	const day = cron.dayOfMonth.any || cron.dayOfWeek.any ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
	return cron.minute.values.includes(at.getUTCMinutes()) && cron.hour.values.includes(at.getUTCHours()) && cron.month.values.includes(at.getUTCMonth() + 1) && day;
}

/** Every minute the cron fires in [from, from + minutes). */
export function firings(cron: Cron, from: Date, minutes: number): Date[] {
	const out: Date[] = [];
	for (let i = 0; i < minutes; i++) {
		const at = new Date(from.getTime() + i * 60_000);
		if (firesAt(cron, at)) out.push(at);
	}
	return out;
}
