import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';

import { repoRoot } from '../harness/package-loader';

/**
 * Builds the package, packs it as npm would publish it, unpacks the tarball the way n8n installs a
 * community package, and loads it with n8n-core's own PackageDirectoryLoader.
 */
describe('the published package', () => {
	let workDir: string;
	let packageDir: string;
	let packedFiles: string[];

	beforeAll(() => {
		execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'pipe' });
		workDir = mkdtempSync(path.join(tmpdir(), 'ec-pack-'));
		const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], { cwd: repoRoot, encoding: 'utf8' })) as Array<{ filename: string; files: Array<{ path: string }> }>;
		packedFiles = packed[0].files.map((file) => file.path);
		execFileSync('tar', ['-xzf', path.join(workDir, packed[0].filename), '-C', workDir]);
		// Laid out as in n8n's user folder (~/.n8n/nodes/node_modules), where n8n provides the peer n8n-workflow.
		const modules = path.join(workDir, 'nodes', 'node_modules');
		mkdirSync(modules, { recursive: true });
		packageDir = path.join(modules, 'n8n-nodes-extend-commerce');
		renameSync(path.join(workDir, 'package'), packageDir);
		symlinkSync(path.join(repoRoot, 'node_modules', 'n8n-workflow'), path.join(modules, 'n8n-workflow'), 'dir');
	}, 120_000);

	afterAll(() => rmSync(workDir, { recursive: true, force: true }));

	it('contains only dist/, README, LICENSE and package.json', () => {
		expect(packedFiles.filter((file) => !file.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(file))).toEqual([]);
		expect(packedFiles).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
	});

	it('has every file its n8n section and its icons name', () => {
		const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(existsSync(path.join(packageDir, file))).toBe(true);
		for (const icon of ['woocommerce.svg', 'woocommerce.dark.svg', 'extendCommerce.svg', 'extendCommerce.dark.svg']) {
			expect(existsSync(path.join(packageDir, 'dist', 'icons', icon))).toBe(true);
		}
	});

	it('loads in n8n\'s package loader with every node and credential, codex and icons', async () => {
		const loader = new PackageDirectoryLoader(packageDir);
		await loader.loadAll();
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(['extendCommercePush', 'extendCommerceTrigger', 'wooCommerceFetch', 'wooCommerceUpdate']);
		expect(Object.keys(loader.credentialTypes).sort()).toEqual(['extendCommerceApi', 'extendCommerceConnectionApi', 'extendCommerceOAuth2Api', 'extendCommerceWebhookApi']);
		const fetchNode = loader.types.nodes.find((node) => node.name === 'wooCommerceFetch');
		expect(fetchNode?.codex?.categories).toEqual(expect.arrayContaining(['Sales']));
		expect(fetchNode?.iconUrl).toEqual({ light: 'icons/n8n-nodes-extend-commerce/dist/icons/woocommerce.svg', dark: 'icons/n8n-nodes-extend-commerce/dist/icons/woocommerce.dark.svg' });
		for (const credential of loader.types.credentials) {
			expect(credential.properties.length).toBeGreaterThan(0);
		}
		expect(loader.types.credentials.map((credential) => [credential.name, credential.iconUrl])).toEqual(
			expect.arrayContaining([['extendCommerceApi', { light: 'icons/n8n-nodes-extend-commerce/dist/icons/extendCommerce.svg', dark: 'icons/n8n-nodes-extend-commerce/dist/icons/extendCommerce.dark.svg' }]]),
		);
	});

	it('needs nothing at runtime but n8n-workflow and Node built-ins', () => {
		const required = new Set<string>();
		const walk = (dir: string) => {
			for (const entry of execFileSync('find', [dir, '-name', '*.js'], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
				for (const match of readFileSync(entry, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) required.add(match[1].split('/')[0]);
			}
		};
		walk(path.join(packageDir, 'dist'));
		expect([...required].sort()).toEqual(['crypto', 'n8n-workflow']);
	});
});
