import { randomUUID } from 'node:crypto';
import type { ExecuteWorkflowData, IExecuteWorkflowInfo, INodeExecutionData, WorkflowExecuteMode } from 'n8n-workflow';

import { currentN8nLine } from './n8n-line';
import { runWorkflow, type RunOptions, type RunResult, type WorkflowJson } from './run-workflow';

/**
 * STAND-IN, tests only: n8n's server, not n8n-core, runs the workflow an Execute Workflow node calls
 * (packages/cli, `executeWorkflow` in workflow-execute-additional-data.ts of n8n 1.123.81 and
 * 2.41.1). This in-process one follows it where the templates depend on it:
 * - a called workflow is loaded by its ID from the workflows saved here ("the database");
 * - it runs as an execution of its own, with a new ID, in mode `integrated`, starting at its
 *   *When Executed by Another Workflow* node with the items it was given;
 * - with *Wait For Sub-Workflow Completion* off, the caller gets the new execution's ID at once
 *   (`data: [null]`) and finishes while the sub-execution runs on;
 * - n8n 2.x runs the published version of the called workflow unless the caller is an editor
 *   (manual) run: an unpublished one is refused with n8n's message; n8n 1.123 runs what is saved.
 * Everything else (credentials, Data tables) is the caller's, as one n8n instance shares them.
 */
export interface SubExecution {
	executionId: string;
	parentExecutionId: string;
	/** The execution's result once it finished. */
	result?: RunResult;
}

/** What runs the workflows an Execute Workflow node calls: n8n-core's `additionalData.executeWorkflow` for a run with these options. */
export interface SubWorkflowRunner {
	executorFor(callerOptions: RunOptions): (info: IExecuteWorkflowInfo, additionalData: unknown, options: ExecuteOptions) => Promise<ExecuteWorkflowData>;
}

interface SavedWorkflow {
	workflow: WorkflowJson;
	active: boolean;
}

const SUB_WORKFLOW_TRIGGER = 'n8n-nodes-base.executeWorkflowTrigger';

export class InProcessSubWorkflows implements SubWorkflowRunner {
	private readonly saved = new Map<string, SavedWorkflow>();
	private readonly running = new Set<Promise<void>>();
	/** Every sub-execution started, in the order they started. */
	readonly executions: SubExecution[] = [];

	/** `onStart` is called with each sub-execution's index before it runs (a test changing the world between executions). */
	constructor(private readonly hooks: { onStart?: (index: number) => void } = {}) {}

	/** Saves a workflow as n8n's database holds it, published (active) or not. */
	save(workflow: WorkflowJson, state: { active: boolean }): void {
		if (!workflow.id) throw new Error('a saved workflow has an ID');
		this.saved.set(String(workflow.id), { workflow: structuredClone(workflow), active: state.active });
	}

	/** Waits until every sub-execution, including those started by sub-executions, has finished. */
	async settled(): Promise<SubExecution[]> {
		while (this.running.size > 0) await Promise.all([...this.running]);
		return this.executions;
	}

	executorFor(callerOptions: RunOptions): ReturnType<SubWorkflowRunner['executorFor']> {
		return async (info, _additionalData, options) => {
			const saved = info.id === undefined ? undefined : this.saved.get(String(info.id));
			if (!saved) throw new Error('Workflow does not exist.');
			const editorRun = options.executionMode === 'manual' || options.executionMode === 'chat';
			if (currentN8nLine().label === '2.41' && !saved.active && !editorRun) throw new Error('Workflow is not active and cannot be executed.');
			const start = saved.workflow.nodes.find((node) => node.type === SUB_WORKFLOW_TRIGGER && !node.disabled);
			if (!start) throw new Error('Missing node to start execution');
			if (!options.doNotWaitToFinish) throw new Error('Waiting for a sub-workflow is not part of this stand-in');
			const execution: SubExecution = { executionId: randomUUID(), parentExecutionId: String(options.parentExecution?.executionId ?? '') };
			this.executions.push(execution);
			this.hooks.onStart?.(this.executions.length - 1);
			const run = runWorkflow(saved.workflow, {
				...callerOptions,
				mode: 'integrated',
				executionId: execution.executionId,
				startNode: start.name,
				triggerItems: options.inputData ?? [{ json: {} }],
				active: saved.active,
			}).then((result) => {
				execution.result = result;
			});
			const tracked = run.finally(() => this.running.delete(tracked));
			this.running.add(tracked);
			return { executionId: execution.executionId, data: [null] };
		};
	}
}

export interface ExecuteOptions {
	inputData?: INodeExecutionData[];
	doNotWaitToFinish?: boolean;
	executionMode?: WorkflowExecuteMode;
	parentExecution?: { executionId?: string };
}
