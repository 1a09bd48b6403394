// After a silent brainstorm is revealed, the facilitator groups the ideas into themes by drag
// (and at the keyboard), names them, sends a theme to a journey lane and an idea to the roadmap,
// the presenter shows the themes, and the room dot-votes on the themes; while the vote is open
// the run screen shows only the dots of the person voting. Screenshots go to /tmp/shots/themes-*.png.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openApp, sidebar, storedRows } from '../helpers/e2e';

test.use({ viewport: { width: 1440, height: 900 } });
const shots = '/tmp/shots';
mkdirSync(shots, { recursive: true });

const ideas = ['Customers repeat their story to every department', 'Claims forms ask for data we already have', 'Nobody owns the renewal moment', 'Renewal letters nobody understands'];

async function addJourney(page: Page, name: string) {
  await sidebar(page).getByRole('link', { name: /Customer journeys/ }).click();
  await page.getByRole('button', { name: 'New journey', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('textbox', { name: 'Journey name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create journey', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('revealed ideas are grouped into themes, sent on, shown on the presenter and voted on', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Nordwind Insurance', title: 'Claims day' });
  await addJourney(page, 'Claims');

  await sidebar(page).getByRole('link', { name: 'Run workshop', exact: true }).click();
  await page.getByRole('button', { name: 'Start the workshop', exact: true }).click();
  await page.getByRole('button', { name: 'Participants', exact: true }).click();
  const drawer = page.getByRole('complementary', { name: 'Participants' });
  for (const name of ['Ana Ruiz', 'Ben Okafor']) {
    await drawer.getByLabel('Name', { exact: true }).fill(name);
    await drawer.getByRole('button', { name: 'Add participant', exact: true }).click();
  }
  await expect(drawer.getByRole('list', { name: 'Participants' }).getByRole('listitem')).toHaveCount(2);
  await drawer.getByRole('button', { name: 'Close panel', exact: true }).click();

  await page.getByRole('tab', { name: 'Silent brainstorm', exact: true }).click();
  await page.getByLabel('Question', { exact: true }).fill('What gets in the way for our customers?');
  await page.getByRole('button', { name: 'Start silent round', exact: true }).click();
  for (const idea of ideas) {
    await page.getByLabel('Idea (stays hidden until revealed)').fill(idea);
    await page.getByRole('button', { name: 'Add idea', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Reveal all 4 ideas', exact: true }).click();

  const board = page.getByRole('region', { name: 'Revealed ideas' });
  const card = (text: string) => board.getByRole('listitem').filter({ hasText: text });
  const column = (name: string) => board.getByRole('region', { name, exact: true });

  // Drag the first idea onto "New theme": a theme starts with it, its name field ready to type.
  await card(ideas[0]!).dragTo(board.getByRole('button', { name: 'New theme', exact: true }));
  const name1 = board.getByRole('textbox', { name: 'Name of Theme 1', exact: true });
  await expect(name1).toBeFocused();
  await name1.fill('Tell it once');
  await name1.press('Tab');
  await expect(column('Theme: Tell it once')).toBeVisible();
  // Drag the second idea onto that theme.
  await card(ideas[1]!).dragTo(column('Theme: Tell it once'));
  await expect(column('Theme: Tell it once').getByRole('listitem')).toHaveCount(2);

  // At the keyboard: a new theme, and an idea put under it with its "Theme" list.
  await board.getByRole('button', { name: 'New theme', exact: true }).click();
  const name2 = board.getByRole('textbox', { name: 'Name of Theme 2', exact: true });
  await expect(name2).toBeFocused();
  await name2.fill('Renewal without surprises');
  await name2.press('Enter');
  await expect(column('Theme: Renewal without surprises')).toBeVisible();
  await board.getByRole('combobox', { name: `Theme for “${ideas[2]}”`, exact: true }).selectOption({ label: 'Renewal without surprises' });
  await expect(column('Theme: Renewal without surprises').getByRole('listitem')).toHaveCount(1);
  await expect(column('Not grouped').getByRole('listitem')).toHaveCount(1);
  await expect.poll(async () => {
    const [b] = await storedRows<{ kind: string; themes?: { name: string }[]; ideas: { text: string; themeId?: string }[] }>(page, 'sessions').then((rows) => rows.filter((r) => r.kind === 'brainstorm'));
    return b?.themes?.map((t) => t.name);
  }).toEqual(['Tell it once', 'Renewal without surprises']);
  await page.screenshot({ path: `${shots}/themes-board.png` });

  // Send the first theme to a journey lane: one card with its ideas, in the cell chosen.
  await board.getByRole('button', { name: 'Send theme Tell it once to…', exact: true }).click();
  const send = page.getByRole('dialog', { name: 'Send this theme to…' });
  await send.getByRole('radio', { name: 'A journey lane' }).check();
  await send.getByRole('combobox', { name: 'Stage', exact: true }).selectOption({ label: 'Buy' });
  await send.getByRole('combobox', { name: 'Lane', exact: true }).selectOption({ label: 'Pain points' });
  await page.screenshot({ path: `${shots}/themes-send.png` });
  await send.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(send).toBeHidden();
  await expect(column('Theme: Tell it once').getByText('Sent to Journey: Claims')).toBeVisible();
  const [journey] = await storedRows<{ id: string; stages: { id: string; name: string }[]; lanes: { id: string; name: string }[] }>(page, 'journeys');
  await expect.poll(async () => (await storedRows<{ text: string; stageId: string; laneId: string }>(page, 'journeyCards')).map((c) => ({
    text: c.text, stage: journey!.stages.find((s) => s.id === c.stageId)?.name, lane: journey!.lanes.find((l) => l.id === c.laneId)?.name,
  }))).toEqual([{ text: `Tell it once\n• ${ideas[0]}\n• ${ideas[1]}`, stage: 'Buy', lane: 'Pain points' }]);

  // Send the ungrouped idea to the roadmap, in the retention lane.
  await board.getByRole('button', { name: `Send “${ideas[3]}” to…`, exact: true }).click();
  const sendIdea = page.getByRole('dialog', { name: 'Send this idea to…' });
  await sendIdea.getByRole('radio', { name: 'The roadmap, as an initiative' }).check();
  await sendIdea.getByRole('combobox', { name: 'Roadmap lane', exact: true }).selectOption({ label: 'Retention' });
  await sendIdea.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(async () => (await storedRows<{ title: string; laneId: string }>(page, 'initiatives')).map((i) => [i.title, i.laneId])).toEqual([[ideas[3], 'retention']]);
  await expect(card(ideas[3]!).getByText('Sent to Roadmap: Retention')).toBeVisible();

  // The presenter shows the ideas under their themes.
  const [presenter] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open presenter view', exact: true }).click()]);
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await expect(presenter.getByRole('region', { name: 'Theme: Tell it once' }).getByRole('listitem')).toHaveCount(2);
  await expect(presenter.getByRole('region', { name: 'Theme: Renewal without surprises' })).toContainText(ideas[2]!);
  await expect(presenter.getByRole('region', { name: 'Theme: Not grouped yet' })).toContainText(ideas[3]!);
  await presenter.screenshot({ path: `${shots}/themes-presenter.png` });
  await presenter.close();

  // Dot voting on the themes; while open, the screen shows only the dots of whoever is voting.
  await page.getByRole('tab', { name: 'Dot voting', exact: true }).click();
  await page.getByRole('checkbox', { name: /Brainstorm themes/ }).check();
  await page.getByLabel('Dots per person').fill('2');
  await page.getByRole('button', { name: 'Start voting on 2 items', exact: true }).click();
  const voters = page.getByRole('group', { name: 'Who is voting' });
  const voteFor = (text: string) => page.getByRole('button', { name: `Vote for “${text}”`, exact: true });
  await voters.getByRole('button', { name: /Ana Ruiz/ }).click();
  await voteFor('Tell it once').click();
  await voteFor('Tell it once').click();
  await expect(voteFor('Tell it once').getByLabel('2 of your dots', { exact: true })).toBeVisible();
  await voters.getByRole('button', { name: /Ben Okafor/ }).click();
  // Ben's turn: Ana's two dots are not on the screen the room may be looking at.
  await expect(voteFor('Tell it once').getByLabel(/dot/)).toHaveCount(0);
  await voteFor('Renewal without surprises').click();
  await page.getByRole('button', { name: 'Close voting and show results', exact: true }).click();
  const results = page.getByRole('region', { name: 'Voting results' });
  await expect(results.getByRole('listitem').first()).toContainText('Tell it once');
  await expect(results.getByRole('listitem').first()).toContainText('2');
});
