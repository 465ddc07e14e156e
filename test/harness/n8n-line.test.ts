import { UnrecognizedNodeTypeError } from 'n8n-core';
import { UserError } from 'n8n-workflow';

import { currentN8nLine } from './n8n-line';

// Jest runs this file once per n8n line; each project names its line in its globals (jest.config.js).
const expectedLine = (globalThis as { N8N_TEST_LINE?: string }).N8N_TEST_LINE;

describe('the n8n line the engine tests run under', () => {
	it('is the n8n-core / n8n-workflow / n8n-nodes-base trio of the line this Jest project names', () => {
		const line = currentN8nLine();
		expect(line.label).toBe(expectedLine);
		if (expectedLine === '1.123') {
			// What n8n 1.123.81 ships.
			expect(line).toMatchObject({ core: '1.122.48', workflow: '1.120.31', nodesBase: '1.121.53' });
		} else {
			expect(line.core).toMatch(/^2\.41\./);
			expect(line.workflow).toMatch(/^2\.41\./);
			expect(line.nodesBase).toMatch(/^2\.41\./);
		}
	});

	it('gives n8n-core and the tests the same n8n-workflow module (n8n-core\'s instanceof checks depend on it)', () => {
		// n8n-core's own errors are instances of the classes the package nodes and the tests import; with a
		// second copy of n8n-workflow (n8n-core 1.x has its own nested one) this would be false.
		expect(new UnrecognizedNodeTypeError('n8n-nodes-extend-commerce', 'nope')).toBeInstanceOf(UserError);
	});
});
