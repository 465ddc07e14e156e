import type { INodeProperties } from 'n8n-workflow';

/** The hand-over from the fetch node and the cursor this node hands on (orders and products). */
export function syncProperties(resources: string[], operations?: string[]): INodeProperties[] {
	const only = operations ? { operation: operations } : {};
	return [
		{
			displayName: 'Next Cursor',
			name: 'cursorMode',
			type: 'options',
			default: 'syncWindow',
			displayOptions: { show: { resource: resources, ...only } },
			options: [
				{
					name: 'From the Sync Window',
					value: 'syncWindow',
					description: 'Once every record was created, updated, skipped or rejected, output where the next run starts on "Next Cursor"',
				},
				{ name: 'Don\'t Save a Cursor', value: 'none', description: 'For workflows without a WooCommerce Fetch node: "Next Cursor" stays empty' },
			],
			description:
				'Whether this run hands on the next sync cursor. A failed run hands on nothing, and neither does a fetch with a Limit. Runs started in the editor hand it on like scheduled runs.',
		},
		{
			displayName: 'Sync Window',
			name: 'syncWindow',
			type: 'json',
			default: '',
			placeholder: 'Empty: the WooCommerce Fetch node before this one',
			displayOptions: { show: { resource: resources, ...only, cursorMode: ['syncWindow'] } },
			description:
				'The window the fetch node read (its second output, "Window"). Leave it empty: this node finds the WooCommerce Fetch node its input comes from, whatever it is called. Fill it only when several fetch nodes come before this one.',
		},
	];
}

/** Request settings shared by both resources. */
export function requestOptions(): INodeProperties[] {
	return [
		{
			displayName: 'Requests in Flight',
			name: 'concurrency',
			type: 'number',
			default: 4,
			typeOptions: { minValue: 1, maxValue: 16 },
			description:
				'How many requests are sent to Extend Commerce at the same time. Requests also slow down when Extend says its rate limit is near (how Extend says so is partly assumed, see the README).',
		},
		{
			displayName: 'Retries',
			name: 'retries',
			type: 'number',
			default: 6,
			typeOptions: { minValue: 0, maxValue: 10 },
			description: 'How often a request is tried again after "too many requests" (429), a server error (5xx) or a timeout',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: 60,
			typeOptions: { minValue: 1 },
			description: 'How long to wait for one answer of Extend Commerce before trying again',
		},
	];
}
