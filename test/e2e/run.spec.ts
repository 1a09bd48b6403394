// Running a workshop end to end through the UI: the "Readiness kick-off" template from start to
// end: timer, participants, a silent brainstorm revealed, dot voting by three participants, an
// assessment scored (and a second run compared), actions logged, a reload midway that lands on
// the same step with the clock still running from its stored start, and the presenter window.
// Screenshots at 1920×1080 go to /tmp/shots/run-*.png.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openApp, readAllStores, sidebar } from '../helpers/e2e';

test.use({ viewport: { width: 1920, height: 1080 } });
const shots = '/tmp/shots';
mkdirSync(shots, { recursive: true });

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const timer = (page: Page) => page.getByRole('timer').first();

async function runSession(page: Page, id: string) {
  const { stores } = await readAllStores(page);
  return (stores.sessions as { id: string; kind: string; currentStepId: string; timers: Record<string, { startedAt: number | null; pausedAt: number | null }> }[]).find((s) => s.id === `run-${id}`)!;
}

test('runs the readiness kick-off from start to end, surviving a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Readiness kick-off', client: 'Nordwind Insurance', title: 'Readiness kick-off' });

  // Start the run.
  await sidebar(page).getByRole('link', { name: 'Run workshop', exact: true }).click();
  await expect(page.getByLabel('Planned start')).toHaveValue(/^\d\d:\d\d$/);
  await page.getByRole('button', { name: 'Start the workshop', exact: true }).click();
  await expect(heading(page, 'Welcome and goals')).toBeVisible();
  await page.getByRole('button', { name: 'Start timer', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(timer(page)).toHaveAttribute('aria-label', /left$/);

  // Three participants, from the drawer.
  await page.getByRole('button', { name: 'Participants', exact: true }).click();
  const drawer = page.getByRole('complementary', { name: 'Participants' });
  for (const [name, dept, role] of [['Ana Ruiz', 'Service', 'Head of service'], ['Ben Okafor', 'Sales', 'Sales lead'], ['Cleo Martin', 'IT', 'CIO']]) {
    await drawer.getByLabel('Name', { exact: true }).fill(name!);
    await drawer.getByLabel('Department', { exact: true }).fill(dept!);
    await drawer.getByLabel('Role', { exact: true }).fill(role!);
    await drawer.getByRole('button', { name: 'Add participant', exact: true }).click();
  }
  await expect(drawer.getByRole('list', { name: 'Participants' }).getByRole('listitem')).toHaveCount(3);
  await drawer.getByRole('button', { name: 'Close panel', exact: true }).click();

  // Silent brainstorm: ideas stay hidden until revealed.
  await page.getByRole('tab', { name: 'Silent brainstorm', exact: true }).click();
  await page.getByLabel('Question', { exact: true }).fill('What gets in the way for our customers?');
  await page.getByRole('button', { name: 'Start silent round', exact: true }).click();
  const ideas = ['Customers repeat their story to every department', 'Claims forms ask for data we already have', 'Nobody owns the renewal moment'];
  for (const idea of ideas) {
    await page.getByLabel('Idea (stays hidden until revealed)').fill(idea);
    await page.getByRole('button', { name: 'Add idea', exact: true }).click();
  }
  await expect(page.getByText('3 ideas in, hidden until revealed')).toBeVisible();
  await expect(page.getByText(ideas[0]!)).toHaveCount(0);
  await page.getByRole('button', { name: 'Reveal all 3 ideas', exact: true }).click();
  for (const idea of ideas) await expect(page.getByText(idea)).toBeVisible();

  // Dot voting on the kept ideas: three participants, two dots each.
  await page.getByRole('tab', { name: 'Dot voting', exact: true }).click();
  await page.getByRole('checkbox', { name: /Kept brainstorm ideas/ }).check();
  await page.getByLabel('Dots per person').fill('2');
  await page.getByLabel('Tag the top').fill('2');
  await page.getByRole('button', { name: 'Start voting on 3 items', exact: true }).click();
  const voters = page.getByRole('group', { name: 'Who is voting' });
  const voteFor = (text: string) => page.getByRole('button', { name: `Vote for “${text}”` });
  await voters.getByRole('button', { name: /Ana Ruiz/ }).click();
  await voteFor(ideas[0]!).click();
  await voteFor(ideas[0]!).click();
  await expect(voteFor(ideas[1]!)).toBeDisabled(); // no dots left
  await page.getByRole('button', { name: `Take back a dot from “${ideas[0]}”` }).click();
  await voteFor(ideas[2]!).click();
  await voters.getByRole('button', { name: /Ben Okafor/ }).click();
  await voteFor(ideas[0]!).click();
  await voteFor(ideas[1]!).click();
  await voters.getByRole('button', { name: /Cleo Martin/ }).click();
  await voteFor(ideas[0]!).click();
  await voteFor(ideas[2]!).click();
  await expect(page.getByText('6 of 6 cast')).toBeVisible();
  await page.getByRole('button', { name: 'Close voting and show results', exact: true }).click();
  await page.getByRole('button', { name: 'Tag the top 2', exact: true }).click();
  const results = page.getByRole('region', { name: 'Voting results' });
  await expect(results.getByRole('listitem').first()).toContainText(ideas[0]!);
  await expect(results.getByRole('listitem').first()).toContainText('3');
  await expect(results.getByText('Top 2', { exact: true })).toHaveCount(2);
  await page.screenshot({ path: `${shots}/run-voting-results.png` });

  // Readiness check, scored as a group: the first step is marked done on the way.
  await page.getByRole('button', { name: 'Done, next step', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /, done$/ })).toHaveCount(1);
  await expect(heading(page, 'Readiness check: five questions')).toBeVisible();
  await page.getByRole('button', { name: 'Start readiness check', exact: true }).click();
  const answers: [string, string][] = [['One customer truth', 'Yes'], ['Why, not only what', 'Partly'], ['Insight in decisions', 'No'], ['Resources across the lifecycle', 'Partly'], ['Measurement as a mandate', 'No']];
  for (const [q, a] of answers) await page.getByRole('group', { name: q, exact: true }).getByRole('button', { name: a, exact: true }).click();
  await expect(page.getByRole('table').getByRole('row', { name: /Overall/ })).toContainText('40%');
  await page.getByLabel('Commitment', { exact: true }).fill('Agree one customer definition across teams');
  await page.getByLabel('Commitment owner').fill('Ana Ruiz');
  await page.getByRole('button', { name: 'Add commitment', exact: true }).click();
  await page.screenshot({ path: `${shots}/run-mode.png` });

  // Reload midway: same step, the clock still running from its stored start.
  const before = await runSession(page, id);
  const stepId = before.currentStepId;
  expect(stepId).toBe('readiness-questions');
  expect(before.timers[stepId]!.startedAt).not.toBeNull();
  await page.reload();
  await expect(heading(page, 'Readiness check: five questions')).toBeVisible();
  expect(page.url()).toContain(`#/w/${id}/run/readiness-questions`);
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  const after = await runSession(page, id);
  expect(after.timers[stepId]!.startedAt).toBe(before.timers[stepId]!.startedAt);
  const shown1 = await timer(page).textContent();
  await expect(timer(page)).not.toHaveText(shown1!);
  await expect(page.getByRole('group', { name: 'One customer truth', exact: true }).getByRole('button', { name: 'Yes', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Seven contrasts, twice: the second run shows the change on the radar.
  await page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Seven contrasts/ }).click();
  await expect(heading(page, 'Seven contrasts')).toBeVisible();
  await page.getByRole('button', { name: 'Start seven contrasts', exact: true }).click();
  const contrasts = ['Customer strategy', 'Customer understanding', 'One strategy', 'Long-term value', 'Management agenda', 'Journey as a concept', 'Collaboration'];
  const first = ['2', '1', '2', '3', '1', '2', '2'];
  const second = ['3', '3', '2', '4', '3', '3', '4'];
  for (const [i, c] of contrasts.entries()) await page.getByRole('group', { name: c, exact: true }).getByRole('button', { name: first[i], exact: true }).click();
  await page.getByRole('button', { name: 'New run', exact: true }).click();
  await expect(page.getByText(/run 2 ·/)).toBeVisible();
  for (const [i, c] of contrasts.entries()) await page.getByRole('group', { name: c, exact: true }).getByRole('button', { name: second[i], exact: true }).click();
  await expect(page.getByRole('img', { name: /Seven contrasts: score per dimension/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Change' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Management agenda/ })).toContainText('+50 pts');
  await page.getByRole('img', { name: /Seven contrasts: score per dimension/ }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `${shots}/run-assessment-radar.png` });

  // Presenter window: follows the facilitator's window live.
  const [presenter] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open presenter view', exact: true }).click()]);
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await expect(presenter.getByRole('heading', { level: 1, name: 'Seven contrasts' })).toBeVisible();
  await expect(presenter.getByRole('banner')).toHaveCount(0);
  await expect(presenter.getByRole('timer')).toBeVisible();
  const titleSize = await presenter.getByRole('heading', { level: 1 }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(titleSize).toBeGreaterThanOrEqual(56);
  const promptSize = await presenter.getByRole('listitem').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(promptSize).toBeGreaterThanOrEqual(28);
  await presenter.screenshot({ path: `${shots}/run-presenter.png` });
  await page.getByRole('button', { name: 'Show results on projector', exact: true }).click();
  await expect(presenter.getByRole('heading', { level: 1, name: 'Seven contrasts: results' })).toBeVisible();
  await presenter.screenshot({ path: `${shots}/run-presenter-radar.png` });

  // Back to the vote on the projector.
  await page.getByRole('tab', { name: 'Dot voting', exact: true }).click();
  await page.getByRole('button', { name: 'Show on projector', exact: true }).click();
  await expect(presenter.getByRole('region', { name: 'Voting results' })).toBeVisible();
  await presenter.screenshot({ path: `${shots}/run-presenter-voting.png` });
  await presenter.close();

  // Last step: actions, and the parking lot from the drawer (Alt+L).
  await page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Actions and close/ }).click();
  await expect(heading(page, 'Actions and close')).toBeVisible();
  // Jumping ahead marks nothing done and does not put the room hours "ahead" (it used to count
  // every skipped step as done): at most the minutes the first step, marked done early, saved.
  await expect(page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /, done$/ })).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Step done', exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/run-jumped-ahead.png` });
  await expect(page.getByText(/^(On track|\d+ min (ahead|behind))$/)).toBeVisible();
  await expect(page.getByText(/ h \d+ min ahead$/)).toHaveCount(0);
  const work = page.getByRole('region', { name: 'Work area' });
  await work.getByLabel('What').fill('Draft the customer promise');
  await work.getByLabel('Who', { exact: true }).fill('Ben Okafor');
  await work.getByLabel('By when').fill('2026-06-30');
  await work.getByRole('button', { name: 'Add action', exact: true }).click();
  await expect(work.getByRole('region', { name: 'Actions' }).getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Alt+l');
  const log = page.getByRole('complementary', { name: 'Decisions & actions' });
  await expect(log).toBeVisible();
  await log.getByText('Parking lot', { exact: true }).first().click();
  await log.getByRole('textbox', { name: 'Topic' }).fill('Pricing for small businesses');
  await log.getByRole('button', { name: 'Add parking lot', exact: true }).click();
  await expect(log.getByRole('region', { name: 'Parking lot' }).getByRole('listitem')).toHaveCount(1);
  await log.getByRole('button', { name: 'Close panel', exact: true }).click();
  await page.getByRole('button', { name: 'End the workshop', exact: true }).click();
  await expect(page.getByText('Workshop ended')).toBeVisible();

  // What is stored.
  const { stores } = await readAllStores(page);
  const mine = <T,>(t: string) => (stores[t] as (T & { workshopId: string })[]).filter((r) => r.workshopId === id);
  expect(mine<{ name: string }>('participants')).toHaveLength(3);
  expect(mine<{ exerciseId: string }>('votes')).toHaveLength(6);
  expect(mine<{ kind: string }>('actions').map((a) => a.kind).sort()).toEqual(['action', 'parking']);
  expect(mine<{ set: string }>('assessments').map((a) => a.set).sort()).toEqual(['contrasts', 'contrasts', 'readiness']);
});
