import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadPackageNodes } from './package-loader';

/**
 * In a manual run the engine calls the trigger and then its manualTriggerFunction, which emits
 * one item at once — what n8n's own triggers do when "Execute workflow" is clicked.
 */
async function emitOnceWhenRunManually(this: ITriggerFunctions): Promise<ITriggerResponse> {
	return {
		manualTriggerFunction: async () => {
			this.emit([[{ json: { timestamp: new Date().toISOString(), manual: true } }]]);
		},
	};
}

/**
 * The Schedule Trigger of n8n-nodes-base, described just enough for the engine. When a schedule
 * fires, n8n starts the execution at the trigger with the data it emitted and WorkflowExecute
 * passes that data through without calling the node, so only its description is needed here.
 */
const scheduleTrigger: INodeType = {
	description: {
		displayName: 'Schedule Trigger',
		name: 'scheduleTrigger',
		group: ['trigger', 'schedule'],
		version: [1, 1.1, 1.2, 1.3],
		description: 'Triggers the workflow on a given schedule',
		eventTriggerDescription: '',
		defaults: { name: 'Schedule Trigger' },
		inputs: [],
		outputs: ['main'],
		properties: [
			{ displayName: 'Trigger Rules', name: 'rule', type: 'fixedCollection', default: { interval: [{ field: 'days' }] }, options: [] },
		],
	},
	trigger: emitOnceWhenRunManually,
};

const manualTrigger: INodeType = {
	description: {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	trigger: emitOnceWhenRunManually,
};

/** No Operation, do nothing (n8n-nodes-base.noOp): passes its input items through unchanged. */
const noOp: INodeType = {
	description: {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	},
};

/** Sticky Note (n8n-nodes-base.stickyNote): a note on the canvas, never connected or executed. */
const stickyNote: INodeType = {
	description: {
		displayName: 'Sticky Note',
		name: 'stickyNote',
		group: ['input'],
		version: 1,
		description: 'Make your workflow easier to understand',
		defaults: { name: 'Sticky Note' },
		inputs: [],
		outputs: [],
		properties: [
			{ displayName: 'Content', name: 'content', type: 'string', default: '' },
			{ displayName: 'Height', name: 'height', type: 'number', required: true, default: 160 },
			{ displayName: 'Width', name: 'width', type: 'number', required: true, default: 240 },
			{ displayName: 'Color', name: 'color', type: 'number', required: true, default: 1 },
		],
	},
};

/**
 * n8n's real Data table node (n8n-nodes-base). It reaches its tables through n8n-core's helpers,
 * which the harness backs with the in-process stand-in of data-tables.ts when a run is given one.
 */
function n8nDataTableNode(): INodeType | IVersionedNodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { DataTable } = require('n8n-nodes-base/dist/nodes/DataTable/DataTable.node.js') as { DataTable: new () => INodeType };
	return new DataTable();
}

/** n8n's real Edit Fields (Set) node (n8n-nodes-base): the templates build each Data table row with it. */
function n8nSetNode(): INodeType | IVersionedNodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Set } = require('n8n-nodes-base/dist/nodes/Set/Set.node.js') as { Set: new () => IVersionedNodeType };
	return new Set();
}

/**
 * n8n's real If, Execute Workflow and When Executed by Another Workflow nodes (n8n-nodes-base): the
 * templates continue a capped sync with them. A called workflow runs through sub-workflows.ts.
 */
function n8nBaseNode(file: string, exported: string): INodeType | IVersionedNodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(`n8n-nodes-base/dist/nodes/${file}`) as Record<string, new () => INodeType | IVersionedNodeType>;
	return new module[exported]();
}

export class PackageNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType | IVersionedNodeType>();

	constructor(extra: Record<string, INodeType | IVersionedNodeType> = {}) {
		for (const [name, node] of loadPackageNodes()) this.byName.set(name, node);
		this.byName.set('n8n-nodes-base.scheduleTrigger', scheduleTrigger);
		this.byName.set('n8n-nodes-base.manualTrigger', manualTrigger);
		this.byName.set('n8n-nodes-base.noOp', noOp);
		this.byName.set('n8n-nodes-base.stickyNote', stickyNote);
		this.byName.set('n8n-nodes-base.dataTable', n8nDataTableNode());
		this.byName.set('n8n-nodes-base.set', n8nSetNode());
		this.byName.set('n8n-nodes-base.if', n8nBaseNode('If/If.node.js', 'If'));
		this.byName.set('n8n-nodes-base.executeWorkflow', n8nBaseNode('ExecuteWorkflow/ExecuteWorkflow/ExecuteWorkflow.node.js', 'ExecuteWorkflow'));
		this.byName.set('n8n-nodes-base.executeWorkflowTrigger', n8nBaseNode('ExecuteWorkflow/ExecuteWorkflowTrigger/ExecuteWorkflowTrigger.node.js', 'ExecuteWorkflowTrigger'));
		for (const [name, node] of Object.entries(extra)) this.byName.set(name, node);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const node = this.byName.get(nodeType);
		if (!node) throw new Error(`Unknown node type ${nodeType}`);
		return node;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
