/**
 * Walks the README's setup steps in a real n8n editor, screen by screen, as a new user does
 * (scripts/verify-in-n8n-editor.sh; not part of CI). Headless Chromium, driven by Playwright.
 *
 *   npx tsx scripts/verify-in-n8n/editor.ts N8N_URL WORK_DIR VERSION
 *
 * WORK_DIR holds the sandboxes' credentials.json and control-url (scripts/verify-in-n8n/sandboxes.ts);
 * screenshots go to WORK_DIR/screens/NN-step.png. Every menu path, label and message the walkthrough
 * relies on is first looked up in the README (`readme()`), then found on the screen: when the editor
 * or the README changes, a step fails and names the words that no longer match.
 *
 * Prints one line per check and exits non-zero when one fails.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { chromium, type Locator, type Page } from 'playwright-core';

const [baseUrl, workDir, version] = process.argv.slice(2);
if (!baseUrl || !workDir || !version) throw new Error('usage: editor.ts N8N_URL WORK_DIR VERSION');
const V2 = Number(version.split('.')[0]) >= 2;
const README = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
const ORDERS_TEMPLATE = path.join(__dirname, '../../templates/woocommerce-orders-to-extend-commerce.json');
const OWNER = { email: 'owner@example.com', firstName: 'Shop', lastName: 'Owner', password: 'Owner-n8n-2026' };
const TABLE = 'extend_commerce_sync';
const COLUMNS = ['workflow', 'resource', 'connection', 'cursor'];
/** Settings n8n adds to every credential form on its own; the README does not list them. */
const N8N_OWN_CREDENTIAL_FIELDS = ['Allowed HTTP Request Domains'];

type CredentialFile = Array<{ type: string; data: Record<string, string | boolean> }>;
const sandboxCredentials = JSON.parse(readFileSync(path.join(workDir, 'credentials.json'), 'utf8')) as CredentialFile;
const storeKeys = sandboxCredentials.find((c) => c.type === 'extendCommerceConnectionApi')!.data;
const backOffice = sandboxCredentials.find((c) => c.type === 'extendCommerceApi')!.data;
const controlUrl = readFileSync(path.join(workDir, 'control-url'), 'utf8').trim();

const failures: string[] = [];
let shot = 0;

function check(ok: boolean, what: string): void {
	console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
	if (!ok) failures.push(what);
}

/** The README must say `words`; returns them so the walkthrough uses exactly the README's wording. */
function readme(words: string): string {
	check(README.includes(words), `README says "${words}"`);
	return words;
}

/** The first column of the Markdown table that follows `heading` in the README. */
function readmeTableFields(heading: string): string[] {
	const section = README.slice(README.indexOf(heading));
	const table = section.slice(section.indexOf('\n| ')).split('\n\n')[0];
	return table
		.split('\n')
		.filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('| field'))
		.map((line) => line.split('|')[1].trim());
}

async function step(name: string, page: Page, body: () => Promise<void>): Promise<void> {
	console.log(`-- ${name}`);
	try {
		await body();
	} catch (error) {
		check(false, `${name}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
	}
	const file = path.join(workDir, 'screens', `${String(++shot).padStart(2, '0')}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}.png`);
	await page.screenshot({ path: file }).catch(() => undefined);
}

async function rest<T>(method: string, route: string, body?: unknown, cookie = ''): Promise<{ data: T; cookie: string }> {
	const response = await fetch(`${baseUrl}/rest${route}`, {
		method,
		headers: { 'Content-Type': 'application/json', 'browser-id': 'editor-walkthrough', ...(cookie ? { Cookie: cookie } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} /rest${route}: HTTP ${response.status} ${text.slice(0, 200)}`);
	const parsed = (text ? JSON.parse(text) : {}) as { data?: T };
	return { data: (parsed.data ?? parsed) as T, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? cookie };
}

const dialog = (page: Page) => page.locator('[data-test-id=credential-edit-dialog]');
const ndv = (page: Page) => page.locator('[data-test-id=ndv]');
const canvasNode = (page: Page, name: string) => page.locator(`[data-test-id=canvas-node][data-node-name="${name}"]`);
const visibleOptions = (page: Page) => page.locator('.el-select-dropdown:visible li, .el-select-dropdown__item:visible');

