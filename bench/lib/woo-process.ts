/** Starts bench/lib/woo-child.ts and talks to it. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { ApiKey, WooSandboxOptions } from '../../sandbox/woocommerce';
import type { ChildCpu } from './woo-child';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface WooProcess {
	httpUrl: string;
	httpsUrl: string;
	key: ApiKey;
	/** Seconds the child took to build the store and listen. */
	buildSeconds: number;
	pid: number;
	cpu(): Promise<ChildCpu>;
	/** Requests the store has answered so far, by route and by their orderby parameter. */
	requests(): Promise<{ total: number; byPath: Record<string, number>; byOrderby: Record<string, number> }>;
	/** Sets the store's change rate (changes per second from now on); answers the changes made so far. */
	churn(perSecond: number): Promise<{ changes: number }>;
	close(): Promise<void>;
}

/** Forks a TypeScript file of bench/ with tsx, from the repository root. */
export function forkTs(file: string, env: Record<string, string>, heapMb?: number): ChildProcess {
	const execArgv = ['--import', 'tsx'];
	if (heapMb) execArgv.push(`--max-old-space-size=${heapMb}`);
	// The benchmark (never shipped) runs sandboxes and capped runs in processes of their own, to
	// measure their CPU and peak memory apart from the client's: a fixed file of this repository.
	return fork(path.join(REPO_ROOT, file), [], { cwd: REPO_ROOT, execArgv, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

export async function startWooProcess(options: WooSandboxOptions, heapMb?: number): Promise<WooProcess> {
	const child = forkTs('bench/lib/woo-child.ts', { WOO_BENCH_OPTIONS: JSON.stringify(options) }, heapMb);
	const waiters: Array<{ type: string; resolve: (message: never) => void }> = [];
	let exited = false;
	const ready = new Promise<{ httpUrl: string; httpsUrl: string; key: ApiKey; buildSeconds: number }>((resolve, reject) => {
		child.once('exit', (code) => {
			exited = true;
			reject(new Error(`the sandbox process exited with ${code} before it was ready`));
		});
		child.on('message', (message: { type: string }) => {
			if (message.type === 'ready') {
				resolve(message as never);
				return;
			}
			const index = waiters.findIndex((waiter) => waiter.type === message.type);
			if (index >= 0) waiters.splice(index, 1)[0].resolve(message as never);
		});
	});
	const ask = <T>(type: string, extra: Record<string, unknown> = {}): Promise<T> =>
		new Promise<T>((resolve) => {
			waiters.push({ type, resolve: resolve as (message: never) => void });
			child.send({ type, ...extra });
		});
	const info = await ready;
	return {
		...info,
		pid: child.pid ?? 0,
		cpu: () => ask<ChildCpu>('cpu'),
		requests: () => ask<{ total: number; byPath: Record<string, number>; byOrderby: Record<string, number> }>('requests'),
		churn: (perSecond: number) => ask<{ changes: number }>('churn', { perSecond }),
		close: async () => {
			if (exited) return;
			await new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.send({ type: 'close' });
			});
		},
	};
}
