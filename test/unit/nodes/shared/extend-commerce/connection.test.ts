import { connectionFrom } from '../../../../../nodes/shared/extend-commerce/connection';

const complete = { connectionName: 'Demo Shop', apiUrl: 'https://shop.example.com', orderStart: '2025-01-01T00:00:00Z' };

function fixOf(credentials: Record<string, string>): string {
	try {
		connectionFrom(credentials);
	} catch (error) {
		return (error as { description: string }).description;
	}
	throw new Error('no error');
}

describe('the connection read from the store credential', () => {
	it('takes the Name, the store address and Order Start (UTC)', () => {
		const connection = connectionFrom(complete);
		expect(connection.orderStart).toBe(Date.parse('2025-01-01T00:00:00Z') / 1000);
		expect(connection.record).toMatchObject({ name: 'Demo Shop', storeUrl: 'https://shop.example.com' });
	});

	it('names the credential as the editor shows it when a field is missing', () => {
		// The editor lists it as "WooCommerce Store (Extend Commerce) API", in the slot
		// "WooCommerce Store Connection".
		expect(fixOf({ ...complete, connectionName: ' ' })).toBe('Fill in Name in the WooCommerce Store Connection credential, e.g. "WooCommerce Jönköping".');
		expect(fixOf({ ...complete, orderStart: 'soon' })).toMatch(/^Set Order Start in the WooCommerce Store Connection credential /);
	});
});
