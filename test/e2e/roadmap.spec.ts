// The lifecycle roadmap and measurement plan, as a facilitator uses them: initiatives in all
// four lanes, moved by keyboard and by drag, undo, reload; a measurement plan from the library
// and by hand, with its validation; the CSV export read back. Runs in a far-east zone
// (UTC+14) and a far-west one so a date can never slip by a day.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createWorkshop, openApp, saveByClicking, sidebar, undoButton } from '../helpers/e2e';

const stages = [
  { lane: 'Acquisition', title: 'Referral programme', owner: 'Marta Gómez', start: '2027-01-04', end: '2027-03-26', shown: '4 Jan – 26 Mar 2027' },
  { lane: 'Activation', title: 'Guided first week', owner: 'Jonas Weiß', start: '2027-04-05', end: '2027-05-14', shown: '5 Apr – 14 May 2027' },
  { lane: 'Retention', title: 'Proactive service calls', owner: 'Aïcha Benali', start: '2027-07-01', end: '2027-09-30', shown: '1 Jul – 30 Sep 2027' },
  { lane: 'Re-activation', title: 'Win-back offer', owner: 'Søren Dahl', start: '2027-10-04', end: '2027-12-31', shown: '4 Oct – 31 Dec 2027' },
] as const;

async function openArtifact(page: Page, name: RegExp, heading: string) {
  await sidebar(page).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

const card = (page: Page, title: string) => page.getByRole('region', { name: 'Roadmap timeline' }).getByRole('button', { name: new RegExp(`^${title}:`) });

async function addInitiative(page: Page, s: (typeof stages)[number]) {
  await page.getByRole('button', { name: `Add initiative to ${s.lane}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Add initiative' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(s.title);
  await dialog.getByRole('textbox', { name: 'Owner' }).fill(s.owner);
  await dialog.getByLabel('Start').fill(s.start);
  await dialog.getByLabel('End').fill(s.end);
  await dialog.getByLabel('Status').selectOption('planned');
  await dialog.getByRole('button', { name: 'Add initiative', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page, s.title)).toHaveAccessibleName(`${s.title}: ${s.lane}, ${s.shown}, Planned`);
}

for (const timezoneId of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
  test.describe(`in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test('build a roadmap and a measurement plan, move, undo, reload, export CSV', async ({ page }) => {
      await openApp(page);
      await createWorkshop(page, { template: 'Lifecycle roadmap', client: 'Café Müller', title: 'Lifecycle day', date: '2027-01-15' });
      await openArtifact(page, /^Lifecycle roadmap \d+ items?$/, 'Lifecycle roadmap');
      await expect(page.getByText('Q1 2027 – Q4 2027')).toBeVisible();

      for (const s of stages) await addInitiative(page, s);

      // Over-long text is refused with a message.
      await page.getByRole('button', { name: 'Add initiative', exact: true }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Add initiative' });
      await dialog.getByRole('textbox', { name: 'Title' }).fill('x'.repeat(121));
      await expect(dialog.getByRole('alert')).toHaveText('Title is limited to 120 characters.');
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

      // Keyboard: down one lane, then a week later; each press is one undo step.
      const referral = card(page, 'Referral programme');
      await referral.focus();
      await page.keyboard.press('ArrowDown');
      await expect(referral).toHaveAccessibleName('Referral programme: Activation, 4 Jan – 26 Mar 2027, Planned');
      await expect(referral).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(referral).toHaveAccessibleName('Referral programme: Activation, 11 Jan – 2 Apr 2027, Planned');
      await undoButton(page, 'Move initiative').click();
      await expect(referral).toHaveAccessibleName('Referral programme: Activation, 4 Jan – 26 Mar 2027, Planned');
      await undoButton(page, 'Move initiative').click();
      await expect(referral).toHaveAccessibleName('Referral programme: Acquisition, 4 Jan – 26 Mar 2027, Planned');

      // Drag: about five weeks to the right and one lane down, snapping to whole weeks.
      const box = (await referral.boundingBox())!;
      const perDay = (await page.locator('.rm-body').boundingBox())!.width / 365;
      const laneH = (await page.locator('.rm-lane-head').first().boundingBox())!.height;
      await page.mouse.move(box.x + 30, box.y + 20);
      await page.mouse.down();
      await page.mouse.move(box.x + 60, box.y + 30, { steps: 4 });
      await page.mouse.move(box.x + 30 + perDay * 35, box.y + 20 + laneH, { steps: 8 });
      await page.mouse.up();
      await expect(referral).toHaveAccessibleName('Referral programme: Activation, 8 Feb – 30 Apr 2027, Planned');
      await page.keyboard.press('Control+z');
      await expect(referral).toHaveAccessibleName('Referral programme: Acquisition, 4 Jan – 26 Mar 2027, Planned');

      // Impact/effort by keyboard.
      await page.getByRole('tab', { name: 'Impact & effort', exact: true }).click();
      const dot = page.getByRole('button', { name: /^\d+\. Win-back offer: impact 3/ });
      await dot.focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowLeft');
      await expect(page.getByRole('button', { name: /^\d+\. Win-back offer: impact 4 \(High\), effort 2 \(Small\), Quick wins/ })).toBeFocused();

      // Measurement plan: from the library and by hand.
      await openArtifact(page, /^Measurement plan \d+ items?$/, 'Measurement plan');
      await page.getByRole('button', { name: 'Add from library', exact: true }).click();
      const lib = page.getByRole('dialog', { name: 'Metric library' });
      await lib.getByRole('checkbox', { name: /^Churn rate/ }).check();
      await lib.getByRole('checkbox', { name: /^Cost per acquisition/ }).check();
      await lib.getByRole('button', { name: 'Add 2 metrics', exact: true }).click();
      await expect(lib).toBeHidden();
      await expect(page.getByRole('textbox', { name: 'Name of metric 1 in Retention' })).toHaveValue('Churn rate');

      await page.getByRole('textbox', { name: 'Baseline of Churn rate' }).fill('4.1');
      await page.getByRole('textbox', { name: 'Target of Churn rate' }).fill('6');
      await expect(page.getByRole('list', { name: 'Problems with Churn rate' })).toContainText('Target 6 is above the baseline 4.1, but lower is better.');
      await page.getByRole('textbox', { name: 'Target of Churn rate' }).fill('2.5');
      await page.getByRole('combobox', { name: 'Status of Churn rate' }).selectOption('committed');
      await expect(page.getByRole('list', { name: 'Problems with Churn rate' })).toContainText('A committed metric needs an owner.');
      await page.getByRole('textbox', { name: 'Owner of Churn rate' }).fill('Aïcha Benali');
      await expect(page.getByRole('list', { name: 'Problems with Churn rate' })).toBeHidden();

      await page.getByRole('button', { name: 'Add metric to Activation', exact: true }).click();
      const name = page.getByRole('textbox', { name: 'Name of metric 1 in Activation' });
      await expect(name).toBeFocused();
      await name.fill('Time to “wow”, first week');
      const who = 'Time to “wow”, first week';
      await page.getByRole('textbox', { name: `Definition of ${who}` }).fill('=HYPERLINK("http://x","days") until the first "aha"');
      await page.getByRole('combobox', { name: `Unit of ${who}` }).selectOption('percent');
      await page.getByRole('textbox', { name: `Baseline of ${who}` }).fill('120');
      await expect(page.getByRole('list', { name: `Problems with ${who}` })).toContainText('Baseline 120% is outside 0–100%.');
      await page.getByRole('combobox', { name: `Unit of ${who}` }).selectOption('days');
      await page.getByRole('combobox', { name: `Direction of ${who}` }).selectOption('down');
      await page.getByRole('textbox', { name: `Target of ${who}` }).fill('-3');
      await page.getByRole('textbox', { name: `Owner of ${who}` }).fill('Zoë Ørsted');
      await expect(page.getByRole('list', { name: `Problems with ${who}` })).toContainText('Target cannot be negative for days.');
      await page.getByRole('textbox', { name: `Target of ${who}` }).fill('30');
      await page.getByRole('textbox', { name: `Owner of ${who}` }).blur();

      // Reload: everything was stored.
      await page.reload();
      await expect(page.getByRole('textbox', { name: `Owner of ${who}` })).toHaveValue('Zoë Ørsted');
      await expect(page.getByRole('textbox', { name: 'Target of Churn rate' })).toHaveValue('2.5');
      await openArtifact(page, /^Lifecycle roadmap \d+ items?$/, 'Lifecycle roadmap');
      for (const s of stages) await expect(card(page, s.title)).toHaveAccessibleName(`${s.title}: ${s.lane}, ${s.shown}, Planned`);
      await page.getByRole('tab', { name: 'Stage health', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Shift resources to Activation' })).toBeVisible();

      // Export the CSV and read it back.
      await openArtifact(page, /^Measurement plan \d+ items?$/, 'Measurement plan');
      const saved = await saveByClicking(page, page.getByRole('button', { name: 'Export CSV', exact: true }));
      expect(saved.name).toMatch(/^Measurement plan – Café Müller – \d{4}-\d{2}-\d{2}\.csv$/);
      expect(saved.text.charCodeAt(0)).toBe(0xfeff);
      const lines = saved.text.slice(1).split('\r\n');
      expect(lines[0]).toBe(
        '"Stage","Initiative","Metric","Definition or formula","Kind","Leading or lagging","Unit","Baseline","Target","Current","Current as of","Direction","Data source","Owner","Cadence","Status","Issues"',
      );
      expect(lines.at(-1)).toBe('');
      expect(saved.text).toContain('"Activation","","Time to “wow”, first week","\'=HYPERLINK(""http://x"",""days"") until the first ""aha"""');
      expect(saved.text).toContain('"Zoë Ørsted"');
      expect(saved.text).toContain('"Retention","","Churn rate",');
      expect(saved.text).toContain('"4.1","2.5","","","Lower is better"');
      expect(lines).toHaveLength(5);
    });
  });
}

// Board screenshots with a realistic roadmap (SHOTS=1 npx playwright test test/e2e/roadmap.spec.ts -g screenshots).
test('screenshots', async ({ page }) => {
  test.skip(!process.env.SHOTS, 'only when asked for screenshots');
  test.setTimeout(120_000);
  mkdirSync('/tmp/shots', { recursive: true });
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Lifecycle roadmap', client: 'Nordwind Energie', title: 'Lifecycle roadmap 2027', date: '2027-01-20' });
  await page.evaluate(async (workshopId) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('centric');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const now = Date.now();
    const personas = [
      ['p1', 'Lena Hoffmann', '#2f4fd8'],
      ['p2', 'Karim Haddad', '#0f7a5f'],
      ['p3', 'Greta Lindqvist', '#7a4fd6'],
      ['p4', 'Tomás Ruiz', '#b4481f'],
    ].map(([pid, name, color], order) => ({
      id: pid, workshopId, name, avatar: { kind: 'initials', color }, segmentId: null, quote: '', context: '',
      goals: [], needs: [], pains: [], gains: [], behaviours: [], channels: [], motivations: [], order, createdAt: now,
    }));
    type I = [string, string, string, string | null, string | null, string, number, number, string[], string];
    const rows: I[] = [
      ['Referral programme for installers', 'acquisition', 'Marta Gómez', '2027-01-11', '2027-03-26', 'in-progress', 2, 4, ['p1', 'p2'], '€40k from paid search'],
      ['Price-comparison landing pages', 'acquisition', 'Ben Okafor', '2027-02-15', '2027-05-07', 'planned', 2, 3, ['p1'], '1 FTE'],
      ['Heat-pump advice webinars', 'acquisition', 'Marta Gómez', '2027-07-05', '2027-09-24', 'idea', 3, 3, ['p3'], ''],
      ['Guided first week', 'activation', 'Jonas Weiß', '2027-01-18', '2027-04-30', 'in-progress', 3, 5, ['p1', 'p2', 'p3'], '2 FTE from onboarding'],
      ['Smart-meter self-install kit', 'activation', 'Priya Nair', '2027-04-05', '2027-08-27', 'planned', 4, 4, ['p2'], '€120k'],
      ['App welcome journey', 'activation', 'Jonas Weiß', '2027-05-03', '2027-06-25', 'planned', 2, 3, ['p4'], ''],
      ['Proactive service calls', 'retention', 'Aïcha Benali', '2027-02-01', '2027-06-30', 'planned', 3, 5, ['p3', 'p4'], '3 FTE from back office'],
      ['Loyalty tariff for 3-year customers', 'retention', 'Henrik Sørensen', '2027-07-05', '2027-12-17', 'idea', 4, 4, ['p1', 'p3', 'p4', 'p2'], '€250k'],
      ['Churn early-warning model', 'retention', 'Priya Nair', '2027-03-01', '2027-05-28', 'done', 4, 2, [], 'Data team, 1 FTE'],
      ['Win-back offer after switch', 'reactivation', 'Søren Dahl', '2027-04-12', '2027-07-30', 'planned', 2, 4, ['p4'], '€30k'],
      ['Exit interviews with leavers', 'reactivation', 'Aïcha Benali', '2027-01-25', '2027-03-12', 'in-progress', 1, 3, ['p2'], ''],
      ['Print mailing to lapsed customers', 'reactivation', 'Søren Dahl', '2027-09-06', '2027-11-26', 'dropped', 3, 1, [], ''],
      ['Community solar pilot', 'acquisition', 'Ben Okafor', null, null, 'idea', 5, 2, [], ''],
    ];
    const initiatives = rows.map(([title, laneId, owner, start, end, status, effort, impact, personaIds, resources], order) => ({
      id: `i${order}`, workshopId, title, description: '', owner, laneId, start, end, bucket: 0, status, effort, impact, personaIds, cardIds: [], resources, order, createdAt: now,
    }));
    type M = [string, string, string, string, string, string, string, string, string, string, string, string, string | null];
    const mrows: M[] = [
      ['Cost per acquisition', 'acquisition', 'Marketing and sales spend ÷ new customers won.', 'behavioural', 'lagging', 'currency', '185', '140', 'down', 'Finance ledger and CRM', 'Marta Gómez', 'tracking', null],
      ['Lead-to-customer conversion rate', 'acquisition', 'New customers ÷ qualified leads × 100.', 'behavioural', 'lagging', 'percent', '11', '14', 'up', 'CRM', 'Ben Okafor', 'committed', 'i0'],
      ['Brand consideration', 'acquisition', 'Share of target audience who would consider us (survey).', 'attitudinal', 'leading', 'percent', '23', '30', 'up', 'Brand tracker', '', 'proposed', null],
      ['Activation rate', 'activation', 'New customers completing the key action within 30 days ÷ new customers × 100.', 'behavioural', 'leading', 'percent', '52', '70', 'up', 'Product analytics', 'Jonas Weiß', 'committed', 'i3'],
      ['Time to first value', 'activation', 'Median days from contract to first smart-meter reading in the app.', 'behavioural', 'leading', 'days', '19', '7', 'down', 'Product analytics', 'Priya Nair', 'tracking', 'i4'],
      ['Customer effort score (onboarding)', 'activation', 'Average answer to “How easy was it to get started?” (1–7).', 'attitudinal', 'leading', 'score', '4.2', '5.5', 'up', 'Post-onboarding survey', '', 'committed', null],
      ['Churn rate', 'retention', 'Customers lost in the period ÷ customers at its start × 100.', 'behavioural', 'lagging', 'percent', '14', '9', 'down', 'Billing system', 'Aïcha Benali', 'tracking', null],
      ['Net Promoter Score', 'retention', '% promoters − % detractors.', 'attitudinal', 'leading', 'score', '-4', '15', 'up', 'Relationship survey', 'Henrik Sørensen', 'committed', null],
      ['Win-back rate', 'reactivation', 'Former customers who return within 12 months ÷ customers lost 12 months ago × 100.', 'behavioural', 'lagging', 'percent', '6', '8', 'up', 'CRM and billing', 'Søren Dahl', 'committed', 'i9'],
      ['Reasons for leaving captured', 'reactivation', 'Exits with a recorded reason ÷ all exits × 100.', 'attitudinal', 'leading', 'percent', '35', '25', 'up', 'Exit survey', 'Aïcha Benali', 'proposed', 'i10'],
    ];
    const metrics = mrows.map(([name, stage, definition, kind, timing, unit, baseline, target, direction, source, owner, status, initiativeId], order) => ({
      id: `m${order}`, workshopId, name, stage, definition, kind, timing, unit, baseline, target, direction, source, owner, cadence: 'monthly', status, initiativeId, libraryId: null, order, createdAt: now,
    }));
    await new Promise<void>((res, rej) => {
      const tx = db.transaction(['personas', 'initiatives', 'metrics'], 'readwrite');
      for (const p of personas) tx.objectStore('personas').put(p);
      for (const i of initiatives) tx.objectStore('initiatives').put(i);
      for (const m of metrics) tx.objectStore('metrics').put(m);
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, id);
  for (const [w, h] of [
    [1440, 900],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    // Each view is shot once it shows a seeded row and its fonts are in.
    for (const [view, file, seeded] of [
      ['', 'roadmap-timeline', 'Referral programme for installers'],
      ['/impact-effort', 'roadmap-impact-effort', 'Referral programme for installers'],
      ['/stage-health', 'roadmap-stage-health', 'Churn rate'],
    ] as const) {
      await page.goto(`/#/w/${id}/artifact/roadmap${view}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Lifecycle roadmap' })).toBeVisible();
      await expect(page.getByText(seeded).first()).toBeVisible();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.screenshot({ path: `/tmp/shots/${file}-${w}.png`, fullPage: true, animations: 'disabled' });
    }
    await page.goto(`/#/w/${id}/artifact/measurement-plan`);
    await expect(page.getByRole('heading', { level: 1, name: 'Measurement plan' })).toBeVisible();
    await expect(page.getByText('Churn rate').first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: `/tmp/shots/roadmap-measurement-${w}.png`, fullPage: true, animations: 'disabled' });
  }
});

// Honest progress: stage health reads each metric's current value, (current − baseline) ÷
// (target − baseline), and says "no current value yet" rather than a percentage made from
// baseline and target (96 → 103 used to show 93%). The weakest stage is marked as a warning.
test('stage health shows progress from baseline to target by the current value, or that there is none yet', async ({ page }) => {
  test.setTimeout(90_000);
  mkdirSync('/tmp/i14f', { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await createWorkshop(page, { template: 'Lifecycle roadmap', client: 'Nordwind Energie', title: 'Honest progress' });
  await openArtifact(page, /^Measurement plan \d+ items?$/, 'Measurement plan');

  const addMetric = async (stage: string, n: number, name: string, unit: string, direction: 'up' | 'down', baseline: string, target: string) => {
    await page.getByRole('button', { name: `Add metric to ${stage}`, exact: true }).click();
    const nameBox = page.getByRole('textbox', { name: `Name of metric ${n} in ${stage}`, exact: true });
    await expect(nameBox).toBeFocused();
    await nameBox.fill(name);
    await page.getByRole('combobox', { name: `Unit of ${name}`, exact: true }).selectOption(unit);
    await page.getByRole('combobox', { name: `Direction of ${name}`, exact: true }).selectOption(direction);
    await page.getByRole('textbox', { name: `Baseline of ${name}`, exact: true }).fill(baseline);
    await page.getByRole('textbox', { name: `Target of ${name}`, exact: true }).fill(target);
    await page.getByRole('textbox', { name: `Target of ${name}`, exact: true }).blur();
  };
  await addMetric('Retention', 1, 'Net revenue retention', 'score', 'up', '96', '103');
  await addMetric('Retention', 2, 'Churn rate', 'percent', 'down', '6', '3');
  await addMetric('Acquisition', 1, 'Cost per acquisition', 'currency', 'down', '185', '140');

  const now = (name: string) => page.getByRole('textbox', { name: `Current value of ${name}`, exact: true });
  await expect(page.getByText('no current value yet')).toHaveCount(3);

  // Stage health before any current value: no percentage anywhere.
  await openArtifact(page, /^Lifecycle roadmap \d+ items?$/, 'Lifecycle roadmap');
  await page.getByRole('tab', { name: 'Stage health', exact: true }).click();
  const retention = page.getByRole('region', { name: 'Retention', exact: true });
  await expect(retention).toContainText('no current value yet');
  await expect(retention).not.toContainText('93%');
  await expect(page.getByRole('img', { name: 'Net revenue retention: no current value yet', exact: true })).toBeVisible();

  // Record where each metric stands now: a value without a date is dated today.
  await openArtifact(page, /^Measurement plan \d+ items?$/, 'Measurement plan');
  await now('Net revenue retention').fill('99.5');
  await now('Churn rate').fill('5');
  await now('Cost per acquisition').fill('150');
  await now('Cost per acquisition').blur();
  await expect(page.getByLabel('Date of current value of Net revenue retention', { exact: true })).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByLabel('Date of current value of Churn rate', { exact: true }).fill('2026-11-02');
  // 96 → 103 at 99.5 is half way; churn 6 → 3 at 5 is a third (lower is better); CPA 185 → 140 at 150 is 78%.
  await expect(page.getByText('50% of the way', { exact: true })).toBeVisible();
  await expect(page.getByText('33% of the way', { exact: true })).toBeVisible();
  await expect(page.getByText('78% of the way', { exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/i14f/measurement-plan.png', fullPage: true });

  await openArtifact(page, /^Lifecycle roadmap \d+ items?$/, 'Lifecycle roadmap');
  await page.getByRole('tab', { name: 'Stage health', exact: true }).click();
  await expect(page.getByRole('img', { name: 'Churn rate: now 5% (2026-11-02), 33% of the way to target', exact: true })).toBeVisible();
  // Retention averages 50% and 33%: 42%, the weakest stage, shown as a warning.
  await expect(retention).toContainText('42%');
  await expect(retention).toContainText('Weakest stage');
  await expect(page.getByRole('heading', { name: 'Shift resources to Retention', exact: true })).toBeVisible();
  await expect(page.getByText(/Churn rate is at 5%, 33% of the way from 6% to 3%/)).toBeVisible();
  const flag = retention.getByText('Weakest stage', { exact: true });
  // The flag wears the warning colour, not the (green) retention lane's.
  const colours = await flag.evaluate((el) => {
    const probe = document.createElement('span');
    probe.style.background = 'var(--color-warning)';
    document.body.append(probe);
    const warning = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return { flag: getComputedStyle(el).backgroundColor, warning };
  });
  expect(colours.flag).toBe(colours.warning);
  await expect(page.getByRole('region', { name: 'Acquisition', exact: true })).toContainText('78%');
  await page.screenshot({ path: '/tmp/i14f/stage-health.png', fullPage: true });
});
