// The n8n lines the workflow tests run under. Plain JavaScript because jest.config.js reads it.
//
// 2.41 is what the package is built against (the n8n-core / n8n-workflow / n8n-nodes-base dev
// dependencies). 1.123 is n8n 1.123.81's own trio, installed in a project of its own
// (test/n8n-1.123, by scripts/install-test-lines.js before the tests): n8n-nodes-base 1.x wants
// xlsx from a CDN this registry-only machine cannot reach, so that project overrides it, and n8n's
// lint forbids `overrides` in the package's own package.json. Jest's
// moduleNameMapper also applies to require() calls inside node_modules, so mapping the bare names
// makes the test code, this package's nodes, n8n-core and n8n-nodes-base all share ONE n8n-workflow
// (n8n-core's `instanceof NodeApiError` checks depend on that) and one @n8n/di container.
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const v1Modules = path.join(root, 'test', 'n8n-1.123', 'node_modules');

/** @param {string} name @param {string} target */
function mapPackage(name, target) {
	const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	return { [`^${escaped}(/.*)?$`]: `${target}$1` };
}

/** n8n 1.123's scoped helpers (@n8n/di, @n8n/config, …) as n8n-core 1.x pins them. */
function v1ScopedPackages() {
	const scoped = path.join(v1Modules, '@n8n');
	if (!existsSync(scoped)) return {};
	return Object.assign({}, ...readdirSync(scoped).map((name) => mapPackage(`@n8n/${name}`, path.join(scoped, name))));
}

const lines = {
	'2.41': { key: '2.41', label: 'n8n 2.41', moduleNameMapper: {} },
	'1.123': {
		key: '1.123',
		label: 'n8n 1.123',
		moduleNameMapper: {
			...mapPackage('n8n-workflow', path.join(v1Modules, 'n8n-workflow')),
			...mapPackage('n8n-core', path.join(v1Modules, 'n8n-core')),
			...mapPackage('n8n-nodes-base', path.join(v1Modules, 'n8n-nodes-base')),
			...v1ScopedPackages(),
		},
	},
};

module.exports = { lines };
