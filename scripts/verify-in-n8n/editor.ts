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

import { n8nRest, setUpOwner } from './n8nRest';

const [baseUrl, workDir, version] = process.argv.slice(2);
if (!baseUrl || !workDir || !version) throw new Error('usage: editor.ts N8N_URL WORK_DIR VERSION');
const V2 = Number(version.split('.')[0]) >= 2;
const README_TEXT = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
// Line breaks in the README are only its layout.
const README = README_TEXT.replace(/\s*\n\s*/g, ' ');
const ORDERS_TEMPLATE = path.join(__dirname, '../../templates/woocommerce-orders-to-extend-commerce.json');
const PRODUCTS_TEMPLATE = path.join(__dirname, '../../templates/woocommerce-products-to-extend-commerce.json');
/** The way back (Extend → store): imported only to look at them. */
const REVERSE_TEMPLATES = ['extend-commerce-stock-to-woocommerce.json', 'extend-commerce-stock-to-woocommerce-polling.json', 'extend-commerce-orders-to-woocommerce-status.json'].map((file) =>
	path.join(__dirname, '../../templates', file),
);
/** A simple product of the sandbox store, sent to Extend by the products template: its balance drives the polling run. */
const POLLING_SKU = 'TB-S-001';
const OWNER = { email: 'owner@example.com', firstName: 'Shop', lastName: 'Owner', password: 'Owner-n8n-2026' };
const TABLE = 'extend_commerce_sync';
const COLUMNS = ['workflow', 'resource', 'connection', 'cursor', 'lease', 'leaseUntil'];
/** The templates' Data table nodes, each of which needs the table picked (README step 2). */
const TABLE_NODES = ['Open sync row', 'Free a new row', 'Read cursor', 'Save cursor'];
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
	const section = README_TEXT.slice(README_TEXT.indexOf(heading));
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

const dialog = (page: Page) => page.locator('[data-test-id=credential-edit-dialog]');
const ndv = (page: Page) => page.locator('[data-test-id=ndv]');
const canvasNode = (page: Page, name: string) => page.locator(`[data-test-id=canvas-node][data-node-name="${name}"]`);
const visibleOptions = (page: Page) => page.locator('.el-select-dropdown:visible li, .el-select-dropdown__item:visible');

