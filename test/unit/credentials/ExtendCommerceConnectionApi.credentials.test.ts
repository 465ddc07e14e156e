import { ExtendCommerceConnectionApi } from '../../../credentials/ExtendCommerceConnectionApi.credentials';

const credential = new ExtendCommerceConnectionApi();
const fields = credential.properties.filter((property) => property.type !== 'notice');

describe('the store credential (Extend Commerce Connection)', () => {
	it('says in its type name that it is the WooCommerce store, and keeps the type saved workflows refer to', () => {
		expect(credential.name).toBe('extendCommerceConnectionApi');
		expect(credential.displayName).toMatch(/^WooCommerce Store .*Extend Commerce.* API$/);
	});

	it('keeps Extend Commerce\'s connection form field for field, in its order, then the advanced settings', () => {
		expect(fields.map((field) => field.displayName)).toEqual([
			'Name',
			'External System',
			'Access Token',
			'Secret',
			'API URL',
			'Order Start',
			'Warehouse',
			'Company Group',
			'Authentication (Advanced)',
			'Ignore SSL Issues (Insecure)',
		]);
	});

	it('tells its form\'s Name apart from n8n\'s credential name, before any field', () => {
		expect(credential.properties[0].type).toBe('notice');
		expect(credential.properties[0].displayName).toMatch(/WooCommerce store/);
		expect(credential.properties[0].displayName).toMatch(/n8n's label/);
		const name = fields.find((field) => field.name === 'connectionName');
		expect(name?.description).toMatch(/sync cursor/);
		expect(name?.description).toMatch(/n8n's credential name does not/);
	});

	it('says which key goes where: ck_ in Access Token, cs_ in Secret', () => {
		expect(fields.find((field) => field.name === 'accessToken')).toMatchObject({ placeholder: 'ck_…', description: expect.stringMatching(/starts with ck_/) });
		expect(fields.find((field) => field.name === 'secret')).toMatchObject({ placeholder: 'cs_…', description: expect.stringMatching(/starts with cs_/) });
	});
});
