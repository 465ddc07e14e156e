#!/usr/bin/env node
// Checks what `npm pack` would publish: only dist/, README, LICENSE and package.json, every
// path in the n8n section present, and the package rules of verified community nodes.
const { execFileSync } = require('node:child_process');
const pkg = require('../package.json');

const problems = [];
const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
const files = JSON.parse(output)[0].files.map((file) => file.path);
const allowed = (path) => path.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE'].includes(path);
for (const file of files.filter((path) => !allowed(path))) problems.push(`npm pack would publish ${file}`);
for (const path of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	if (!files.includes(path)) problems.push(`n8n section lists ${path}, which is not in the package`);
}
for (const required of ['README.md', 'LICENSE', 'package.json']) {
	if (!files.includes(required)) problems.push(`${required} is missing from the package`);
}
if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0) problems.push('package.json has runtime dependencies');
if (!pkg.peerDependencies || pkg.peerDependencies['n8n-workflow'] !== '*') problems.push('peerDependencies must be exactly { "n8n-workflow": "*" }');
if (!pkg.n8n || pkg.n8n.strict !== true) problems.push('n8n.strict must be true');
if (!pkg.keywords.includes('n8n-community-node-package')) problems.push('keyword n8n-community-node-package is missing');
for (const script of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) {
	if (pkg.scripts && pkg.scripts[script]) problems.push(`lifecycle script "${script}" is not allowed`);
}
if (problems.length > 0) {
	console.error(problems.map((problem) => `- ${problem}`).join('\n'));
	process.exit(1);
}
console.log(`package ok: ${files.length} files, ${pkg.n8n.nodes.length} nodes, ${pkg.n8n.credentials.length} credentials`);
