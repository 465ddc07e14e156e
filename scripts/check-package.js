#!/usr/bin/env node
// Checks what `npm pack` would publish: only dist/, README, LICENSE and package.json, every
// path in the n8n section present, and what n8n checks in package.json for a verified community
// package: name, keyword, the n8n section, no runtime dependencies, n8n-workflow as the only peer,
// and where the package comes from (repository, homepage, bugs, author) for its source verification.
const { execFileSync } = require('node:child_process');
const pkg = require('../package.json');

const problems = [];
const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
const files = JSON.parse(output)[0].files.map((file) => file.path);
// Only what `npm run build` makes: `n8n-node dev` or a plain `tsc` compile the tests, sandboxes and
// their node_modules' images into dist/ as well, and those must never ship.
const builtFolders = ['dist/nodes/', 'dist/credentials/', 'dist/icons/'];
const allowed = (path) => builtFolders.some((folder) => path.startsWith(folder)) || ['package.json', 'README.md', 'LICENSE'].includes(path);
for (const file of files.filter((path) => !allowed(path))) problems.push(`npm pack would publish ${file}`);
for (const path of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	if (!files.includes(path)) problems.push(`n8n section lists ${path}, which is not in the package`);
}
for (const required of ['README.md', 'LICENSE', 'package.json']) {
	if (!files.includes(required)) problems.push(`${required} is missing from the package`);
}
for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
	if (pkg[field] && Object.keys(pkg[field]).length > 0) problems.push(`package.json has runtime dependencies (${field}); n8n Cloud installs none`);
}
if (JSON.stringify(pkg.peerDependencies) !== JSON.stringify({ 'n8n-workflow': '*' })) problems.push('peerDependencies must be exactly { "n8n-workflow": "*" }');
if (!pkg.n8n || pkg.n8n.strict !== true) problems.push('n8n.strict must be true (n8n-node lint in strict mode, as n8n Cloud verification asks)');
if (!pkg.n8n || pkg.n8n.n8nNodesApiVersion !== 1) problems.push('n8n.n8nNodesApiVersion must be 1');
if (!/^(@[a-z0-9-~][a-z0-9-._~]*\/)?n8n-nodes-/.test(pkg.name)) problems.push(`name ${pkg.name} must start with n8n-nodes- (or @scope/n8n-nodes-)`);
if (!pkg.keywords || !pkg.keywords.includes('n8n-community-node-package')) problems.push('keyword n8n-community-node-package is missing');
if (JSON.stringify(pkg.files) !== JSON.stringify(['dist'])) problems.push('files must be exactly ["dist"]');
if (!pkg.license) problems.push('license is missing');
if (!pkg.description) problems.push('description is missing');
// n8n verifies the source: the npm package's repository must be the public GitHub repository it
// was built from (the provenance statement names it too), and the author must be named.
const github = /^git\+https:\/\/github\.com\/([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)\.git$/.exec(pkg.repository?.url ?? '');
if (!github || pkg.repository.type !== 'git') problems.push('repository must be { "type": "git", "url": "git+https://github.com/OWNER/NAME.git" }');
const repoPage = github ? `https://github.com/${github[1]}` : undefined;
if (!repoPage || !(pkg.homepage ?? '').startsWith(repoPage)) problems.push(`homepage must be the repository's page (${repoPage ?? 'https://github.com/OWNER/NAME'}#readme)`);
if (!repoPage || pkg.bugs?.url !== `${repoPage}/issues`) problems.push(`bugs.url must be ${repoPage ?? 'https://github.com/OWNER/NAME'}/issues`);
if (!pkg.author?.name || !pkg.author?.email) problems.push('author must have a name and an email');
// A publish from a laptop fails instead of shipping a version without a provenance statement.
if (pkg.publishConfig?.provenance !== true) problems.push('publishConfig.provenance must be true: n8n accepts only versions published with provenance');
for (const script of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) {
	if (pkg.scripts && pkg.scripts[script]) problems.push(`lifecycle script "${script}" is not allowed`);
}
if (problems.length > 0) {
	console.error(problems.map((problem) => `- ${problem}`).join('\n'));
	process.exit(1);
}
console.log(`package ok: ${files.length} files, ${pkg.n8n.nodes.length} nodes, ${pkg.n8n.credentials.length} credentials`);
