// The assessments as the method teaches them, through run mode and on the projector: the
// readiness verdict (not ready while any answer is partly or no, naming those questions), the
// warning signs marked company-wide or local, the contrasts' value steps scored, the audit's
// seventeen questions and the five-employees test judged three ways with participants not
// offered by default, and the capabilities' lowest level. Each result is shown on the presenter
// view; screenshots at 1920×1080 go to /tmp/a16-shots/assess-*.png.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openApp, sidebar, storedRows } from '../helpers/e2e';

test.use({ viewport: { width: 1920, height: 1080 } });
const shots = '/tmp/a16-shots';
mkdirSync(shots, { recursive: true });

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const answer = (page: Page, q: string, a: string) => page.getByRole('group', { name: q, exact: true }).getByRole('button', { name: a, exact: true }).click();

async function startRun(page: Page, template: string, title: string): Promise<Page> {
  await openApp(page);
  await createWorkshop(page, { template, client: 'Nordwind Insurance', title });
  await sidebar(page).getByRole('link', { name: 'Run workshop', exact: true }).click();
  await page.getByRole('button', { name: 'Start the workshop', exact: true }).click();
  const [presenter] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open presenter view', exact: true }).click()]);
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  return presenter;
}

async function goTo(page: Page, step: RegExp, h1: string, start: RegExp) {
  await page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: step }).click();
  await expect(heading(page, h1)).toBeVisible();
  await page.getByRole('button', { name: start }).click();
}

async function showResults(page: Page, presenter: Page, name: string, shot: string) {
  await page.getByRole('button', { name: 'Show results on projector', exact: true }).click();
  await expect(presenter.getByRole('heading', { level: 1, name: `${name}: results` })).toBeVisible();
  await presenter.screenshot({ path: `${shots}/assess-${shot}.png` });
}

