// The n8n lines the workflow tests run under. Plain JavaScript because jest.config.js reads it.
//
// 2.41 is what the package is built against (the n8n-core / n8n-workflow / n8n-nodes-base dev
// dependencies). 1.123 is n8n 1.123.81's own trio, installed under -v1 aliases. Jest's
// moduleNameMapper also applies to require() calls inside node_modules, so mapping the bare names
// makes the test code, this package's nodes, n8n-core and n8n-nodes-base all share ONE n8n-workflow
// (n8n-core's `instanceof NodeApiError` checks depend on that) and one @n8n/di container.
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const modules = path.join(root, 'node_modules');

/** @param {string} name @param {string} target */
function mapPackage(name, target) {
	const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	return { [`^${escaped}(/.*)?$`]: `${target}$1` };
}

/** n8n 1.123's scoped helpers (@n8n/di, @n8n/config, …) as n8n-core 1.x pins them. */
function v1ScopedPackages() {
	const scoped = path.join(modules, 'n8n-core-v1', 'node_modules', '@n8n');
	if (!existsSync(scoped)) return {};
	return Object.assign({}, ...readdirSync(scoped).map((name) => mapPackage(`@n8n/${name}`, path.join(scoped, name))));
}

const lines = {
	'2.41': { key: '2.41', label: 'n8n 2.41', moduleNameMapper: {} },
	'1.123': {
		key: '1.123',
		label: 'n8n 1.123',
		moduleNameMapper: {
			...mapPackage('n8n-workflow', path.join(modules, 'n8n-workflow-v1')),
			...mapPackage('n8n-core', path.join(modules, 'n8n-core-v1')),
			...mapPackage('n8n-nodes-base', path.join(modules, 'n8n-nodes-base-v1')),
			...v1ScopedPackages(),
		},
	},
};

module.exports = { lines };
