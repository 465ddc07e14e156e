/**
 * Which n8n line the engine tests run under. jest.config.js runs test/workflows, test/harness and
 * test/package once per line (see n8n-lines.js); here the harness reads back what was really
 * loaded, so a test can prove the matrix is not running the same n8n twice.
 */
export interface N8nLine {
	/** The n8n-core release WorkflowExecute comes from, e.g. 2.41.1 or 1.122.48. */
	core: string;
	/** The n8n-workflow release the nodes, n8n-core and the tests share. */
	workflow: string;
	/** The n8n-nodes-base release n8n's own nodes (Data table) come from. */
	nodesBase: string;
	/** The n8n release line these belong to: '2.41' or '1.123'. */
	label: '2.41' | '1.123';
}

function versionOf(packageName: string): string {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require(`${packageName}/package.json`) as { version: string }).version;
}

export function currentN8nLine(): N8nLine {
	const core = versionOf('n8n-core');
	return { core, workflow: versionOf('n8n-workflow'), nodesBase: versionOf('n8n-nodes-base'), label: core.startsWith('1.') ? '1.123' : '2.41' };
}

interface ShutsDown {
	onShutdown(): void;
}

/**
 * n8n-core 1.x creates its SSH tunnel manager with every node execution context, and that manager
 * starts a one-minute cleanup interval that is not unref'd (2.x unrefs it): in n8n the process
 * runs for good, in a test file it keeps Jest from exiting. This stops it, as n8n does on shutdown.
 */
export function releaseEngineResources(): void {
	if (currentN8nLine().label !== '1.123') return;
	// On the 1.123 line both names map to n8n-core 1.x's own copies (n8n-lines.js).
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { Container } = require('@n8n/di') as typeof import('@n8n/di');
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager') as { SSHClientsManager: Parameters<typeof Container.get>[0] };
	/* eslint-enable @typescript-eslint/no-require-imports */
	if (Container.has(SSHClientsManager)) (Container.get(SSHClientsManager) as ShutsDown).onShutdown();
}
