const { lines } = require('./test/harness/n8n-lines');

/** Tests that run nodes through n8n-core: they run once per n8n line (see test/harness/n8n-lines.js). */
const engineTests = ['<rootDir>/test/workflows/', '<rootDir>/test/harness/', '<rootDir>/test/package/'];

const common = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	rootDir: __dirname,
	roots: ['<rootDir>'],
	testPathIgnorePatterns: ['/node_modules/', '/dist/'],
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

function engineProject(line) {
	return {
		...common,
		displayName: line.label,
		testMatch: engineTests.map((dir) => `${dir}**/*.test.ts`),
		moduleNameMapper: line.moduleNameMapper,
		// The line a test file runs under, for test/harness/n8n-line.test.ts to check against what loaded.
		globals: { N8N_TEST_LINE: line.key },
		setupFilesAfterEnv: ['<rootDir>/test/harness/engine-setup.ts'],
	};
}

/** @type {import('jest').Config} */
module.exports = {
	testTimeout: 60000,
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: [...common.testPathIgnorePatterns, ...engineTests] },
		engineProject(lines['2.41']),
		engineProject(lines['1.123']),
	],
};
