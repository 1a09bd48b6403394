// Segment value & needs maps: a facilitator adds segments, captures needs and the offer, links
// them and watches the fit, enters values and sees the portfolio, undoes and redoes, reloads.
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openApp, readAllStores, sidebar, storedRows, toasts } from '../helpers/e2e';

const fitMeter = (page: Page) => page.getByRole('meter', { name: 'Fit' });
const segmentList = (page: Page) => page.getByRole('navigation', { name: 'Segments' });

async function openSegmentMaps(page: Page) {
  await sidebar(page).getByRole('link', { name: /Segment value & needs maps/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Segment value & needs maps' })).toBeVisible();
}

async function addSegment(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add segment', exact: true }).click();
  const nameBox = page.getByRole('textbox', { name: 'Segment name' });
  await expect(nameBox).toHaveValue('New segment');
  await nameBox.fill(name);
  await expect(segmentList(page).getByRole('link', { name: new RegExp(`^${name}`) })).toBeVisible();
}

/** Clicks an "Add …" button and types into the new item once it has the cursor. */
async function addItem(page: Page, button: string, itemName: string, text: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('textbox', { name: itemName, exact: true })).toBeFocused();
  await page.keyboard.type(text);
}

async function setNumber(page: Page, label: string, text: string) {
  const box = page.getByRole('textbox', { name: label, exact: true });
  await box.fill(text);
  await box.blur();
}

test('segments: needs, offer, fit, values, portfolio, undo/redo and reload', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Personas and segments', client: 'Nordwind', title: 'Segments day' });
  await openSegmentMaps(page);

  // Empty state explains the map and offers the first step.
  await expect(page.getByRole('heading', { name: 'No segments yet' })).toBeVisible();
  await expect(page.getByText('List the segments you serve')).toBeVisible();

  await addSegment(page, 'Young families');

  // Needs: the add button puts the cursor in the new item; Enter adds the next one.
  await page.getByRole('button', { name: 'Add job', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Job 1' })).toBeFocused();
  await page.keyboard.type('Protect the family home');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Job 2' })).toBeFocused();
  await page.keyboard.type('Get the kids to school — 毎日 on time');
  await addItem(page, 'Add pain', 'Pain 1', 'Claims take weeks');
  // Importance with the keyboard: focus the checked pip and raise it to 5.
  await page.getByRole('radiogroup', { name: 'Importance of pain 1' }).getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('radiogroup', { name: 'Importance of pain 1' }).getByRole('radio', { name: /^5/ })).toHaveAttribute('aria-checked', 'true');

  // Offer.
  await addItem(page, 'Add pain reliever', 'Pain reliever 1', 'Claims decided in 48 hours');
  await addItem(page, 'Add product or service', 'Product or service 1', 'Family bundle');
  await expect(fitMeter(page)).toHaveAttribute('aria-valuenow', '0');
  await expect(page.getByRole('heading', { name: 'Offers with no need linked (2)' })).toBeVisible();

  // Link the pain reliever to the pain: the fit goes from 0 to 5 / (3 + 3 + 5) = 45 %.
  await page.getByRole('button', { name: /^Answers… 0 needs linked to Claims decided in 48 hours$/ }).click();
  const picker = page.getByRole('group', { name: 'Needs answered by Claims decided in 48 hours' });
  await picker.getByRole('checkbox', { name: 'Claims take weeks', exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(fitMeter(page)).toHaveAttribute('aria-valuenow', '45');
  await expect(page.getByRole('heading', { name: 'Answered needs (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Offers with no need linked (1)' })).toBeVisible();

  // Values, typed the way people say them.
  await setNumber(page, 'Size', '12,000');
  await setNumber(page, 'Current value', '1.2 M');
  await setNumber(page, 'Potential value', '3.4M');
  await expect(page.getByText('3.4 M per year')).toBeVisible();
  await setNumber(page, 'Potential value', '-3');
  await expect(page.getByRole('alert').filter({ hasText: 'Potential value cannot be negative.' })).toBeVisible();
  await setNumber(page, 'Potential value', '3.4M');
  await expect(page.getByText('Suggested:')).toBeVisible();

  await addSegment(page, 'Students');
  await setNumber(page, 'Size', '9000');
  await setNumber(page, 'Current value', '150k');
  await setNumber(page, 'Potential value', '600k');
  await page.getByRole('group', { name: 'Agreed priority' }).getByRole('radio', { name: 'Low', exact: true }).check();

  // Portfolio: one bubble per segment, named with its values.
  await page.getByRole('tab', { name: 'Maps', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Portfolio', exact: true })).toHaveAttribute('aria-selected', 'true');
  const young = page.getByRole('button', {
    name: 'Young families: current 1.2 M, potential 3.4 M, 12,000 customers, priority high (suggested)',
  });
  await expect(young).toBeVisible();
  await expect(page.getByRole('button', { name: 'Students: current 150 k, potential 600 k, 9,000 customers, priority low', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ranked by suggested priority' }).getByRole('row').nth(1)).toContainText('Young families');

  // Enter on a bubble opens its map.
  await young.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Segment name' })).toHaveValue('Young families');
  await expect(fitMeter(page)).toHaveAttribute('aria-valuenow', '45');

  // Undo / redo from the keyboard: unlinking is one step.
  await page.getByRole('button', { name: /^Answers… 1 need linked to Claims decided/ }).click();
  await page.getByRole('group', { name: /^Needs answered by/ }).getByRole('checkbox', { name: 'Claims take weeks', exact: true }).uncheck();
  await page.keyboard.press('Escape');
  await expect(fitMeter(page)).toHaveAttribute('aria-valuenow', '0');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(fitMeter(page)).toHaveAttribute('aria-valuenow', '45');
  await page.keyboard.press('Control+Shift+z');
  await expect(fitMeter(page)).toHaveAttribute('aria-valuenow', '0');
  await page.keyboard.press('Control+z');
  await expect(fitMeter(page)).toHaveAttribute('aria-valuenow', '45');

  // Reorder with the keyboard.
  await segmentList(page).getByRole('link', { name: /^Students/ }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(segmentList(page).getByRole('link').first()).toContainText('Students');
  await expect(segmentList(page).getByRole('link', { name: /^Students/ })).toBeFocused();

  // Delete without personas: at once, with an Undo in the toast.
  await segmentList(page).getByRole('link', { name: /^Students/ }).click();
  await page.getByRole('button', { name: 'Delete segment Students', exact: true }).click();
  await expect(segmentList(page).getByRole('link')).toHaveCount(1);
  await toasts(page).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(segmentList(page).getByRole('link')).toHaveCount(2);

  // Reload, once the undone delete is stored: everything is where it was.
  await expect.poll(async () => (await storedRows<{ name: string }>(page, 'segments')).map((r) => r.name).sort()).toEqual(['Students', 'Young families']);
  await page.reload();
  await segmentList(page).getByRole('link', { name: /^Young families/ }).click();
  await expect(page.getByRole('textbox', { name: 'Job 2' })).toHaveValue('Get the kids to school — 毎日 on time');
  await expect(page.getByRole('textbox', { name: 'Size' })).toHaveValue('12,000');
  await expect(page.getByRole('textbox', { name: 'Potential value' })).toHaveValue('3,400,000');
  await expect(fitMeter(page)).toHaveAttribute('aria-valuenow', '45');
  await expect(segmentList(page).getByRole('link').first()).toContainText('Students');

  const { stores } = await readAllStores(page);
  const rows = stores.segments as { name: string; order: number; priority: string | null; needs: { text: string; importance: number }[] }[];
  expect(rows.map((r) => [r.name, r.order, r.priority]).sort()).toEqual([
    ['Students', 0, 'low'],
    ['Young families', 1, null],
  ]);
  const yf = rows.find((r) => r.name === 'Young families')!;
  expect(yf.needs.map((n) => [n.text, n.importance])).toEqual([
    ['Protect the family home', 3],
    ['Get the kids to school — 毎日 on time', 3],
    ['Claims take weeks', 5],
  ]);
});

// Numbers are read and shown in the app's locale, the same way as in the measurement plan.
test.describe('numbers in German', () => {
  test.use({ locale: 'de-DE' });

  test('"2.400.000" and "1,5 Mio" are accepted and shown back in German; 14.500.000 is 14,5 M, not 15 M', async ({ page }) => {
    await openApp(page);
    await createWorkshop(page, { template: 'Personas and segments', client: 'Nordwind Bank', title: 'Zahlen' });
    await openSegmentMaps(page);
    await addSegment(page, 'Junge Familien');
    await setNumber(page, 'Size', '2.400.000');
    await expect(page.getByRole('textbox', { name: 'Size', exact: true })).toHaveValue('2.400.000');
    await expect(page.getByText('2,4 M customers', { exact: true })).toBeVisible();
    await setNumber(page, 'Current value', '1,5 Mio');
    await expect(page.getByRole('textbox', { name: 'Current value', exact: true })).toHaveValue('1.500.000');
    await setNumber(page, 'Potential value', '14.500.000');
    await expect(page.getByText('14,5 M per year', { exact: true })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect
      .poll(async () => (await storedRows<{ size: number; currentValue: number; potentialValue: number }>(page, 'segments')).map((s) => [s.size, s.currentValue, s.potentialValue]))
      .toEqual([[2_400_000, 1_500_000, 14_500_000]]);
  });
});
