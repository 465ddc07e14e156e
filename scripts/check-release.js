#!/usr/bin/env node
// Checks a release tag before anything is published: the tag names package.json's version
// (v1.2.3 for 1.2.3) and CHANGELOG.md has a dated entry for that version. The publish workflow runs
// it on the pushed tag; run it yourself before tagging: `node scripts/check-release.js v1.2.3`.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const tag = process.argv[2];
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');

const problems = [];
if (!tag) problems.push('Name the tag to check, e.g. `node scripts/check-release.js v' + version + '`.');
else if (tag !== `v${version}`) problems.push(`Tag ${tag} does not match package.json's version ${version}: tag v${version}, or set "version" to ${tag.replace(/^v/, '')} first.`);
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) problems.push(`package.json's version ${version} is not a release version like 1.2.3.`);
const escaped = version.replace(/[.+-]/g, '\\$&');
if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog)) {
	problems.push(`CHANGELOG.md has no entry "## [${version}] - YYYY-MM-DD": move the Unreleased notes under that heading.`);
}
if (problems.length > 0) {
	console.error(problems.map((problem) => `- ${problem}`).join('\n'));
	process.exit(1);
}
console.log(`release ${tag} ok: package.json ${version}, CHANGELOG.md has its entry`);
