// The agenda edited by keyboard on the workshop's overview: a planned start with each step's
// clock times, a step renamed, re-timed, moved, removed (undone and redone) and added with a
// journey, all kept across a reload, and a step dragged by its handle; the clock times follow the 12-hour setting; the agenda saved
// as a template gives a new workshop the very same steps. Screenshot: /tmp/shots/agenda-editor.png.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, expectSidebarSteps, goToSettings, openApp, openOverview, redoButton, sidebar, undoButton } from '../helpers/e2e';

const shots = '/tmp/shots';
mkdirSync(shots, { recursive: true });

const steps = (page: Page) => page.getByRole('list', { name: 'Agenda steps', exact: true }).getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Remove step \d+$/ }) });
const titleBox = (page: Page, n: number) => page.getByRole('textbox', { name: `Step ${n} title`, exact: true });
const minutesBox = (page: Page, n: number) => page.getByRole('textbox', { name: `Step ${n} minutes`, exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Replaces a field's text the way a keyboard user does: select all, type. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

const edited = [
  ['Welcome and coffee', 15, '08:30–08:45'],
  ['Readiness check: five questions', 35, '08:45–09:20'],
  ['Seven contrasts', 40, '09:20–10:00'],
  ['Warning signs checklist', 30, '10:00–10:30'],
  ['Five-employees test and audit', 30, '10:30–11:00'],
  ['Agree priorities', 25, '11:00–11:25'],
  ['Actions and close', 15, '11:25–11:40'],
  ['Map one journey', 25, '11:40–12:05'],
] as const;

async function expectEditedAgenda(page: Page): Promise<void> {
  await expect(steps(page)).toHaveCount(edited.length);
  for (const [i, [title, minutes, time]] of edited.entries()) {
    await expect(titleBox(page, i + 1)).toHaveValue(title);
    await expect(minutesBox(page, i + 1)).toHaveValue(String(minutes));
    await expect(steps(page).nth(i)).toContainText(time);
  }
  await expectSidebarSteps(page, edited.map(([t]) => t));
}

test('edits the agenda by keyboard, keeps it across a reload and saves it as a template', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await createWorkshop(page, { template: 'Readiness kick-off', client: 'Nordwind Insurance', title: 'Kick-off' });
  await expect(steps(page)).toHaveCount(8);

  // The planned start: every step gets its clock times from it.
  await page.getByLabel('Start time', { exact: true }).fill('08:30');
  await expect(steps(page).first()).toContainText('08:30–08:45');
  await expect(steps(page).nth(1)).toContainText('08:45–09:25');

  // Rename step 1 and re-time step 2, typing only.
  await titleBox(page, 1).focus();
  await retype(page, 'Welcome and coffee');
  await page.keyboard.press('Tab');
  await expect(minutesBox(page, 1)).toBeFocused();
  await minutesBox(page, 2).focus();
  await retype(page, '35');
  await page.keyboard.press('Tab');
  await expect(steps(page).nth(1)).toContainText('08:45–09:20');
  await expect(sidebar(page).getByRole('link', { name: /Welcome and coffee/ })).toBeVisible();

  // Move "Seven contrasts" from 5 to 3 with Enter; focus stays on the moved step's button.
  await button(page, 'Move step 5 up').focus();
  await page.keyboard.press('Enter');
  await expect(titleBox(page, 4)).toHaveValue('Seven contrasts');
  await expect(button(page, 'Move step 4 up')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(titleBox(page, 3)).toHaveValue('Seven contrasts');
  await expect(button(page, 'Move step 3 up')).toBeFocused();

  // Remove the break (now step 5); undo brings it back in place, redo removes it again.
  await expect(titleBox(page, 5)).toHaveValue('Break');
  await button(page, 'Remove step 5').focus();
  await page.keyboard.press('Enter');
  await expect(steps(page)).toHaveCount(7);
  await undoButton(page, 'Remove step “Break”').click();
  await expect(steps(page)).toHaveCount(8);
  await expect(titleBox(page, 5)).toHaveValue('Break');
  await redoButton(page, 'Remove step “Break”').click();
  await expect(steps(page)).toHaveCount(7);
  await expect(titleBox(page, 5)).toHaveValue('Five-employees test and audit');

  // Add a step: its title is focused and selected, ready to type over.
  await button(page, 'Add step').focus();
  await page.keyboard.press('Enter');
  await expect(steps(page)).toHaveCount(8);
  await expect(titleBox(page, 8)).toBeFocused();
  await page.keyboard.type('Map one journey');
  await minutesBox(page, 8).focus();
  await retype(page, '25');
  // Any artifact on any step: a journey in a readiness kick-off.
  await page.getByLabel('Artifact for step 8', { exact: true }).selectOption({ label: 'Customer journeys' });
  await button(page, 'Add the artifact to step 8').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Artifacts of step 8', exact: true })).toContainText('Customer journeys');
  await expect(sidebar(page).getByRole('link', { name: /Customer journeys/ })).toBeVisible();

  await expectEditedAgenda(page);
  await expect(page.getByText('Ends 12:05', { exact: true })).toBeVisible();
  const card = page.getByRole('main').getByRole('region', { name: /^Agenda/ });
  await card.screenshot({ path: `${shots}/agenda-editor.png` });

  // Everything was stored: a reload shows the same agenda.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Kick-off', exact: true })).toBeVisible();
  await expectEditedAgenda(page);
  await expect(page.getByLabel('Start time', { exact: true })).toHaveValue('08:30');

  // The 12-hour clock setting: the same times read 8:30 AM … 12:05 PM.
  await goToSettings(page);
  await page.getByLabel('Clock times', { exact: true }).selectOption('12h');
  await page.goBack();
  await openOverview(page);
  await expect(steps(page).first()).toContainText('8:30 AM–8:45 AM');
  await expect(steps(page).last()).toContainText('11:40 AM–12:05 PM');
  await card.screenshot({ path: `${shots}/agenda-editor-12h.png` });

  // Save as template, then a new workshop from it starts with the edited steps and the journey.
  await sidebar(page).getByRole('button', { name: 'Save agenda as template', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save agenda as template' });
  await dialog.getByLabel('Template name', { exact: true }).fill('Kick-off with a journey');
  await dialog.getByRole('button', { name: 'Save template', exact: true }).click();
  await expect(dialog).toBeHidden();

  await createWorkshop(page, { template: 'Kick-off with a journey', client: 'Beta Bank', title: 'Second kick-off' });
  await expectSidebarSteps(page, edited.map(([t]) => t));
  for (const [i, [title, minutes]] of edited.entries()) {
    await expect(titleBox(page, i + 1)).toHaveValue(title);
    await expect(minutesBox(page, i + 1)).toHaveValue(String(minutes));
  }
  await expect(page.getByRole('list', { name: 'Artifacts of step 8', exact: true })).toContainText('Customer journeys');
  await expect(sidebar(page).getByRole('link', { name: /Customer journeys/ })).toBeVisible();

  // Steps can also be dragged by their handle: the journey step to the top, one undo step. (A tall
  // window keeps both rows in view, so the drag needs no scrolling.)
  await page.setViewportSize({ width: 1440, height: 1600 });
  await steps(page).first().scrollIntoViewIfNeeded();
  await steps(page).nth(7).locator('.agenda-grip').dragTo(steps(page).first());
  await expect(titleBox(page, 1)).toHaveValue('Map one journey');
  // The new workshop has no start time of its own: 09:00, on the 12-hour clock set above.
  await expect(steps(page).first()).toContainText('9:00 AM–9:25 AM');
  await expect(titleBox(page, 2)).toHaveValue('Welcome and coffee');
  await undoButton(page, 'Move step').click();
  await expect(titleBox(page, 1)).toHaveValue('Welcome and coffee');
  await expect(titleBox(page, 8)).toHaveValue('Map one journey');
});
