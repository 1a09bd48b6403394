// Entering cards on the journey canvas at a facilitator's pace: one card saved with Ctrl+Enter,
// the next cell double-clicked at once and typed into. Nothing typed may be lost and focus must
// stay in the editor being typed into. Also covers the canvas actions menu.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createWorkshop, openApp, readAllStores, sidebar } from '../helpers/e2e';

const cell = (page: Page, stage: string, lane: string): Locator => page.getByRole('button', { name: new RegExp(`^Cell: ${stage}, ${lane}, \\d+ cards?$`) });
const card = (page: Page, text: string, stage: string, lane: string): Locator => page.getByRole('button', { name: `Card: ${text}, ${stage}, ${lane}`, exact: true });

async function storedTexts(page: Page): Promise<string[]> {
  const db = await readAllStores(page);
  return ((db.stores.journeyCards ?? []) as { text: string }[]).map((c) => c.text).sort();
}

async function centre(l: Locator) {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/**
 * Holds the stored cards behind an open read-write transaction, as a slow disk would, until
 * released: the card saved meanwhile is stored, and shown, only after release. The transaction is
 * kept alive by chaining reads; it ends by itself once released.
 */
async function holdCardStore(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('centric');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const w = window as unknown as { __releaseCards?: boolean };
          w.__releaseCards = false;
          const tx = db.transaction('journeyCards', 'readwrite');
          const store = tx.objectStore('journeyCards');
          const spin = () => {
            if (!w.__releaseCards) store.count().onsuccess = spin;
          };
          spin();
          tx.oncomplete = () => db.close();
          resolve();
        };
      }),
  );
  return () => page.evaluate(() => void ((window as unknown as { __releaseCards?: boolean }).__releaseCards = true));
}

