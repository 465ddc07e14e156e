import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { escapeHtml } from '../../sandbox/extend-commerce/web';
import { call, orderBody } from './helpers';

const page = async (office: BackOffice) => {
	const response = await fetch(`${office.origin}/`);
	return { status: response.status, type: response.headers.get('content-type'), html: await response.text() };
};

const post = (office: BackOffice, path: string, fields: Record<string, string>) =>
	fetch(`${office.origin}${path}`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

describe('web page', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startBackOffice({ master: { products: ['TEE-BLUE'] } });
	});
	afterEach(() => office.close());

	it('shows orders, products, balances and the request log, outside the API base path', async () => {
		const created = await call(office, 'POST', '/CustomerOrders', { body: orderBody('WOO-1001') });
		office.pickOrder(created.body.orderNumber, { carrier: 'PostNord', trackingNumber: 'PN-77' });
		await call(office, 'PUT', '/Products/MUG', { body: { name: 'Coffee mug', price: 9.5 } });
		office.setAvailableBalance('MUG', 'MAIN', 12);
		const { status, type, html } = await page(office);
		expect(status).toBe(200);
		expect(type).toBe('text/html; charset=utf-8');
		for (const text of ['WOO-1001', created.body.orderNumber, 'Picked', 'PostNord PN-77', 'Coffee mug', '>12<', '/demo-tenant/api/CustomerOrders', 'apiKey']) {
			expect([text, html.includes(text)]).toEqual([text, true]);
		}
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toContain(office.credentials.apiKey.value);
	});

	it('plays the warehouse from forms: reserve, pick, cancel and set a balance', async () => {
		const a = (await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-A') })).body.orderNumber as string;
		const b = (await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-B') })).body.orderNumber as string;
		expect((await post(office, '/actions/order', { orderNumber: a, action: 'reserve' })).status).toBe(303);
		await post(office, '/actions/order', { orderNumber: a, action: 'pick', carrier: 'DHL', trackingNumber: 'D1' });
		await post(office, '/actions/order', { orderNumber: b, action: 'cancel' });
		await post(office, '/actions/balance', { productNumber: 'TEE-BLUE', warehouse: 'MAIN', available: '3' });
		expect(office.data.order(a)).toMatchObject({ status: 'Picked', deliveries: [{ carrier: 'DHL', trackingNumber: 'D1' }] });
		expect(office.data.order(b)?.status).toBe('Cancelled');
		expect(office.data.availability()).toEqual([expect.objectContaining({ productNumber: 'TEE-BLUE', availableBalance: 3 })]);
		const refused = await post(office, '/actions/order', { orderNumber: a, action: 'cancel' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('picked');
	});

	it('HTML-escapes everything that came from a client', async () => {
		const evil = '<script>alert("x")</script>';
		office.master.addProducts(['<b>p</b>']);
		await call(office, 'POST', '/CustomerOrders', { body: { ...orderBody(evil, [{ productNumber: '<b>p</b>' }]) } });
		await call(office, 'PUT', `/Products/${encodeURIComponent('<i>x</i>')}`, { body: { name: `"'><img src=x onerror=alert(1)>` } });
		const { html } = await page(office);
		expect(html).not.toContain('<script>alert');
		expect(html).not.toContain('<img');
		expect(html).not.toContain('<i>x</i>');
		expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
	});

	it('shows only the latest 50 products, newest first', async () => {
		for (let i = 0; i < 60; i++) await call(office, 'PUT', `/Products/N${i}`, { body: { name: `Numbered ${i}.` } });
		const { html } = await page(office);
		expect(html).toContain('Numbered 59.');
		expect(html).not.toContain('Numbered 9.');
		expect(html.indexOf('Numbered 59.')).toBeLessThan(html.indexOf('Numbered 10.'));
	});

	it('answers an HTML 404 elsewhere (a wrong API URL), naming where the page and the API are', async () => {
		const response = await fetch(`${office.origin}/CustomerOrders`);
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(await response.text()).toContain('the API under /demo-tenant/api');
	});

	it('escapeHtml escapes the five HTML-special characters', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
		expect(escapeHtml(null)).toBe('');
	});
});