async function labelsOf(container: Locator): Promise<string[]> {
	const texts = await container.locator('[data-test-id=credential-connection-parameter] label, [data-test-id=credential-connection-parameter] .n8n-input-label').allInnerTexts();
	const names = texts.map((text) => text.split('\n')[0].replace(/\s*\*$/, '').trim());
	// "Fixed" and "Expression" label the switch beside a field in n8n 1.x.
	return [...new Set(names.filter((name) => name && name !== 'Fixed' && name !== 'Expression'))];
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


/** "+" at the top of the sidebar, then `item` (n8n 2.x: "New credential"; 1.x: "Credential"). */
async function universalAdd(page: Page, item: string): Promise<void> {
	await page.locator('[data-test-id=universal-add]').click();
	await page.waitForTimeout(700);
	await page.getByText(item, { exact: true }).last().click();
	await page.waitForTimeout(2000);
}

/** Opens the "Add new credential" picker the way the README says, and picks `type`. */
async function openCredentialType(page: Page, type: string): Promise<void> {
	const path = readme(V2 ? '**+ → New credential**' : '**+ → Credential**');
	await page.goto(`${baseUrl}/home/workflows`);
	await page.waitForTimeout(2500);
	await universalAdd(page, path.replace(/\*/g, '').split(' → ')[1]);
	const search = page.locator('[data-test-id=new-credential-type-select] input').first();
	await search.click();
	await search.pressSequentially(type.slice(0, 24), { delay: 30 });
	await page.waitForTimeout(1200);
	await page.locator('.el-select-dropdown__item:visible').filter({ hasText: type }).first().click();
	await page.locator('[data-test-id=new-credential-type-button]').click();
	await page.waitForTimeout(2000);
}

async function closeDialog(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.waitForTimeout(600);
	if (await dialog(page).isVisible().catch(() => false)) await page.locator('.el-dialog__headerbtn:visible').first().click().catch(() => undefined);
	await page.waitForTimeout(600);
}

async function closeNode(page: Page): Promise<void> {
	const close = page.locator('[data-test-id=ndv-close-button]:visible, [data-test-id=back-to-canvas]:visible');
	if (await close.count()) await close.first().click().catch(() => undefined);
	await page.waitForTimeout(500);
}

async function openNode(page: Page, name: string): Promise<Locator> {
	await closeNode(page);
	await canvasNode(page, name).dblclick();
	await page.waitForTimeout(1800);
	return ndv(page);
}

/** The credential slots of the open node: label → its select. */
async function credentialSlots(panel: Locator): Promise<Array<{ label: string; select: Locator }>> {
	const selects = panel.locator('[data-test-id=node-credentials-select]');
	const slots: Array<{ label: string; select: Locator }> = [];
	for (let index = 0; index < (await selects.count()); index++) {
		const select = selects.nth(index);
		// The slot's label is the nearest label above its select.
		const label = await select.evaluate((element) => {
			for (let node: Element | null = element; node; node = node.parentElement) {
				const found = node.querySelector('label, [data-test-id=credentials-label]');
				if (found?.textContent?.trim()) return found.textContent.trim();
			}
			return '';
		});
		slots.push({ label, select });
	}
	return slots;
}

/** Picks `credentialName` in the slot labelled `slot`; returns what the slot offered. */
async function pickCredential(page: Page, panel: Locator, slot: string, credentialName: string): Promise<string[]> {
	const slots = await credentialSlots(panel);
	const found = slots.find((candidate) => candidate.label.startsWith(slot));
	if (!found) throw new Error(`no credential slot labelled "${slot}" (slots: ${slots.map((s) => s.label).join(', ')})`);
	await found.select.click();
	await page.waitForTimeout(700);
	// Only this select's own list: stale lists of other selects stay in the page.
	const listId = await found.select.locator('input').first().getAttribute('aria-controls').catch(() => null);
	const list = listId ? page.locator(`[id="${listId}"]`) : page.locator('.el-select-dropdown:visible').last();
	const offered = (await list.locator('li').allInnerTexts()).map((text) => text.trim().split('\n')[0]).filter(Boolean);
	const option = list.locator('li').filter({ hasText: credentialName }).first();
	if (!(await option.count())) {
		await page.keyboard.press('Escape');
		throw new Error(`the "${slot}" slot offers ${offered.join(' / ')}, not "${credentialName}"`);
	}
	await option.click();
	await page.waitForTimeout(700);
	return offered;
}

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

/** The Data table nodes of a template file, as the template gives them. */
function tableNodesOf(file: string): WorkflowNode[] {
	const workflow = JSON.parse(readFileSync(file, 'utf8')) as { nodes: WorkflowNode[] };
	return workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.dataTable');
}

/** The node as the editor holds it now, saved or not: selected on the canvas and copied (Ctrl+C). */
async function nodeInEditor(page: Page, nodeName: string): Promise<WorkflowNode> {
	await closeNode(page);
	await page.evaluate(async () => navigator.clipboard.writeText(''));
	await canvasNode(page, nodeName).click();
	await page.waitForTimeout(400);
	await page.keyboard.press('ControlOrMeta+c');
	await page.waitForTimeout(800);
	const copied = await page.evaluate(async () => navigator.clipboard.readText());
	const node = copied ? (JSON.parse(copied) as { nodes?: WorkflowNode[] }).nodes?.find((candidate) => candidate.name === nodeName) : undefined;
	if (!node) throw new Error(`could not copy "${nodeName}" from the canvas (clipboard: ${copied.slice(0, 80) || 'empty'})`);
	await page.keyboard.press('Escape');
	return node;
}

/**
 * What a Data table node will write and which rows it will touch, from its parameters: the table,
 * how its values come (Map Automatically: the item's fields; Map Each Column Manually: the values),
 * and its conditions. The table itself only shows whether one is picked.
 */
function whatTheNodeWrites(parameters: Record<string, unknown>): string {
	const columns = parameters.columns as { mappingMode?: string; value?: Record<string, unknown> | null } | undefined;
	return JSON.stringify({
		table: Boolean((parameters.dataTableId as { value?: string } | undefined)?.value),
		operation: parameters.operation,
		mappingMode: columns?.mappingMode,
		values: columns?.mappingMode === 'autoMapInputData' ? undefined : (columns?.value ?? {}),
		// A condition that takes no value (is empty) may come back with or without an empty one.
		conditions: ((parameters.filters as { conditions?: Array<Record<string, unknown>> } | undefined)?.conditions ?? []).map(({ keyName, condition, keyValue }) =>
			[keyName, condition ?? 'eq', /^is(Not)?Empty$/.test(String(condition)) ? '' : (keyValue ?? '')].join(' '),
		),
		matchType: parameters.matchType,
	});
}

/**
 * README step 2: the table in a Data table node, From list; then no issue is left on the node, and
 * the node still writes what the template says. n8n's resource mapper empties "Values to update"
 * when the table changes while every expression of the node can be evaluated (issue 20): the node
 * then ran into "Data columns must not be empty".
 */
async function pickTable(page: Page, template: string, nodeName: string): Promise<void> {
	const inTemplate = tableNodesOf(template).find((node) => node.name === nodeName);
	if (!inTemplate) throw new Error(`${path.basename(template)} has no Data table node "${nodeName}"`);
	let panel = await openNode(page, nodeName);
	await panel.locator('[data-test-id=rlc-input]').first().click().catch(async () => panel.getByPlaceholder(/Choose/).first().click());
	await page.waitForTimeout(1500);
	await page.locator('[data-test-id=rlc-item]').filter({ hasText: TABLE }).first().click();
	await page.waitForTimeout(1000);
	// n8n 1.123 marks the conditions red until the node is opened again (README step 2 says so).
	panel = await openNode(page, nodeName);
	const refresh = panel.locator('[data-test-id=refresh-fields-button], [data-test-id=resource-mapper-refresh]');
	if (await refresh.count()) await refresh.first().click().catch(() => undefined);
	await page.waitForTimeout(800);
	const issues = await panel.locator('[data-test-id=parameter-issues]:visible').count();
	check(issues === 0, `${nodeName}: the table is picked and the node shows no issues (${issues})`);
	await closeNode(page);
	const expected = whatTheNodeWrites({ ...inTemplate.parameters, dataTableId: { value: 'picked' } });
	const actual = whatTheNodeWrites((await nodeInEditor(page, nodeName)).parameters);
	check(actual === expected, `${nodeName}: after the pick the node still writes what the template says${actual === expected ? '' : ` (template ${expected}, editor ${actual})`}`);
}

/** Picks the table in every Data table node of `template`, on the canvas now. */
async function pickTables(page: Page, template: string): Promise<void> {
	const names = tableNodesOf(template).map((node) => node.name);
	if (template === ORDERS_TEMPLATE || template === PRODUCTS_TEMPLATE) check(JSON.stringify(names) === JSON.stringify(TABLE_NODES), `the template's Data table nodes are ${TABLE_NODES.join(', ')} (${names.join(', ')})`);
	for (const node of names) await pickTable(page, template, node);
}

/** Imports a template the README's way. */
async function importTemplate(page: Page, file: string, minNodes = 6): Promise<void> {
	const open = readme(V2 ? '**+ → New workflow**' : '**+ → Workflow**');
	const menuPath = readme(V2 ? '**⋯ → Import → From file**' : '**⋯ → Import from File…**');
	await page.goto(`${baseUrl}/home/workflows`);
	await page.waitForTimeout(2500);
	await universalAdd(page, open.replace(/\*/g, '').split(' → ')[1]);
	await page.waitForTimeout(1500);
	await page.locator('[data-test-id=workflow-menu]').click();
	await page.waitForTimeout(700);
	const items = menuPath.replace(/\*/g, '').split(' → ').slice(1);
	for (const item of items.slice(0, -1)) {
		await page.getByText(item, { exact: true }).hover();
		await page.waitForTimeout(700);
	}
	const last = items[items.length - 1].replace('…', '');
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[role=menu]:visible, .el-dropdown-menu:visible, [data-test-id=workflow-menu]').getByText(last).last().click().catch(async () => page.getByText(last).last().click())]);
	await chooser.setFiles(file);
	await page.waitForTimeout(3500);
	if (!V2) {
		// 1.x: an imported workflow is unsaved, and $workflow.id (the cursor row's key) is empty until it is.
		readme('**Save**');
		await page.locator('[data-test-id=workflow-save-button]').click();
		await page.waitForTimeout(2000);
	}
	check((await page.locator('[data-test-id=canvas-node]').count()) >= minNodes, `${path.basename(file)} is on the canvas`);
}

async function selectCredentials(page: Page): Promise<void> {
	const storeSlot = readme('*WooCommerce Store Connection*').replace(/\*/g, '');
	const backOfficeSlot = readme('*Extend Commerce Back Office*').replace(/\*/g, '');
	let panel = await openNode(page, 'WooCommerce Fetch');
	// n8n fills a slot by itself when one credential of its type exists; picking it again is harmless.
	await pickCredential(page, panel, storeSlot, storeDefaultName);
	panel = await openNode(page, 'Extend Commerce');
	await pickCredential(page, panel, backOfficeSlot, backOfficeDefaultName);
	const offered = await pickCredential(page, panel, storeSlot, storeDefaultName);
	check(!offered.some((option) => option.includes('Back Office')), `the store slot of Extend Commerce offers only store connections (${offered.join(' / ')})`);
	const slots = await credentialSlots(panel);
	for (const slot of slots) {
		const value = await slot.select.locator('input').first().inputValue();
		check(value === storeDefaultName || value === backOfficeDefaultName, `Extend Commerce's "${slot.label}" slot shows "${value}"`);
	}
	await closeNode(page);
}

/** Runs the workflow from the editor, as README step 5 says, and waits for it to end. */
async function runFromEditor(page: Page): Promise<void> {
	await closeNode(page);
	await page.locator('[data-test-id=execute-workflow-button]').click();
	for (let waited = 0; waited < 60; waited++) {
		await page.waitForTimeout(1000);
		const busy = await page.locator('[data-test-id=stop-execution-button]:visible, [data-test-id=execute-workflow-button][disabled]').count();
		if (!busy && waited > 3) break;
	}
	await page.waitForTimeout(1500);
	const problem = await page.getByText(/Problem in node/).count();
	check(problem === 0, 'the run ends without "Problem in node"');
}

/** Opens the nodes panel: on an empty canvas its first-step button, else the "+" of `fromNode`'s output `output`. */
async function openPanel(page: Page, fromNode?: string, output = 0): Promise<void> {
	if (!fromNode) {
		await page.locator('[data-test-id=canvas-add-button], [data-test-id=canvas-plus-button], [data-test-id=node-creator-plus-button]').first().click();
	} else {
		const handles = page.locator(`.vue-flow__node:has([data-test-id=canvas-node][data-node-name="${fromNode}"]) [data-test-id=canvas-handle-plus]`);
		await handles.nth(Math.min(output, Math.max(0, (await handles.count()) - 1))).click();
	}
	await page.waitForTimeout(800);
}

/**
 * Adds a node as a user does: types its name into the nodes panel, clicks the entry `entry`, then
 * its action `action` (the panel's search finds nodes by name, not by action). The node gets n8n's
 * default name; its panel opens.
 */
async function addFromPanel(page: Page, entry: string, action?: string, fromNode?: string, output = 0): Promise<void> {
	await openPanel(page, fromNode, output);
	await page.keyboard.type(entry, { delay: 30 });
	await page.waitForTimeout(1500);
	const creator = page.locator('[data-test-id=node-creator]');
	await creator.getByText(entry, { exact: true }).first().click();
	await page.waitForTimeout(1200);
	// n8n 2.x shows a community node without actions on a details page first.
	const add = page.getByRole('button', { name: 'Add to workflow' });
	if (await add.isVisible().catch(() => false)) {
		await add.click();
		await page.waitForTimeout(2000);
	}
	if (action) {
		await creator.getByText(action, { exact: true }).first().click();
		await page.waitForTimeout(2000);
	}
}

/** Whether any element under `container` whose text is `text` is cut off (an ellipsis or hidden overflow). */
async function textClipped(container: Locator, text: string): Promise<boolean> {
	return await container.evaluate(
		(root, words) =>
			[...root.querySelectorAll('*')].some((element) => {
				const html = element as HTMLElement;
				return html.children.length === 0 && (html.textContent ?? '').includes(words) && html.scrollWidth > html.clientWidth + 1;
			}),
		text,
	);
}

/** The canvas text of a node: its name, then its subtitle. */
async function canvasTextOf(page: Page, name: string): Promise<string[]> {
	const node = page.locator(`.vue-flow__node:has([data-test-id=canvas-node][data-node-name="${name}"])`).first();
	return (await node.innerText()).split('\n').map((line) => line.trim()).filter(Boolean);
}

const storeDefaultName = readme('"WooCommerce Store (Extend Commerce) account"').replace(/"/g, '');
const backOfficeDefaultName = readme('"Extend Commerce Back Office account"').replace(/"/g, '');

async function main(): Promise<void> {
	mkdirSync(path.join(workDir, 'screens'), { recursive: true });
	await setUpOwner(n8nRest(baseUrl, 'editor-walkthrough'), OWNER);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	// The size the issue's screens were taken at (1280×800): labels must fit there.
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	// pickTable reads a node back by copying it from the canvas.
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
	const page = await context.newPage();
	page.setDefaultTimeout(15000);
	// Signed in through the form: n8n ties its session cookie to the browser that signed in.
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[type=password]').first().waitFor({ timeout: 60000 });
	await page.locator('input[name=emailOrLdapLoginId], input[name=email]').first().fill(OWNER.email);
	await page.locator('input[type=password]').first().fill(OWNER.password);
	await page.locator('[data-test-id=form-submit-button]').click();
	await page.waitForTimeout(4000);

	// "Installing in n8n".
	await step('Settings, Community nodes', page, async () => {
		const words = readme('**Settings → Community nodes → Install a community node**');
		const button = words.replace(/\*/g, '').split(' → ')[2];
		await page.goto(`${baseUrl}/settings/community-nodes`);
		// The page fills in after it loads; wait for its button rather than a fixed time.
		await page.getByText(button).first().waitFor({ timeout: 30000 }).catch(() => undefined);
		const text = await page.locator('body').innerText();
		check(text.includes('Community nodes') && text.includes(button), `the editor shows ${words}`);
	});

	await step('Nodes panel', page, async () => {
		await page.goto(`${baseUrl}/home/workflows`);
		await page.waitForTimeout(2000);
		await universalAdd(page, V2 ? 'New workflow' : 'Workflow');
		await page.locator('[data-test-id=canvas-plus-button], [data-test-id=node-creator-plus-button], [data-test-id=canvas-add-button]').first().click();
		await page.waitForTimeout(800);
		await page.keyboard.type('Extend Commerce', { delay: 30 });
		await page.waitForTimeout(1500);
		const items = (await page.locator('[data-test-id=node-creator] [data-test-id=item-iterator-item]').allInnerTexts()).map((text) => text.split('\n')[0].trim());
		for (const node of ['WooCommerce Fetch (Extend Commerce)', 'Extend Commerce', 'WooCommerce Update (Extend Commerce)']) {
			check(items.includes(node) && README.includes(`**${node}**`), `the nodes panel lists "${node}", as the README says (${items.join(', ')})`);
		}
		// n8n's panel drops "Trigger" from a node with several actions; the trigger has one, so it keeps its name.
		check(items.includes('Extend Commerce Trigger') && README.includes('**Extend Commerce Trigger**'), `the nodes panel lists "Extend Commerce Trigger" by its whole name (${items.join(', ')})`);
		const entries = page.locator('[data-test-id=node-creator] [data-test-id=item-iterator-item]');
		// An entry by its name alone (the push node's description names the trigger too).
		const entry = (name: string) => entries.filter({ has: page.locator('[data-test-id=node-creator-item-name]', { hasText: new RegExp(`^\\s*${name}\\s*$`) }) }).first();
		const describedAs = async (name: string) => (await entry(name).innerText()).split('\n').slice(1).join(' ').trim();
		if (V2) {
			// n8n 1.x lists community nodes without their descriptions (its own limit); its details page below shows it.
			const [actionsText, triggerText] = [await describedAs('Extend Commerce'), await describedAs('Extend Commerce Trigger')];
			check(triggerText !== '' && triggerText !== actionsText, `the trigger and the actions have their own descriptions ("${triggerText}" / "${actionsText}")`);
		}
		await entry('Extend Commerce').click();
		await page.waitForTimeout(1200);
		const pushActions = await page.locator('[data-test-id=node-creator]').innerText();
		check(pushActions.includes('Its trigger is Extend Commerce Trigger'), 'the actions\' details page names the trigger');
		for (const words of ['CustomerOrders', 'assumed product resource']) check(!pushActions.includes(words), `the push node's actions do not speak of "${words}"`);
		await page.screenshot({ path: path.join(workDir, 'screens', 'panel-extend-commerce-actions.png') }).catch(() => undefined);
		// Out of the actions, and out of the panel (1.x goes back to the list first).
		for (let press = 0; press < 2 && (await page.locator('[data-test-id=node-creator]').isVisible().catch(() => false)); press++) {
			await page.keyboard.press('Escape');
			await page.waitForTimeout(500);
		}
		await openPanel(page);
		await page.keyboard.type('Extend Commerce', { delay: 30 });
		await page.waitForTimeout(1500);
		await page.locator('[data-test-id=node-creator] [data-test-id=item-iterator-item]').filter({ hasText: 'WooCommerce Fetch' }).first().click();
		await page.waitForTimeout(1200);
		const actions = await page.locator('[data-test-id=node-creator]').innerText();
		for (const action of ['Get changed orders', 'Get changed products']) {
			check(actions.includes(action) && README.includes(`**${action}**`), `WooCommerce Fetch lists the action "${action}", as the README says`);
		}
		await page.keyboard.press('Escape');
	});

	// "Credentials": the store connection, field for field as the README's table lists it.
	const storeType = readme('**WooCommerce Store (Extend Commerce) API**').replace(/\*/g, '');
	await step('Store credential form', page, async () => {
		await openCredentialType(page, storeType);
		const labels = await labelsOf(dialog(page));
		const expected = readmeTableFields('### WooCommerce store (Extend Commerce Connection)');
		check(JSON.stringify(labels.filter((label) => !N8N_OWN_CREDENTIAL_FIELDS.includes(label))) === JSON.stringify(expected), `the form's fields are the README's, in its order (${labels.join(', ')})`);
		for (const own of N8N_OWN_CREDENTIAL_FIELDS) check(!labels.includes(own) || README.includes(`*${own}*`), `the README mentions n8n's own field "${own}"`);
		const header = await page.locator('[data-test-id=editCredential-modal], .el-dialog:visible').first().innerText();
		check(header.includes(storeDefaultName), `n8n names it "${storeDefaultName}"`);
	});

	const wrongKeyMessage = readme(
		'"The store does not know this consumer key. Check the Access Token (ck_…), or create a new key in WooCommerce → Settings → Advanced → REST API if it was revoked."',
	).replace(/"/g, '');
	await step('Store credential, wrong key', page, async () => {
		readme('**More details**');
		const form = dialog(page);
		await fillParameter(form, 'connectionName', String(storeKeys.connectionName));
		await fillParameter(form, 'accessToken', 'ck_0000000000000000000000000000000000000000');
		await fillParameter(form, 'secret', String(storeKeys.secret));
		await fillParameter(form, 'apiUrl', String(storeKeys.apiUrl));
		await fillParameter(form, 'orderStart', '2025-01-01 00:00:00');
		await page.keyboard.press('Enter').catch(() => undefined);
		await fillParameter(form, 'warehouse', String(storeKeys.warehouse));
		// The sandbox store's certificate is self-signed.
		await form.locator('[data-test-id=parameter-input-ignoreSslIssues] .el-switch, [data-test-id=parameter-input-ignoreSslIssues] [role=switch]').first().click();
		const text = await saveCredential(page);
		check(text.includes('Couldn’t connect with these settings') || text.includes("Couldn't connect with these settings"), 'n8n says "Couldn’t connect with these settings"');
		check(text.includes(wrongKeyMessage), "More details gives the README's message, word for word");
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
		const header = await page.locator('[data-test-id=editCredential-modal], .el-dialog:visible').first().innerText();
		check(header.includes(backOfficeDefaultName), `n8n names it "${backOfficeDefaultName}"`);
		await fillParameter(form, 'apiUrl', String(backOffice.apiUrl));
		const modes = await chooseOption(page, form, 'authMode', 'Bearer Token');
		for (const mode of modes) check(README.includes(`**${mode}**`), `the README names the Authentication choice "${mode}"`);
		await fillParameter(form, 'bearerToken', String(backOffice.bearerToken));
		const text = await saveCredential(page);
		check(/Connection tested successfully/.test(text), 'the back-office credential tests successfully');
		await closeDialog(page);
	});

	await step('OAuth2 back-office credential', page, async () => {
		const type = readme('**Extend Commerce Back Office Client OAuth2 API**').replace(/\*/g, '');
		const defaultName = readme('"Extend Commerce Back Office Client account"').replace(/"/g, '');
		await openCredentialType(page, type);
		const header = await page.locator('[data-test-id=editCredential-modal], .el-dialog:visible').first().innerText();
		check(header.includes(defaultName) && !header.includes(`${backOfficeDefaultName} 2`), `n8n names it "${defaultName}", apart from the API-key credential`);
		await page.screenshot({ path: path.join(workDir, 'screens', 'oauth2-credential-form.png') }).catch(() => undefined);
		await closeDialog(page);
	});

	await step('Webhook credential', page, async () => {
		await openCredentialType(page, 'Extend Commerce Webhook API');
		const labels = await labelsOf(dialog(page));
		check(labels.includes('Secret'), `the webhook credential asks for its Secret (${labels.join(', ')})`);
		await page.screenshot({ path: path.join(workDir, 'screens', 'webhook-credential-form.png') }).catch(() => undefined);
		await closeDialog(page);
	});

	// "Templates": importing the orders template, then the steps after importing.
	let ordersWorkflow = '';
	await step('Orders template imported', page, async () => {
		await importTemplate(page, ORDERS_TEMPLATE);
		// 1.x moves from /workflow/new to the saved workflow's address.
		for (let waited = 0; waited < 60 && page.url().includes('/workflow/new'); waited++) await page.waitForTimeout(500);
		ordersWorkflow = page.url();
		// The sticky note shows all of its text (1.123 used to cut its last line off).
		const sticky = page.locator('[data-test-id=canvas-sticky-note-node], [data-test-id=sticky]').first();
		const clipped = await sticky.evaluate((element) => [...element.querySelectorAll('*')].some((child) => child.scrollHeight > child.clientHeight + 4 && getComputedStyle(child).overflowY !== 'visible'));
		check(!clipped, 'the sticky note shows its whole text');
		// …and says what the README says, in the editor's own words.
		const note = await sticky.innerText();
		const same = ['Create data table', 'Add Column', 'From list', 'Webshop Customer Number', V2 ? 'Publish' : 'Inactive/Active'].map((words) => [words, words]);
		// "Save" alone would match "Save cursor": the 1.x step is checked as each of them words it.
		const pairs = V2 ? same : [...same, ['Save the workflow after importing', '**Save** the workflow right away']];
		for (const [onSticky, inReadme] of pairs) {
			check(note.includes(onSticky) && README.includes(inReadme), `the sticky note says "${onSticky}" and the README "${inReadme}"`);
		}
	});

	await step('Data table created', page, async () => {
		readme('**Overview → Data tables → Create data table**');
		readme('**Add Column**');
		await page.goto(`${baseUrl}/home/datatables`);
		await page.waitForTimeout(2500);
		await page.getByRole('button', { name: /Create data table/i }).last().click();
		await page.waitForTimeout(1200);
		const create = page.locator('[data-test-id=addDataTableModal-modal], [role=dialog]:visible').last();
		await create.locator('input').first().fill(TABLE);
		await create.getByRole('button', { name: 'Create' }).click();
		await page.waitForTimeout(2500);
		for (const column of COLUMNS) {
			await page.getByRole('button', { name: 'Add Column' }).first().click();
			await page.waitForTimeout(600);
			await page.locator('[data-test-id=add-column-name-input] input, input[data-test-id=add-column-name-input]').first().fill(column);
			await page.locator('[data-test-id=data-table-add-column-submit-button]').click();
			await page.waitForTimeout(900);
		}
		const grid = await page.locator('[data-test-id=data-table-grid]').innerText();
		check(COLUMNS.every((column) => grid.includes(column)), `the table has the columns ${COLUMNS.join(', ')}`);
		await page.goto(ordersWorkflow);
		await page.waitForTimeout(3000);
	});

	await step('Orders table picked', page, async () => {
		readme('**Data table → From list**');
		if (!(await canvasNode(page, 'Read cursor').count())) throw new Error('the orders workflow is not open again');
		await pickTables(page, ORDERS_TEMPLATE);
	});

	await step('Orders credentials selected', page, async () => {
		await selectCredentials(page);
		const panel = await openNode(page, 'Extend Commerce');
		const values = await panel.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
		check(values.includes('WEBSHOP') && README.includes('**Webshop Customer Number**'), 'Webshop Customer Number says WEBSHOP, as the README says');
		await closeNode(page);
		if (!V2) await page.locator('[data-test-id=workflow-save-button]').click().catch(() => undefined);
	});

	await step('Orders run from the editor', page, async () => {
		readme('**Execute workflow**');
		await runFromEditor(page);
		const office = (await (await fetch(`${controlUrl}/office`)).json()) as { officeOrders: number; storeOrders: number };
		check(office.officeOrders === office.storeOrders && office.storeOrders > 0, `every order in a sent status reached the back office (${office.officeOrders} of ${office.storeOrders})`);
	});

	await step(V2 ? 'Orders published' : 'Orders activated', page, async () => {
		await closeNode(page);
		if (V2) {
			readme('**Publish**');
			await page.locator('[data-test-id=workflow-open-publish-modal-button]').click();
			await page.waitForTimeout(1200);
			await page.locator('[data-test-id=workflow-publish-button]').click();
			await page.waitForTimeout(2500);
			check(/Published/.test(await page.locator('body').innerText()), 'the workflow is published');
		} else {
			readme('**Inactive/Active**');
			await page.locator('[data-test-id=workflow-activate-switch]').click();
			await page.waitForTimeout(2000);
			const gotIt = page.getByRole('button', { name: 'Got it' });
			if (await gotIt.count()) await gotIt.first().click().catch(() => undefined);
			const on = await page.locator('[data-test-id=workflow-activate-switch]').evaluate((element) => element.matches('.is-checked') || !!element.querySelector('.is-checked, [aria-checked=true]'));
			check(on, 'the workflow is active');
		}
	});

	// The issue-21 workflow: built from the nodes panel with n8n's default names, nothing typed into an
	// expression. The push node has no store connection: its warehouse comes from the fetch node's.
	await step('Hand-built: Schedule Trigger', page, async () => {
		await closeNode(page);
		await page.goto(`${baseUrl}/home/workflows`);
		await page.waitForTimeout(2000);
		await universalAdd(page, V2 ? 'New workflow' : 'Workflow');
		await addFromPanel(page, 'Schedule Trigger');
		await closeNode(page);
		check((await canvasNode(page, 'Schedule Trigger').count()) === 1, 'the Schedule Trigger is on the canvas');
	});

	await step('Hand-built: Get changed orders', page, async () => {
		const storeSlot = readme('*WooCommerce Store Connection*').replace(/\*/g, '');
		await addFromPanel(page, 'WooCommerce Fetch (Extend Commerce)', 'Get changed orders', 'Schedule Trigger');
		const panel = ndv(page);
		check((await canvasNode(page, 'Get changed orders').count()) === 1, 'the fetch node is named "Get changed orders" by n8n');
		if (V2) check(!(await textClipped(panel, 'Connect to')), 'the "Connect to …" button shows its whole text');
		await pickCredential(page, panel, storeSlot, storeDefaultName);
		await closeNode(page);
	});

	await step('Hand-built: Create orders', page, async () => {
		const backOfficeSlot = readme('*Extend Commerce Back Office*').replace(/\*/g, '');
		await addFromPanel(page, 'Extend Commerce', 'Create orders', 'Get changed orders', 0);
		const panel = ndv(page);
		check((await canvasNode(page, 'Create orders').count()) === 1, 'the push node is named "Create orders" by n8n');
		const text = await panel.innerText();
		check(!/Referenced node|ERROR/.test(text), 'Sync Window shows no error: it is empty and finds the fetch node by itself');
		check(text.includes('Orders need an Extend warehouse'), 'the node says before the run that orders need a warehouse');
		await pickCredential(page, panel, backOfficeSlot, backOfficeDefaultName);
		await fillParameter(panel, 'customerNumber', 'WEBSHOP');
		await page.screenshot({ path: path.join(workDir, 'screens', 'hand-built-create-orders-filled.png') }).catch(() => undefined);
		await closeNode(page);
	});

	await step('Hand-built: canvas', page, async () => {
		const canvas = page.locator('.vue-flow, [data-test-id=canvas]').first();
		check(!(await textClipped(canvas, 'Window')), 'the fetch node\'s "Window" output label is not cut');
		for (const [name, subtitle] of [['Get changed orders', 'Orders since the cursor'], ['Create orders', 'Send orders to Extend']]) {
			const lines = await canvasTextOf(page, name);
			check(lines.includes(subtitle) && subtitle !== name, `"${name}" shows the subtitle "${subtitle}" (${lines.join(' / ')})`);
		}
		if (!V2) await page.locator('[data-test-id=workflow-save-button]').click().catch(() => undefined);
	});

	await step('Hand-built: run', page, async () => {
		await runFromEditor(page);
		const panel = await openNode(page, 'Create orders');
		const output = await panel.innerText();
		check(!/No Extend warehouse/.test(output), 'the orders went out with the warehouse of the fetch node\'s store connection');
		await closeNode(page);
	});

	await step('Trigger and WooCommerce Update from the panel', page, async () => {
		await page.goto(`${baseUrl}/home/workflows`);
		await page.waitForTimeout(2000);
		await universalAdd(page, V2 ? 'New workflow' : 'Workflow');
		await addFromPanel(page, 'Extend Commerce Trigger');
		let panel = ndv(page);
		let text = await panel.innerText();
		check(text.includes('Webhook Secret'), 'the trigger\'s credential slot is labelled "Webhook Secret"');
		check(text.includes('Aktivt (Swedish for "active")'), 'the trigger\'s notice explains Aktivt in English');
		await page.screenshot({ path: path.join(workDir, 'screens', 'trigger-node.png') }).catch(() => undefined);
		await closeNode(page);
		const trigger = (await page.locator('[data-test-id=canvas-node]').first().getAttribute('data-node-name')) ?? 'Extend Commerce Trigger';
		await addFromPanel(page, 'WooCommerce Update (Extend Commerce)', 'Set stock quantities by SKU', trigger, 0);
		panel = ndv(page);
		text = await panel.innerText();
		check(text.includes('availableBalance'), 'Set Stock\'s Quantity reads availableBalance by default, not 0');
		await closeNode(page);
	});

	for (const file of REVERSE_TEMPLATES) {
		await step(`Template ${path.basename(file, '.json')}`, page, async () => {
			// Sticky notes are no canvas nodes: the smallest of these has three.
			await importTemplate(page, file, 3);
			if (tableNodesOf(file).length) {
				await pickTables(page, file);
				if (!V2) await page.locator('[data-test-id=workflow-save-button]').click().catch(() => undefined);
			}
			const note = await page.locator('[data-test-id=canvas-sticky-note-node], [data-test-id=sticky]').first().innerText();
			check(!note.includes('Aktivt = True'), 'the sticky note explains Aktivt');
		});
	}

	// The products template: the error branch, after the store changed (a product lost its SKU).
	await step('Products template set up', page, async () => {
		await importTemplate(page, PRODUCTS_TEMPLATE);
		await pickTables(page, PRODUCTS_TEMPLATE);
		await selectCredentials(page);
		if (!V2) await page.locator('[data-test-id=workflow-save-button]').click().catch(() => undefined);
		await runFromEditor(page);
	});

	await step('Rejected records', page, async () => {
		await fetch(`${controlUrl}/change`, { method: 'POST' });
		await runFromEditor(page);
		const panel = await openNode(page, 'Rejected records');
		const json = panel.locator('[data-test-id=radio-button-json]');
		if (await json.count()) await json.first().click();
		await page.waitForTimeout(1000);
		const output = await panel.innerText();
		// The README's shape of a rejected record: { reason, fix, record, outcome: "rejected", … }.
		const reason = output.indexOf('"reason"');
		check(reason >= 0 && reason < output.indexOf('"fix"') && output.includes('"rejected"'), 'a rejected product is on Rejected records, its reason first, then the fix');
		check(/sku is empty/i.test(output) && /give it a SKU/.test(output), 'its reason says the SKU is missing, its fix how to give it one');
	});

	// The polling template's first run writes its cursor row after the table was picked (issue 20).
	// After the products template, so Extend knows the product whose balance is set here.
	await step('Polling template run', page, async () => {
		const polling = REVERSE_TEMPLATES.find((file) => file.endsWith('-polling.json'))!;
		await importTemplate(page, polling, 3);
		await pickTables(page, polling);
		const form = new URLSearchParams({ productNumber: POLLING_SKU, warehouse: String(storeKeys.warehouse), available: '7' });
		const balance = await fetch(`${new URL(String(backOffice.apiUrl)).origin}/actions/balance`, { method: 'POST', body: form, redirect: 'manual' });
		if (balance.status >= 400) throw new Error(`the back office did not take the balance of ${POLLING_SKU}: HTTP ${balance.status}`);
		const storeSlot = readme('*WooCommerce Store Connection*').replace(/\*/g, '');
		let panel = await openNode(page, 'Extend Commerce');
		await pickCredential(page, panel, readme('*Extend Commerce Back Office*').replace(/\*/g, ''), backOfficeDefaultName);
		await pickCredential(page, panel, storeSlot, storeDefaultName);
		panel = await openNode(page, 'WooCommerce Update');
		await pickCredential(page, panel, storeSlot, storeDefaultName);
		await closeNode(page);
		if (!V2) await page.locator('[data-test-id=workflow-save-button]').click().catch(() => undefined);
		await runFromEditor(page);
		panel = await openNode(page, 'Save cursor');
		// Its output, not its input (the row Cursor to save built): the row as the table holds it now.
		const output = await panel.locator('[data-test-id=output-panel]').first().innerText();
		check(output.includes('availability') && output.includes('createdAt'), 'Save cursor wrote the availability row (the first run, right after the pick)');
		await closeNode(page);
	});

	await browser.close();
	console.log(failures.length ? `${failures.length} check(s) failed` : 'all checks passed');
	process.exit(failures.length ? 1 : 0);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
