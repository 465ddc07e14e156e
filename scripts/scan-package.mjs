#!/usr/bin/env node
// Runs n8n's own scanner (@n8n/scan-community-package, the gate of n8n's verification) on this
// checkout and on the tarball `npm pack` makes. The scanner's command line first needs the package
// on the npm registry with a provenance statement; the two lint legs it runs after that are its
// `analyzePackage`, which we call directly with the same file patterns, so a violation shows up
// here before a release instead of in n8n's review. Needs `npm run build` first (the tarball is dist/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The scanner's tarball leg: compiled JavaScript and the published package.json.
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function packTarball(into) {
	const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', into], {
		cwd: root,
		encoding: 'utf8',
	});
	const [{ filename, files }] = JSON.parse(output);
	execFileSync('tar', ['-xzf', path.join(into, filename), '-C', into]);
	return { dir: path.join(into, 'package'), files: files.map((file) => file.path) };
}

function countShippedSources() {
	const shipped = ['nodes', 'credentials'].flatMap((folder) =>
		readdirSync(path.join(root, folder), { recursive: true }).filter((file) => /\.(js|ts|json)$/.test(file)),
	);
	return shipped.length;
}

function report(label, result) {
	if (result.passed && result.message === 'No files found to analyze') {
		// The scanner passes an empty folder; for us that means the leg looked in the wrong place.
		console.error(`✗ ${label}: no files to scan`);
		return false;
	}
	if (result.passed) {
		console.log(`✓ ${label}: no violations`);
		return true;
	}
	console.error(`✗ ${label}: ${result.message}`);
	if (result.details) console.error(result.details);
	return false;
}

const workDir = mkdtempSync(path.join(tmpdir(), 'n8n-scan-'));
try {
	const sourceLabel = `source: package.json and ${countShippedSources()} files under nodes/ and credentials/`;
	const sourceOk = report(sourceLabel, await analyzePackage(root, SOURCE_FILE_PATTERNS));
	const tarball = packTarball(workDir);
	const compiled = tarball.files.filter((file) => file.endsWith('.js')).length;
	// Without dist/ the tarball holds only package.json and the leg would pass on nothing.
	const tarballOk =
		compiled > 0
			? report(`packed tarball: package.json and ${compiled} .js files`, await analyzePackage(tarball.dir, TARBALL_FILE_PATTERNS))
			: report('packed tarball', { passed: false, message: 'it holds no compiled nodes: run `npm run build` first' });
	if (!sourceOk || !tarballOk) process.exitCode = 1;
} finally {
	rmSync(workDir, { recursive: true, force: true });
}