async function labelsOf(container: Locator): Promise<string[]> {
	const texts = await container.locator('[data-test-id=credential-connection-parameter] label, [data-test-id=credential-connection-parameter] .n8n-input-label').allInnerTexts();
	return [...new Set(texts.map((text) => text.split('\n')[0].replace(/\s*\*$/, '').trim()).filter(Boolean))];
}

async function fillParameter(container: Locator, name: string, value: string): Promise<void> {
	const input = container.locator(`[data-test-id=parameter-input-${name}] input, [data-test-id=parameter-input-${name}] textarea`).first();
	await input.click();
	await input.fill(value);
	await input.press('Tab');
}

async function chooseOption(page: Page, container: Locator, name: string, option: string): Promise<string[]> {
	await container.locator(`[data-test-id=parameter-input-${name}]`).click();
	await page.waitForTimeout(400);
	const options = (await visibleOptions(page).allInnerTexts()).map((text) => text.trim());
	await visibleOptions(page).filter({ hasText: option }).first().click();
	await page.waitForTimeout(300);
	return options;
}

async function saveCredential(page: Page): Promise<string> {
	await page.locator('[data-test-id=credential-save-button]').click();
	await page.waitForTimeout(5000);
	const more = dialog(page).getByText('More details');
	if (await more.count()) await more.first().click();
	return dialog(page).innerText();
}

/** Opens the "Add new credential" picker the way the README says, and picks `type`. */
async function openCredentialType(page: Page, type: string): Promise<void> {
	await page.goto(`${baseUrl}/home/credentials`);
	await page.waitForTimeout(2500);
	const create = page.locator('[data-test-id=add-resource-credential], [data-test-id=resources-list-add]').first();
	if (await create.count()) await create.click();
	else await page.getByRole('button', { name: /create credential/i }).first().click();
	await page.waitForTimeout(1500);
	const search = page.getByPlaceholder(/search/i).last();
	await search.pressSequentially(type.slice(0, 24), { delay: 30 });
	await page.waitForTimeout(1200);
	await page.locator('.el-select-dropdown:visible, [role=listbox]:visible').last().getByText(type, { exact: true }).click();
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.waitForTimeout(2000);
}

async function closeDialog(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.waitForTimeout(800);
}

async function openNode(page: Page, name: string): Promise<Locator> {
	const close = page.locator('[data-test-id=ndv-close-button], [data-test-id=back-to-canvas]');
	if (await close.count()) await close.first().click().catch(() => undefined);
	await page.waitForTimeout(500);
	await canvasNode(page, name).dblclick();
	await page.waitForTimeout(1800);
	return ndv(page);
}

async function pickCredential(page: Page, panel: Locator, slot: string, credentialName: string): Promise<string[]> {
	const selects = panel.locator('[data-test-id=node-credentials-select]');
	const labels = (await panel.locator('[data-test-id=node-credentials-select]').evaluateAll((elements) =>
		elements.map((element) => element.closest('[data-test-id=credentials-label], .n8n-input-label, div')?.parentElement?.querySelector('label')?.textContent?.trim() ?? ''),
	)) as string[];
	const index = labels.findIndex((label) => label.startsWith(slot));
	if (index < 0) throw new Error(`no credential slot labelled "${slot}" (slots: ${labels.join(', ')})`);
	await selects.nth(index).click();
	await page.waitForTimeout(600);
	const offered = (await visibleOptions(page).allInnerTexts()).map((text) => text.trim().split('\n')[0]);
	const option = visibleOptions(page).filter({ hasText: credentialName }).first();
	if (!(await option.count())) {
		await page.keyboard.press('Escape');
		throw new Error(`the "${slot}" slot offers ${offered.join(' / ')}, not "${credentialName}"`);
	}
	await option.click();
	await page.waitForTimeout(600);
	return offered;
}

async function pickTable(page: Page, nodeName: string): Promise<void> {
	const panel = await openNode(page, nodeName);
	await panel.locator('[data-test-id=resource-locator-mode-list], [data-test-id=rlc-mode-selector]').count();
	await panel.getByPlaceholder(/Choose/).first().click();
	await page.waitForTimeout(1500);
	await page.locator('[data-test-id=rlc-item]').filter({ hasText: TABLE }).first().click();
	await page.waitForTimeout(800);
}

