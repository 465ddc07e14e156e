import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

export const repoRoot = path.resolve(__dirname, '..', '..');

interface N8nSection {
	credentials: string[];
	nodes: string[];
}

/** The package's `n8n` section: the same list n8n reads when it loads the installed package. */
export function readN8nSection(): N8nSection {
	const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { n8n: N8nSection };
	return pkg.n8n;
}

/** Maps a built path from the `n8n` section (dist/x/Y.node.js) to its TypeScript source. */
export function sourcePathOf(distPath: string): string {
	const relative = distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
	return path.join(repoRoot, relative);
}

function loadClassInstance<T>(distPath: string): T {
	const sourcePath = sourcePathOf(distPath);
	const className = path.basename(sourcePath).split('.')[0];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const moduleExports = require(sourcePath) as Record<string, new () => T>;
	const Constructor = moduleExports[className];
	if (typeof Constructor !== 'function') {
		throw new Error(`${sourcePath} does not export a class named ${className}`);
	}
	return new Constructor();
}

/** Node types of this package keyed by their full type name, e.g. `n8n-nodes-extend-commerce.wooCommerceFetch`. */
export function loadPackageNodes(packageName = 'n8n-nodes-extend-commerce'): Map<string, INodeType> {
	const nodes = new Map<string, INodeType>();
	for (const distPath of readN8nSection().nodes) {
		const node = loadClassInstance<INodeType>(distPath);
		nodes.set(`${packageName}.${node.description.name}`, node);
	}
	return nodes;
}

export function loadPackageCredentials(): Map<string, ICredentialType> {
	const credentials = new Map<string, ICredentialType>();
	for (const distPath of readN8nSection().credentials) {
		const credential = loadClassInstance<ICredentialType>(distPath);
		credentials.set(credential.name, credential);
	}
	return credentials;
}
