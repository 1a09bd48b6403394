// Two windows on one workshop (two pages of one browser profile, so one IndexedDB): each shows
// the other's edits without a reload (live queries), both converge on the last write to a
// field they both edit, and undo in one window takes back only that window's own edit.
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openApp, readAllStores, sidebar, undoButton } from '../helpers/e2e';

/** How long a second window may take to show a change made in the first. */
// Live queries normally show the other window's edit within a few hundred ms; a loaded CI machine gets more.
const LIVE = { timeout: 8_000 };

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function storedWorkshop(page: Page, id: string) {
  const { stores } = await readAllStores(page);
  return (stores.workshops as { id: string; title: string; objectives: string; location: string; agenda: { title: string; notes: string }[] }[]).find((w) => w.id === id)!;
}

/** Replaces a field's text by typing, and waits until it is stored (blur commits at once). */
async function typeInto(page: Page, name: string, text: string): Promise<void> {
  const box = field(page, name);
  await box.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await box.blur();
  await expect(box).toHaveValue(text);
}

test('two windows on one workshop see each other live, converge, and undo only their own edits', async ({ context, page: a }) => {
  await openApp(a);
  const id = await createWorkshop(a, { template: 'Personas and segments', client: 'Zwei Fenster AG', title: 'Two windows' });
  const b = await context.newPage();
  await b.goto(`/#/w/${encodeURIComponent(id)}`);
  await expect(b.getByRole('heading', { level: 1, name: 'Two windows', exact: true })).toBeVisible();

  // Different fields of the overview, one in each window; neither reloads.
  await typeInto(a, 'Objectives', 'Agree which segments we grow — from window A');
  await typeInto(b, 'Location', 'Raum 2.14 (B)');
  await expect(field(b, 'Objectives')).toHaveValue('Agree which segments we grow — from window A', LIVE);
  await expect(field(a, 'Location')).toHaveValue('Raum 2.14 (B)', LIVE);
  // The title shown in A's heading follows a rename in B.
  await typeInto(b, 'Title', 'Two windows, renamed in B');
  await expect(a.getByRole('heading', { level: 1, name: 'Two windows, renamed in B', exact: true })).toBeVisible(LIVE);

  // A writes step notes while B watches the same step; B adds a persona while A watches the gallery.
  await sidebar(b).getByRole('link', { name: /^Build personas with evidence/ }).click();
  const notesB = b.getByRole('textbox', { name: 'Notes for Build personas with evidence', exact: true });
  await expect(notesB).toHaveValue('');
  await sidebar(a).getByRole('link', { name: /^Build personas with evidence/ }).click();
  // Typing (not blurring): stored by the 300 ms debounce, then shown in B.
  await a.getByRole('textbox', { name: 'Notes for Build personas with evidence', exact: true }).pressSequentially('Ana: pays rent on time');
  await expect(notesB).toHaveValue('Ana: pays rent on time', LIVE);

  await sidebar(a).getByRole('link', { name: /^Personas/ }).click();
  await expect(a.getByRole('heading', { level: 1, name: /^Personas/ })).toBeVisible();
  await sidebar(b).getByRole('link', { name: /^Personas/ }).click();
  await b.getByRole('button', { name: 'Add persona', exact: true }).first().click();
  await expect(field(b, 'Name')).toBeFocused();
  await b.keyboard.type('Ana María');
  await expect(a.getByRole('heading', { level: 2, name: 'Ana María', exact: true })).toBeVisible(LIVE);
  await b.getByRole('button', { name: 'Add goal', exact: true }).click();
  await expect(field(b, 'Goal 1')).toBeFocused();
  await b.keyboard.type('Never miss a rent payment');
  await expect(a.getByRole('region', { name: 'Top goals' }).getByText('Never miss a rent payment')).toBeVisible(LIVE);
  await expect(a.getByRole('region', { name: 'Top goals' }).getByText('Never miss a rent payment')).toBeVisible(LIVE);

  // The same field from both windows in turn: each sees the other's write, and both end on the last.
  await sidebar(a).getByRole('link', { name: 'Overview', exact: true }).click();
  await sidebar(b).getByRole('link', { name: 'Overview', exact: true }).click();
  const writes: [Page, string][] = [
    [a, 'Objectives v1 (A)'],
    [b, 'Objectives v2 (B)'],
    [a, 'Objectives v3 (A)'],
    [b, 'Objectives v4 (B), the last word'],
  ];
  for (const [writer, text] of writes) {
    const reader = writer === a ? b : a;
    await typeInto(writer, 'Objectives', text);
    await expect(field(reader, 'Objectives')).toHaveValue(text, LIVE);
  }
  await expect(field(a, 'Objectives')).toHaveValue('Objectives v4 (B), the last word');
  expect((await storedWorkshop(a, id)).objectives).toBe('Objectives v4 (B), the last word');

  // Undo is per window. A's last own edit: more step notes. Then B edits the location.
  await sidebar(a).getByRole('link', { name: /^Build personas with evidence/ }).click();
  const notesA = a.getByRole('textbox', { name: 'Notes for Build personas with evidence', exact: true });
  await notesA.click();
  await a.keyboard.press('Control+End');
  await a.keyboard.type('. Δήμητρα: all from the phone');
  await notesA.blur();
  await expect(undoButton(a, 'Edit step notes')).toBeEnabled();
  await typeInto(b, 'Location', 'Raum 3.01 (B, later)');
  await expect(undoButton(b, 'Edit location')).toBeEnabled();
  expect((await storedWorkshop(a, id)).agenda.find((s) => s.title === 'Build personas with evidence')!.notes).toBe('Ana: pays rent on time. Δήμητρα: all from the phone');

  // Undo in A takes back A's notes only: B's later location, B's last objectives, B's persona stay.
  await undoButton(a, 'Edit step notes').click();
  await expect(notesA).toHaveValue('Ana: pays rent on time');
  const w = await storedWorkshop(a, id);
  expect(w.agenda.find((s) => s.title === 'Build personas with evidence')!.notes).toBe('Ana: pays rent on time');
  expect(w.location, "B's later edit survives A's undo").toBe('Raum 3.01 (B, later)');
  expect(w.objectives).toBe('Objectives v4 (B), the last word');
  expect(w.title).toBe('Two windows, renamed in B');
  await expect(field(b, 'Location')).toHaveValue('Raum 3.01 (B, later)');
  await expect(field(b, 'Objectives')).toHaveValue('Objectives v4 (B), the last word');
  // B's own history is untouched by A's undo; A's next undo is its own objectives edit.
  await expect(undoButton(b, 'Edit location')).toBeEnabled();
  await expect(undoButton(a, 'Edit objectives')).toBeEnabled();
  const { stores } = await readAllStores(b);
  expect((stores.personas as { name: string; goals: { text: string }[] }[]).map((p) => [p.name, p.goals.map((g) => g.text)])).toEqual([['Ana María', ['Never miss a rent payment']]]);
});
