import { config } from '@n8n/node-cli/eslint';

// n8n's own community-node configuration governs everything that ships (credentials/, nodes/).
// Tools that never ship (tests, sandboxes, demo, benchmarks) run in plain Node, so the n8n Cloud
// restrictions on globals and imports do not apply to them; every other rule still does.
const toolingFiles = ['**/*.test.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'sandbox/**/*.ts', 'demo/**/*.ts', 'bench/**/*.ts', 'templates/**/*.ts'];

export default [
	...config,
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'jest.config.js', 'gulpfile.js'] },
	{
		files: toolingFiles,
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			// Tests and sandboxes are full of made-up keys by design.
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			// Benchmarks and tests start sandboxes in child processes.
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'no-console': 'off',
		},
	},
];