async function main(): Promise<void> {
	mkdirSync(path.join(workDir, 'screens'), { recursive: true });
	// n8n serves its pages before its REST API is mounted.
	for (let attempt = 0; attempt < 120 && !(await fetch(`${baseUrl}/rest/settings`).then((r) => r.ok).catch(() => false)); attempt++) await new Promise((r) => setTimeout(r, 1000));
	await rest('POST', '/owner/setup', OWNER).catch(() => undefined);
	const { cookie } = await rest('POST', '/login', { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	const [name, value] = cookie.split('=');
	await context.addCookies([{ name, value, url: baseUrl }]);
	const page = await context.newPage();
	page.setDefaultTimeout(15000);
	await page.goto(`${baseUrl}/home/workflows`);
	await page.waitForTimeout(4000);

	// "Installing in n8n": the menu path, and the four nodes in the nodes panel.
	await step('Settings, Community nodes', page, async () => {
		readme('**Settings → Community Nodes → Install**');
		await page.goto(`${baseUrl}/settings/community-nodes`);
		await page.waitForTimeout(2500);
		const text = await page.locator('body').innerText();
		check(/Community nodes/i.test(text), 'Settings has a Community nodes page');
		check(/Install/.test(text), 'it offers to install a package');
	});

	await step('Nodes panel', page, async () => {
		await page.goto(`${baseUrl}/workflow/new`);
		await page.waitForTimeout(3000);
		await page.locator('[data-test-id=canvas-plus-button], [data-test-id=canvas-add-button]').first().click();
		await page.waitForTimeout(800);
		await page.keyboard.type('Extend Commerce', { delay: 30 });
		await page.waitForTimeout(1500);
		const panel = await page.locator('[data-test-id=node-creator]').innerText();
		for (const node of ['WooCommerce Fetch (Extend', 'Extend Commerce', 'Extend Commerce Trigger', 'WooCommerce Update (Extend']) {
			check(panel.includes(node) && README.includes(`**${node}`), `the nodes panel lists "${node}…", as the README says`);
		}
		await page.locator('[data-test-id=node-creator] [data-test-id=item-iterator-item]').filter({ hasText: 'WooCommerce Fetch' }).first().click();
		await page.waitForTimeout(1200);
		const actions = await page.locator('[data-test-id=node-creator]').innerText();
		for (const action of ['Get changed orders', 'Get changed products']) {
			check(actions.includes(action) && README.includes(`**${action}**`), `WooCommerce Fetch lists the action "${action}", as the README says`);
		}
		await page.keyboard.press('Escape');
	});

	// "Credentials": the store connection, field for field as the README's table lists it.
	const storeType = readme('WooCommerce Store Connection (Extend Commerce) API');
	const storeDefaultName = readme('"WooCommerce Store Connection (Extend Commerce) account"').replace(/"/g, '');
	await step('Store credential form', page, async () => {
		await openCredentialType(page, storeType);
		const labels = await labelsOf(dialog(page));
		const expected = readmeTableFields('### WooCommerce store (Extend Commerce Connection)');
		check(
			JSON.stringify(labels.filter((label) => !N8N_OWN_CREDENTIAL_FIELDS.includes(label))) === JSON.stringify(expected),
			`the form's fields are the README's, in its order (${labels.join(', ')})`,
		);
		const title = await dialog(page).locator('[data-test-id=credential-name], [data-test-id=inline-edit-preview]').first().innerText().catch(() => '');
		const header = title || (await page.locator('.el-dialog__header, [data-test-id=credential-edit-dialog]').first().innerText());
		check(header.includes(storeDefaultName), `n8n names it "${storeDefaultName}"`);
	});

	const wrongKeyMessage = readme(
		'"The store does not know this consumer key. Check the Access Token (ck_…), or create a new key in WooCommerce → Settings → Advanced → REST API if it was revoked."',
	).replace(/"/g, '');
	await step('Store credential, wrong key', page, async () => {
		const form = dialog(page);
		await fillParameter(form, 'connectionName', String(storeKeys.connectionName));
		await fillParameter(form, 'accessToken', 'ck_0000000000000000000000000000000000000000');
		await fillParameter(form, 'secret', String(storeKeys.secret));
		await fillParameter(form, 'apiUrl', String(storeKeys.apiUrl));
		await fillParameter(form, 'orderStart', '2025-01-01T00:00:00');
		await page.keyboard.press('Escape').catch(() => undefined);
		await fillParameter(form, 'warehouse', String(storeKeys.warehouse));
		// The sandbox store's certificate is self-signed.
		await form.locator('[data-test-id=parameter-input-ignoreSslIssues] .el-switch, [data-test-id=parameter-input-ignoreSslIssues] [role=switch]').first().click();
		const text = await saveCredential(page);
		check(text.includes(wrongKeyMessage), 'a wrong Access Token gets the README\'s message, word for word');
	});

	await step('Store credential saved and tested', page, async () => {
		await fillParameter(dialog(page), 'accessToken', String(storeKeys.accessToken));
		const text = await saveCredential(page);
		check(/Connection tested successfully/.test(text), 'the store credential tests successfully');
		await closeDialog(page);
	});

	const backOfficeType = readme('**Extend Commerce Back Office API**').replace(/\*/g, '');
	await step('Back office credential', page, async () => {
		await openCredentialType(page, backOfficeType);
		const form = dialog(page);
		const labels = await labelsOf(form);
		for (const field of readmeTableFields('**Extend Commerce Back Office API**')) check(labels.includes(field), `the back-office form has "${field}"`);
		await fillParameter(form, 'apiUrl', String(backOffice.apiUrl));
		const modes = await chooseOption(page, form, 'authMode', 'Bearer Token');
		for (const mode of modes) check(README.includes(`**${mode}**`), `the README names the Authentication choice "${mode}"`);
		await fillParameter(form, 'bearerToken', String(backOffice.bearerToken));
		const text = await saveCredential(page);
		check(/Connection tested successfully/.test(text), 'the back-office credential tests successfully');
		await closeDialog(page);
	});

	// "Templates", After importing, step 1: the Data table.
	await step('Data table created', page, async () => {
		readme(V2 ? '**Overview → Data tables → Create data table**' : '**Overview → Data tables → Create data table**');
		await page.goto(`${baseUrl}/home/datatables`);
		await page.waitForTimeout(2500);
		await page.getByRole('button', { name: /Create data table/i }).last().click();
		await page.waitForTimeout(1200);
		const create = page.locator('[role=dialog]:visible').last();
		await create.locator('input').first().fill(TABLE);
		await create.getByRole('button', { name: 'Create' }).click();
		await page.waitForTimeout(2500);
		readme('**Add Column**');
		for (const column of COLUMNS) {
			await page.getByRole('button', { name: 'Add Column' }).first().click();
			await page.waitForTimeout(600);
			await page.locator('[data-test-id=add-column-name-input] input, input[data-test-id=add-column-name-input]').first().fill(column);
			await page.locator('[data-test-id=data-table-add-column-submit-button]').click();
			await page.waitForTimeout(900);
		}
		const grid = await page.locator('[data-test-id=data-table-grid]').innerText();
		check(COLUMNS.every((column) => grid.includes(column)), `the table has the columns ${COLUMNS.join(', ')}`);
	});

	// Importing the orders template.
	await step('Template imported', page, async () => {
		const menuPath = readme(V2 ? '**⋯ → Import → From file**' : '**⋯ → Import from File…**');
		await page.goto(`${baseUrl}/workflow/new`);
		await page.waitForTimeout(3000);
		await page.locator('[data-test-id=workflow-menu]').click();
		await page.waitForTimeout(600);
		const items = menuPath.replace(/\*/g, '').split(' → ').slice(1);
		for (const item of items.slice(0, -1)) {
			await page.getByText(item, { exact: true }).hover();
			await page.waitForTimeout(600);
		}
		const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText(items[items.length - 1], { exact: true }).click()]);
		await chooser.setFiles(ORDERS_TEMPLATE);
		await page.waitForTimeout(3500);
		check((await page.locator('[data-test-id=canvas-node]').count()) >= 6, 'the template is on the canvas');
		// The sticky note shows all of its text (1.123 used to cut its last line off).
		const clipped = await page.locator('.sticky-textarea, [data-test-id=sticky] .n8n-sticky, [data-test-id=canvas-sticky-note-node] .n8n-sticky').first().evaluate((element) => element.scrollHeight > element.clientHeight + 2).catch(() => null);
		check(clipped === false, 'the sticky note shows its whole text');
	});

	// Step 2: the table in Read cursor and Save cursor.
	await step('Table picked', page, async () => {
		readme(V2 ? '**Data table → From list**' : '**Data table → From list**');
		await pickTable(page, 'Read cursor');
		await pickTable(page, 'Save cursor');
		check(!(await canvasNode(page, 'Save cursor').locator('[data-test-id=node-issues]').count()), 'Save cursor has no open issues');
	});

	// Step 3: the credentials, in the slots the README names.
	const storeSlot = readme('*WooCommerce Store Connection*');
	await step('Credentials selected', page, async () => {
		let panel = await openNode(page, 'WooCommerce Fetch');
		await pickCredential(page, panel, storeSlot.replace(/\*/g, ''), storeDefaultName).catch(async (error: Error) => {
			// n8n fills a slot by itself when one credential of that type exists.
			const chosen = await panel.locator('[data-test-id=node-credentials-select]').first().inputValue().catch(() => '');
			if (!chosen.includes(storeDefaultName)) throw error;
		});
		panel = await openNode(page, 'Extend Commerce');
		const slotLabels = await panel.locator('label').allInnerTexts();
		check(slotLabels.some((label) => label.startsWith('Extend Commerce Back Office')), 'Extend Commerce has an "Extend Commerce Back Office" slot');
		const offered = await pickCredential(page, panel, storeSlot.replace(/\*/g, ''), storeDefaultName);
		check(!offered.some((option) => option.includes('Back Office')), `the store slot offers only store connections (${offered.join(' / ')})`);
		const text = await panel.innerText();
		check(text.includes('WEBSHOP') && README.includes('**Webshop Customer Number**'), 'Webshop Customer Number says WEBSHOP, as the README says');
	});

	// Step 5: a run from the editor.
	await step('Run from the editor', page, async () => {
		readme('**Execute workflow**');
		const close = page.locator('[data-test-id=ndv-close-button], [data-test-id=back-to-canvas]');
		if (await close.count()) await close.first().click().catch(() => undefined);
		await page.locator('[data-test-id=execute-workflow-button]').click();
		await page.waitForTimeout(15000);
		const failed = await page.locator('[data-test-id=canvas-node] [data-test-id=canvas-node-status-error]').count();
		check(failed === 0, 'no node failed');
		const { data } = await rest<{ data?: Array<Record<string, string>> } | Array<Record<string, string>>>('GET', '/projects/personal', undefined, cookie).catch(() => ({ data: [] }));
		void data;
		const office = (await (await fetch(`${controlUrl}/office`)).json()) as { officeOrders: number; storeOrders: number };
		check(office.officeOrders === office.storeOrders && office.storeOrders > 0, `every order in a sent status reached the back office (${office.officeOrders} of ${office.storeOrders})`);
	});

	// The error branch: the store changes (a new order the back office refuses once), the next run.
	await step('Rejected records', page, async () => {
		await fetch(`${controlUrl}/change`, { method: 'POST' });
		await page.locator('[data-test-id=execute-workflow-button]').click();
		await page.waitForTimeout(15000);
		const panel = await openNode(page, 'Rejected records');
		await page.waitForTimeout(800);
		const json = panel.locator('[data-test-id=radio-button-json]');
		if (await json.count()) await json.first().click();
		await page.waitForTimeout(800);
		const output = await panel.locator('[data-test-id=output-panel], [data-test-id=ndv-output-panel]').first().innerText().catch(async () => panel.innerText());
		check(/"message"/.test(output) || /message/.test(output), 'the rejected record is on the error branch, its message first');
	});

	// Step 6: activate (1.x) or publish (2.x).
	await step(V2 ? 'Published' : 'Activated', page, async () => {
		const close = page.locator('[data-test-id=ndv-close-button], [data-test-id=back-to-canvas]');
		if (await close.count()) await close.first().click().catch(() => undefined);
		if (V2) {
			readme('**Publish**');
			await page.locator('[data-test-id=workflow-open-publish-modal-button]').click();
			await page.waitForTimeout(1200);
			await page.locator('[data-test-id=workflow-publish-button]').click();
			await page.waitForTimeout(2500);
			check(/Published/.test(await page.locator('body').innerText()), 'the workflow is published');
		} else {
			readme('**Activate**');
			await page.locator('[data-test-id=workflow-activate-switch]').click();
			await page.waitForTimeout(2000);
			const confirm = page.getByRole('button', { name: /Got it|Activate|OK/ });
			if (await confirm.count()) await confirm.first().click().catch(() => undefined);
			check(/Active/.test(await page.locator('[data-test-id=workflow-activate-switch], body').first().innerText()), 'the workflow is active');
		}
	});

	await browser.close();
	console.log(failures.length ? `${failures.length} check(s) failed` : 'all checks passed');
	process.exit(failures.length ? 1 : 0);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
