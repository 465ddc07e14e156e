#!/usr/bin/env node
// Installs the second n8n line of the workflow tests (test/n8n-1.123: n8n 1.123.81's n8n-core,
// n8n-workflow and n8n-nodes-base) from its own lock file, unless that exact lock is installed
// already. `npm test` runs it first (not as a pretest hook: .npmrc sets ignore-scripts), so a clean clone needs nothing but `npm ci && npm test`.
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const lineDir = path.join(__dirname, '..', 'test', 'n8n-1.123');
const stamp = path.join(lineDir, 'node_modules', '.installed-lock-sha256');
const lockHash = createHash('sha256').update(readFileSync(path.join(lineDir, 'package-lock.json'))).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockHash) process.exit(0);

console.log('Installing the n8n 1.123 test line into test/n8n-1.123 (once per lock file)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: lineDir, stdio: 'inherit' });
writeFileSync(stamp, `${lockHash}\n`);
