import { config } from '@n8n/node-cli/eslint';

// The root eslint.config.mjs must stay n8n's default, word for word: in strict mode `n8n-node lint`
// refuses any other, and n8n Cloud verification asks for strict mode. That default applies n8n
// Cloud's rules to every TypeScript file. Tools that never ship (tests, sandboxes, demo, benchmarks,
// the verify-in-n8n drivers) run in plain Node, so each of their folders has an eslint.config.mjs
// that re-exports this one: the same rules, minus the Cloud restrictions on globals and imports.
// ESLint reads those folder configs with its `unstable_config_lookup_from_file` flag, which
// `npm run lint` sets (it is ESLint 10's default behaviour).
export default [
	...config,
	{
		files: ['**/*.ts'],
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