async function openNewJourney(page: Page) {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Northwind', title: 'Card entry day' });
  await sidebar(page).getByRole('link', { name: /Customer journeys/ }).click();
  await page.getByRole('button', { name: 'New journey', exact: true }).first().click();
  await page.getByRole('dialog', { name: 'New journey' }).getByRole('button', { name: 'Create journey', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stage: Aware', exact: true })).toBeVisible();
}

test('Ctrl+Enter, then at once double-click the next cell and type: the second card keeps every letter and the focus', async ({ page }) => {
  await openNewJourney(page);
  const first = await centre(cell(page, 'Aware', 'Actions'));
  const next = await centre(cell(page, 'Consider', 'Actions'));

  await page.mouse.dblclick(first.x, first.y + 20);
  const editor = page.getByRole('textbox', { name: 'New card text' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('Reads the policy');
  // No waiting between saving one card and starting the next, as a fast typist works; the
  // second word is typed at a steady pace so the first card is stored while it is being typed.
  await page.keyboard.press('Control+Enter');
  await page.mouse.dblclick(next.x, next.y + 20);
  await page.keyboard.type('Compares three insurers', { delay: 40 });

  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('Compares three insurers');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => storedTexts(page)).toEqual(['Compares three insurers', 'Reads the policy']);
  await expect(card(page, 'Compares three insurers', 'Consider', 'Actions')).toBeFocused();
});

test('the saved card arrives while the next one is being typed (a slow disk): typing goes on undisturbed', async ({ page }) => {
  await openNewJourney(page);
  const first = await centre(cell(page, 'Aware', 'Actions'));
  const next = await centre(cell(page, 'Consider', 'Actions'));

  await page.mouse.dblclick(first.x, first.y + 20);
  const editor = page.getByRole('textbox', { name: 'New card text' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('Reads the policy');
  const release = await holdCardStore(page);
  await page.keyboard.press('Control+Enter');
  await page.mouse.dblclick(next.x, next.y + 20);
  await expect(editor).toBeFocused();
  await page.keyboard.type('Comp');
  // The first card is stored and appears on the canvas in the middle of the word.
  await release();
  await expect(card(page, 'Reads the policy', 'Aware', 'Actions')).toBeVisible();
  await page.keyboard.type('ares three insurers');

  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('Compares three insurers');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => storedTexts(page)).toEqual(['Compares three insurers', 'Reads the policy']);
  await expect(card(page, 'Compares three insurers', 'Consider', 'Actions')).toBeFocused();
});

test('the canvas actions menu lists every action with its shortcut, works by keyboard, and acts on the focused card', async ({ page }) => {
  await openNewJourney(page);
  const at = await centre(cell(page, 'Aware', 'Actions'));
  await page.mouse.dblclick(at.x, at.y + 20);
  await page.keyboard.type('Calls the helpline');
  await page.keyboard.press('Control+Enter');
  const calls = card(page, 'Calls the helpline', 'Aware', 'Actions');
  await expect(calls).toBeFocused();

  // Open by keyboard: the first action for the focused card takes focus.
  const more = page.getByRole('button', { name: 'More canvas actions', exact: true });
  await more.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Canvas actions' });
  await expect(menu).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const edit = menu.getByRole('menuitem', { name: 'Edit card', exact: true });
  await expect(edit).toBeFocused();
  await expect(edit).toHaveAttribute('aria-keyshortcuts', 'Enter F2');
  await expect(menu.getByRole('menuitem', { name: 'Copy cards', exact: true })).toHaveAttribute('aria-keyshortcuts', 'Control+C');
  // Acting on a card, so adding a card to a cell is not on offer.
  await expect(menu.getByRole('menuitem', { name: 'Add a card here', exact: true })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: 'Zoom to fit', exact: true })).toBeEnabled();
  await page.screenshot({ path: '/tmp/journey-menu-open.png' });
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Select or unselect card', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();

  // Copy through the menu; the toolbar's paste (the same table entry as Ctrl+V) is then on offer.
  const paste = page.getByRole('button', { name: 'Paste cards', exact: true });
  await expect(paste).toBeDisabled();
  await page.keyboard.press('ArrowDown');
  await menu.getByRole('menuitem', { name: 'Copy cards', exact: true }).click();
  await expect(menu).toBeHidden();
  await expect(paste).toBeEnabled();
  await paste.click();
  await expect.poll(() => storedTexts(page)).toEqual(['Calls the helpline', 'Calls the helpline']);

  // Moving through the menu moves the card the canvas had focused, and the focus follows it.
  await calls.first().focus();
  await more.click();
  await menu.getByRole('menuitem', { name: 'Move card right', exact: true }).click();
  await expect(card(page, 'Calls the helpline', 'Consider', 'Actions')).toBeFocused();
  await page.screenshot({ path: '/tmp/journey-toolbar.png' });
});

test('right-click on a card or a cell opens the same actions for it', async ({ page }) => {
  await openNewJourney(page);
  const at = await centre(cell(page, 'Aware', 'Actions'));
  await page.mouse.dblclick(at.x, at.y + 20);
  await page.keyboard.type('Finds the claim form');
  await page.keyboard.press('Control+Enter');
  const form = card(page, 'Finds the claim form', 'Aware', 'Actions');
  await expect(form).toBeFocused();

  // On an empty cell: adding a card is offered, and runs there.
  const buy = await centre(cell(page, 'Buy', 'Actions'));
  await page.mouse.click(buy.x, buy.y + 20, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Canvas actions' });
  await expect(menu.getByRole('menuitem', { name: 'Add a card here', exact: true })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'Edit card', exact: true })).toBeDisabled();
  await page.screenshot({ path: '/tmp/journey-context-menu.png' });
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(cell(page, 'Buy', 'Actions')).toBeFocused();

  // On a card: delete it from the menu.
  await form.click({ button: 'right' });
  await expect(menu.getByRole('menuitem', { name: 'Edit card', exact: true })).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Delete cards', exact: true }).click();
  await expect.poll(() => storedTexts(page)).toEqual([]);
  await expect(cell(page, 'Aware', 'Actions')).toBeFocused();
});