test('readiness verdict, warning signs, value steps and the audit with the five-employees test, on the projector', async ({ page }) => {
  test.setTimeout(150_000);
  const presenter = await startRun(page, 'Readiness kick-off', 'Method check');

  // Readiness: one partly and one no are enough for "not ready", whatever the average.
  await goTo(page, /Readiness check: five questions/, 'Readiness check: five questions', /^Start readiness check$/);
  await expect(page.getByText('Are we willing and able to combine what customers do')).toBeVisible();
  await expect(page.getByText(/with one owner, or a partnership of the stage owners/)).toBeVisible();
  for (const q of ['One customer truth', 'Insight in decisions', 'Measurement as a mandate']) await answer(page, q, 'Yes');
  await answer(page, 'Why, not only what', 'Partly');
  const verdict = page.getByRole('region', { name: 'Assessment results' }).or(page.locator('.assessment-results')).getByRole('status').filter({ hasText: /Not answered yet|Not ready|Ready/ }).first();
  await expect(verdict).toContainText('Not ready yet');
  await expect(verdict).toContainText('Why, not only what');
  await expect(verdict).toContainText('Not answered yet: Resources across the lifecycle');
  await answer(page, 'Resources across the lifecycle', 'No');
  await expect(page.getByRole('table').getByRole('row', { name: /Overall/ })).toContainText('70%');
  await showResults(page, presenter, 'Readiness check', 'readiness-not-ready');
  const shown = presenter.getByRole('status').filter({ hasText: 'Not ready yet' });
  await expect(shown).toContainText('Resources across the lifecycle');
  await answer(page, 'Why, not only what', 'Yes');
  await answer(page, 'Resources across the lifecycle', 'Yes');
  await expect(presenter.getByRole('status').filter({ hasText: 'Ready: an honest yes to all five' })).toBeVisible();
  await presenter.screenshot({ path: `${shots}/assess-readiness-ready.png` });

  // Warning signs: each ticked sign marked company-wide or local.
  await goTo(page, /Warning signs checklist/, 'Warning signs checklist', /^Start warning signs/);
  await expect(page.getByText(/own department/)).toHaveCount(0);
  // A sign is ticked only with an example: without one, "We see this" is refused and stays off.
  await answer(page, 'Inward mission', 'We see this');
  await expect(page.getByRole('alert').filter({ hasText: 'Write an example first: a sign without an example stays unticked.' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Inward mission', exact: true }).getByRole('button', { name: 'We see this', exact: true })).toHaveAttribute('aria-pressed', 'false');
  for (const [sign, example] of [
    ['Inward mission', 'The mission statement talks about our products only.'],
    ['Product pitches', 'The sales deck opens with 12 slides of features.'],
    ['One message for all', 'Every segment gets the same newsletter.'],
  ] as const) {
    const evidence = page.getByRole('textbox', { name: `Evidence for “${sign}”`, exact: true });
    await evidence.fill(example);
    await evidence.blur();
  }
  await expect(page.getByRole('alert').filter({ hasText: 'Write an example first' })).toHaveCount(0);
  await answer(page, 'Inward mission', 'We see this');
  await expect(page.getByRole('group', { name: 'Inward mission', exact: true }).getByRole('button', { name: 'We see this', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await answer(page, 'Product pitches', 'We see this');
  await answer(page, 'One message for all', 'We see this');
  await answer(page, 'No feedback loop', 'Not here');
  await expect(page.getByRole('group', { name: 'Where “No feedback loop” holds' })).toHaveCount(0);
  await page.getByRole('group', { name: 'Where “Inward mission” holds' }).getByRole('button', { name: 'Company-wide', exact: true }).click();
  await page.getByRole('group', { name: 'Where “Product pitches” holds' }).getByRole('button', { name: 'Local to a department', exact: true }).click();
  await expect(page.getByText('Signs seen: 1 company-wide · 1 local · 1 not marked yet')).toBeVisible();
  await showResults(page, presenter, 'Warning signs', 'warning-signs');
  await expect(presenter.getByText('Signs seen: 1 company-wide · 1 local · 1 not marked yet')).toBeVisible();

  // Seven contrasts and the three value steps.
  await goTo(page, /Seven contrasts/, 'Seven contrasts', /^Start seven contrasts/);
  for (const [c, v] of [['Customer strategy', '2'], ['Customer understanding', '1'], ['One strategy', '3'], ['Long-term value', '2'], ['Management agenda', '4'], ['Journey as a concept', '2'], ['Collaboration', '3']] as const) await answer(page, c, v);
  await expect(page.getByText(/gut feeling, with no design or validation with customers/)).toBeVisible();
  const steps = page.getByRole('region', { name: 'Three value steps' });
  await steps.getByRole('group', { name: 'Chosen segments and problems', exact: true }).getByRole('button', { name: 'Yes', exact: true }).click();
  await steps.getByRole('group', { name: 'What not to do', exact: true }).getByRole('button', { name: 'No', exact: true }).click();
  await steps.getByRole('group', { name: 'Experiments', exact: true }).getByRole('button', { name: 'Partly', exact: true }).click();
  await steps.getByRole('group', { name: 'Loyalty beyond sales', exact: true }).getByRole('button', { name: 'Yes', exact: true }).click();
  const stepScores = page.locator('.assessment-results').getByRole('table', { name: 'Three value steps' });
  await expect(stepScores.getByRole('row', { name: /Value creation/ })).toContainText('50%');
  await expect(stepScores.getByRole('row', { name: /Value delivery/ })).toContainText('50%');
  await expect(stepScores.getByRole('row', { name: /Value capture/ })).toContainText('100%');
  await showResults(page, presenter, 'Seven contrasts', 'contrasts');
  await expect(presenter.getByRole('table', { name: 'Three value steps' }).getByRole('row', { name: /Value capture/ })).toContainText('100%');

  // The audit: seventeen questions; the five-employees test judged uniform, clear, enthusing.
  await goTo(page, /Five-employees test and audit/, 'Five-employees test and audit', /^Start four-area audit/);
  await expect(page.locator('.assessment-questions .question')).toHaveCount(17);
  await expect(page.getByRole('region', { name: 'Customer experience' }).locator('.question')).toHaveCount(6);
  await expect(page.getByRole('region', { name: 'Go-to-market' }).locator('.question')).toHaveCount(4);
  await answer(page, 'What matters per segment', 'Yes');
  await answer(page, 'Insights kept current', 'No');
  await answer(page, 'Fully coordinated', 'Partly');
  await answer(page, 'Working in concert', 'Yes');
  await expect(page.getByRole('row', { name: /Customer experience/ })).toContainText('50%');
  await expect(page.getByRole('row', { name: /Go-to-market/ })).toContainText('75%');
  // The test asks people outside the room: no participant list is offered until asked for.
  await expect(page.getByText(/Before the workshop, ask five people outside this room/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Add a participant who was asked before the workshop' })).toBeHidden();
  for (const [i, dept] of ['HR', 'Finance', 'Purchasing', 'IT', 'Legal'].entries()) {
    await page.getByRole('button', { name: 'Add a person', exact: true }).click();
    await page.getByLabel(`Person ${i + 1}: department`).fill(dept);
    await page.getByLabel(`Person ${i + 1}: answer`).fill(`Answer from ${dept}`);
    await page.getByLabel(`Person ${i + 1}: answer`).blur();
  }
  await expect(page.getByText(/Still needed: a judgement of uniform, clear, enthusing/)).toBeVisible();
  await page.getByRole('group', { name: 'Are the answers uniform?' }).getByRole('button', { name: '2', exact: true }).click();
  await page.getByRole('group', { name: 'Are they clear?' }).getByRole('button', { name: '3', exact: true }).click();
  await expect(page.getByText(/Still needed: a judgement of enthusing/)).toBeVisible();
  await page.getByRole('group', { name: 'Are they enthusing?' }).getByRole('button', { name: '1', exact: true }).click();
  await expect(page.getByText('Complete: 5 answers from 5 departments, judged uniform 2/5, clear 3/5, enthusing 1/5.')).toBeVisible();
  await showResults(page, presenter, 'Four-area audit', 'audit');
  await expect(presenter.getByText('Five-employees test: uniform 2/5 · clear 3/5 · enthusing 1/5')).toBeVisible();

  const runs = await storedRows<{ set: string; consistency: number | null; clarity: number | null; enthusiasm: number | null; answers: Record<string, { scope?: string }> }>(page, 'assessments');
  expect(runs.find((r) => r.set === 'audit')).toMatchObject({ consistency: 2, clarity: 3, enthusiasm: 1 });
  expect(runs.find((r) => r.set === 'warning-signs')!.answers['mission-inward']).toMatchObject({ scope: 'company' });
  await presenter.close();
});

test('capabilities: "piloted in one division" sits at the lowest level, on screen and projector', async ({ page }) => {
  test.setTimeout(90_000);
  const presenter = await startRun(page, 'Customer-centricity full day', 'Capabilities');
  await goTo(page, /Capability self-assessment/, 'Capability self-assessment', /^Start capability self-assessment/);
  await expect(page.getByRole('note', { name: 'Scoring rule' })).toContainText('piloted it in one division” is a 1, not a 4');
  await expect(page.locator('.scale-legend')).toContainText('1 None, or a pilot in one division');
  await expect(page.getByText(/the legacy copies are retired/)).toBeVisible();
  for (const [i, c] of ['Customer information', 'Marketing', 'Competitive intelligence', 'Access', 'Omnichannel', 'Attribution'].entries()) await answer(page, c, String((i % 5) + 1));
  await page.getByRole('button', { name: 'Show “Access” on the projector', exact: true }).click();
  await expect(presenter.getByText('1 = None, or a pilot in one division · 5 = Live across the business')).toBeVisible();
  await presenter.screenshot({ path: `${shots}/assess-capabilities-question.png` });
  await showResults(page, presenter, 'Capability self-assessment', 'capabilities');
  await presenter.close();
});
