import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { PackageNodeTypes } from './node-types';
import { runWorkflow, workflowOf, type RunResult, type WorkflowJson } from './run-workflow';

export interface WebhookCall {
	status: number;
	body: string;
	/** Whether the call started an execution. */
	started: boolean;
	/** 0 when the answer was dropped (see ServeOptions.loseAnswers). */
}

export interface ServedWebhook {
	/** The address to give the sender (the sandbox back office's webhook Callback URL). */
	url: string;
	calls: WebhookCall[];
	/** Executions the calls started, in order; each settles when its run has finished. */
	runs: Array<Promise<RunResult>>;
	/** Waits until `count` executions were started and all of them finished. */
	settled(count: number, timeoutMs?: number): Promise<RunResult[]>;
	close(): Promise<void>;
}

export interface ServeOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The webhook node's name; the workflow's only node with a `webhook` method by default. */
	webhookNode?: string;
	/** 'webhook' is a production call; 'manual' a call to the test URL while the editor listens. */
	mode?: WorkflowExecuteMode;
	/** Handle this many calls fully but drop their answer (the connection closes): a lost answer, which makes the sender retry. */
	loseAnswers?: number;
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

/**
 * What n8n's webhook server does for a live webhook, on 127.0.0.1: read the raw body, parse
 * JSON, call the node's `webhook()` through n8n-core's real WebhookContext, and — when it hands
 * back workflowData — start the execution at that node with that data through WorkflowExecute
 * (see run-workflow.ts), answering as the node's responseMode says: "onReceived" 200 at once,
 * "lastNode" when the run has finished (500 "Error in workflow" when it failed).
 */
export async function serveWebhook(workflowJson: WorkflowJson, options: ServeOptions = {}): Promise<ServedWebhook> {
	const nodeTypes = new PackageNodeTypes();
	const mode = options.mode ?? 'webhook';
	const node: INode =
		workflowJson.nodes.find((candidate) => (options.webhookNode ? candidate.name === options.webhookNode : nodeTypes.getByNameAndVersion(candidate.type, candidate.typeVersion).webhook !== undefined)) ??
		(() => {
			throw new Error('The workflow has no webhook node');
		})();
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const description = nodeType.description.webhooks?.[0] as IWebhookDescription;
	// One Workflow object for all calls, like an active workflow in n8n: its static data lives as long as the server.
	const workflow = workflowOf(workflowJson, nodeTypes, { active: true });
	const calls: WebhookCall[] = [];
	const runs: Array<Promise<RunResult>> = [];
	let answersToLose = options.loseAnswers ?? 0;
	let runStarted: () => void = () => {};

	const server = http.createServer((request, response) => {
		void (async () => {
			const raw = await readBody(request);
			const incoming = request as http.IncomingMessage & IDataObject;
			incoming.rawBody = raw;
			incoming._body = true;
			incoming.readRawBody = async () => {};
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			incoming.query = Object.fromEntries(url.searchParams);
			incoming.params = {};
			try {
				incoming.body = raw.length > 0 && /json/i.test(request.headers['content-type'] ?? '') ? (JSON.parse(raw.toString("utf8")) as IDataObject) : {};
			} catch {
				response.writeHead(400, { 'Content-Type': 'application/json' });
				response.end(JSON.stringify({ message: 'Failed to parse request body' }));
				calls.push({ status: 400, body: '', started: false });
				return;
			}
			const additionalData = {
				credentialsHelper: new TestCredentialsHelper(options.credentials ?? {}),
				httpRequest: incoming,
				httpResponse: response,
				webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
				webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
				instanceBaseUrl: 'http://127.0.0.1:5678/',
				restApiUrl: 'http://127.0.0.1:5678/rest',
				variables: {},
			} as unknown as IWorkflowExecuteAdditionalData;
			const webhookData: IWebhookData = {
				httpMethod: 'POST',
				node: node.name,
				path: String(description.path),
				webhookDescription: description,
				workflowId: String(workflow.id),
				workflowExecuteAdditionalData: additionalData,
				webhookId: node.webhookId,
				isTest: mode === 'manual',
			};
			const context = new WebhookContext(workflow, workflow.getNode(node.name) as INode, additionalData, mode, webhookData, [], null);
			let result: IWebhookResponseData;
			try {
				result = await (nodeType.webhook as (this: WebhookContext) => Promise<IWebhookResponseData>).call(context);
			} catch (error) {
				response.writeHead(500, { 'Content-Type': 'application/json' });
				response.end(JSON.stringify({ message: (error as Error).message }));
				calls.push({ status: 500, body: '', started: false });
				return;
			}
			if (result.noWebhookResponse) {
				calls.push({ status: response.statusCode, body: '', started: false });
				return;
			}
			if (result.workflowData) {
				const run = runWorkflow(workflowJson, { credentials: options.credentials, mode, startNode: node.name, triggerItems: result.workflowData[0] ?? [] });
				runs.push(run);
				runStarted();
				// responseMode "lastNode": n8n answers when the run has finished — 500 {"message":"Error in workflow"}
				// when it failed (packages/cli webhook-helpers, the same on 1.x and 2.x), else per responseData.
				const waitsForRun = description.responseMode === 'lastNode';
				const finished = waitsForRun ? await run : undefined;
				if (answersToLose > 0) {
					answersToLose -= 1;
					calls.push({ status: 0, body: '', started: true });
					request.socket.destroy();
					return;
				}
				if (finished?.status === 'error') {
					const failedBody = JSON.stringify({ message: 'Error in workflow' });
					response.writeHead(500, { 'Content-Type': 'application/json' });
					response.end(failedBody);
					calls.push({ status: 500, body: failedBody, started: true });
					return;
				}
				const body = waitsForRun && description.responseData === 'noData' ? '' : JSON.stringify(finished ? (finished.outputs[finished.nodeExecutionOrder.at(-1) ?? '']?.[0]?.[0]?.json ?? {}) : { message: 'Workflow was started' });
				response.writeHead(200, { 'Content-Type': 'application/json' });
				response.end(body);
				calls.push({ status: 200, body, started: true });
				return;
			}
			const body = JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' });
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(body);
			calls.push({ status: 200, body, started: false });
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;

	return {
		url: `http://127.0.0.1:${port}/webhook/${node.webhookId ?? 'test'}/${String(description.path)}`,
		calls,
		runs,
		async settled(count, timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs;
			while (runs.length < count) {
				if (Date.now() > deadline) throw new Error(`Only ${runs.length} of ${count} executions were started`);
				await new Promise<void>((resolve) => {
					runStarted = resolve;
					setTimeout(resolve, 50);
				});
			}
			return await Promise.all(runs);
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
