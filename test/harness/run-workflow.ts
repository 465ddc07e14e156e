import { randomUUID } from 'node:crypto';
import { CredentialTestContext, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	IDataObject,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	ITaskData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { TEST_PROJECT_ID, type InMemoryDataTables } from './data-tables';
import { PackageNodeTypes } from './node-types';
import type { SubWorkflowRunner } from './sub-workflows';

export type WorkflowJson = Pick<IWorkflowBase, 'nodes' | 'connections'> & Partial<IWorkflowBase>;

export interface RunOptions {
	/** Decrypted credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** 'trigger' is how a scheduled execution runs; 'manual' is a run started in the editor. */
	mode?: WorkflowExecuteMode;
	executionId?: string;
	/** Items the start node emits (a trigger's output). */
	triggerItems?: INodeExecutionData[];
	/** Workflow static data the run starts with; the run's changes are visible in the result. */
	staticData?: IDataObject;
	/** The node the run starts at, with `triggerItems`; n8n names it for webhook runs (a webhook node is no start node by type). */
	startNode?: string;
	/** The Data tables n8n's Data table node reads and writes (a stand-in for n8n's database); none: the node says the module is disabled. */
	dataTables?: InMemoryDataTables;
	/** Whether the workflow is active (n8n 1.x) or published (2.x), as `$workflow.active` tells; default false. */
	active?: boolean;
	/** Runs the workflows Execute Workflow nodes call (a stand-in for n8n's server); none: such a node fails. */
	subWorkflows?: SubWorkflowRunner;
}

export interface RunResult {
	run: IRun;
	executionId: string;
	status: IRun['status'];
	/** The execution's error, if it failed. */
	error: IRun['data']['resultData']['error'];
	/** Output items per node and output index, from the node's last run. */
	outputs: Record<string, INodeExecutionData[][]>;
	/** The first output of a node (most nodes have one). */
	items(nodeName: string, outputIndex?: number): INodeExecutionData[];
	nodeExecutionOrder: string[];
	staticData: IDataObject;
	/** How often the engine read (decrypted) each credential type during the run. */
	credentialReads: Record<string, number>;
}

/** n8n's Workflow object for exported workflow JSON, as n8n builds it for a run or an active workflow. */
export function workflowOf(workflowJson: WorkflowJson, nodeTypes: PackageNodeTypes, state: { active: boolean; staticData?: IDataObject }): Workflow {
	return new Workflow({
		id: workflowJson.id ?? 'test-workflow',
		name: workflowJson.name ?? 'Test workflow',
		nodes: structuredClone(workflowJson.nodes),
		connections: structuredClone(workflowJson.connections),
		nodeTypes,
		active: state.active,
		settings: workflowJson.settings ?? {},
		staticData: state.staticData,
	});
}

/**
 * Runs a workflow — JSON as the n8n editor exports it — through n8n-core's real WorkflowExecute,
 * with this package's nodes and credentials loaded from source.
 */
export async function runWorkflow(workflowJson: WorkflowJson, options: RunOptions = {}): Promise<RunResult> {
	const nodeTypes = new PackageNodeTypes();
	const credentialsHelper = new TestCredentialsHelper(options.credentials ?? {});
	const executionId = options.executionId ?? randomUUID();
	const mode = options.mode ?? 'trigger';
	const workflow = workflowOf(workflowJson, nodeTypes, { active: options.active ?? false, staticData: options.staticData ?? {} });

	const hooks = new ExecutionLifecycleHooks(mode, executionId, { ...workflowJson, id: workflow.id } as IWorkflowBase);
	const nodeExecutionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		nodeExecutionOrder.push(nodeName);
	});
	let resolveFinished: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveFinished(fullRunData));

	const additionalData = {
		hooks,
		credentialsHelper,
		executionId,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		executeWorkflow:
			options.subWorkflows?.executorFor(options) ??
			(async () => {
				throw new Error('Sub-workflows are not part of these tests');
			}),
		getRunExecutionData: async () => undefined,
		...(options.dataTables ? { 'data-table': options.dataTables.additionalData, dataTableProjectId: TEST_PROJECT_ID } : {}),
		startRunnerTask: async () => {
			throw new Error('Code runners are not part of these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const startNode = options.startNode ? workflow.getNode(options.startNode) : workflow.getStartNode();
	if (!startNode) throw new Error('The workflow has no start node');
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: startNode,
					data: { main: [options.triggerItems ?? [{ json: { timestamp: new Date().toISOString() } }]] },
					source: null,
				},
			],
		},
	});

	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	await workflowExecute.processRunExecutionData(workflow);
	const run = await finished;

	const outputs: Record<string, INodeExecutionData[][]> = {};
	for (const [nodeName, taskRuns] of Object.entries(run.data.resultData.runData) as Array<[string, ITaskData[]]>) {
		const last = taskRuns[taskRuns.length - 1];
		outputs[nodeName] = (last?.data?.main ?? []).map((items) => items ?? []);
	}
	return {
		run,
		executionId,
		status: run.status,
		error: run.data.resultData.error,
		outputs,
		items: (nodeName, outputIndex = 0) => outputs[nodeName]?.[outputIndex] ?? [],
		nodeExecutionOrder,
		staticData: workflow.staticData,
		credentialReads: { ...credentialsHelper.reads },
	};
}

/**
 * Runs a node's credential test the way n8n's credentials tester does for a credential with
 * `testedBy`: the node's `methods.credentialTest[name]` with n8n-core's CredentialTestContext.
 */
export async function testCredential(
	nodeTypeName: string,
	credentialType: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const nodeTypes = new PackageNodeTypes();
	const nodeType = nodeTypes.getByNameAndVersion(nodeTypeName);
	const credentialsHelper = new TestCredentialsHelper({ [credentialType]: data });
	const reference = nodeType.description.credentials?.find((c) => c.name === credentialType);
	const testedBy = reference?.testedBy;
	if (typeof testedBy !== 'string') throw new Error(`${nodeTypeName} does not test ${credentialType} by a function`);
	const testFunction = nodeType.methods?.credentialTest?.[testedBy] as ICredentialTestFunction | undefined;
	if (!testFunction) throw new Error(`${nodeTypeName} has no credentialTest.${testedBy}`);
	const decrypted = await credentialsHelper.getDecrypted(undefined, { id: 'test', name: 'Test' }, credentialType);
	const additionalData = { credentialsHelper } as unknown as IWorkflowExecuteAdditionalData;
	const context = new CredentialTestContext(additionalData);
	return await testFunction.call(context, { id: 'test', name: 'Test', type: credentialType, data: decrypted });
}

export function nodeOf(workflowJson: WorkflowJson, name: string): INode {
	const node = workflowJson.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`No node named ${name}`);
	return node;
}
