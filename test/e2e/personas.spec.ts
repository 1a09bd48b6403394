// Personas, as a facilitator builds them in the room: names and quotes in any script, goals
// typed one per line and reordered from the keyboard, evidence per claim, undo/redo, copying
// a persona into another workshop, and deleting with undo (links to segments and journeys included).
import { deflateSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  createWorkshop,
  goToLibrary,
  libraryRow,
  openApp,
  passUndoMergeWindow,
  pickFile,
  readAllStores,
  sidebar,
  toasts,
  TYPING_DEBOUNCE_MS,
} from '../helpers/e2e';

/** A real PNG picture (a colour gradient), big enough that it must be scaled down. */
function pngGradient(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 160], y * (width * 3 + 1) + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

interface StoredClaim {
  id: string;
  text: string;
  source: string;
}
interface StoredPersona {
  id: string;
  workshopId: string;
  name: string;
  quote: string;
  segmentId: string | null;
  avatar: { kind: string; color?: string; dataUrl?: string };
  goals: StoredClaim[];
  pains: StoredClaim[];
}

async function storedPersonas(page: Page): Promise<StoredPersona[]> {
  const { stores } = await readAllStores(page);
  return (stores.personas ?? []) as StoredPersona[];
}

async function openPersonas(page: Page): Promise<void> {
  await sidebar(page).getByRole('link', { name: /Personas/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Personas/ })).toBeVisible();
}

const gallery = (page: Page): Locator => page.getByRole('list', { name: 'Personas' });
const card = (page: Page, name: string): Locator => gallery(page).getByRole('article', { name, exact: true });
const nameField = (page: Page): Locator => page.getByRole('textbox', { name: 'Name', exact: true });
const quoteField = (page: Page): Locator => page.getByRole('textbox', { name: 'Quote', exact: true });
const claim = (page: Page, singular: string, n: number): Locator => page.getByRole('textbox', { name: `${singular} ${n}`, exact: true });

/** Adds a persona from the gallery and names it: the new persona opens with its name selected. */
async function addPersona(page: Page, name: string): Promise<void> {
  // Exact, inside the page: the top bar's "Undo Add persona" also contains the words.
  await page.getByRole('main').getByRole('button', { name: 'Add persona', exact: true }).first().click();
  await expect(nameField(page)).toBeFocused();
  await expect(nameField(page)).toHaveValue(/^New persona/);
  await page.keyboard.type(name);
  await expect(nameField(page)).toHaveValue(name);
}

async function backToGallery(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'All personas', exact: true }).click();
  await expect(gallery(page).or(page.getByText('No personas yet'))).toBeVisible();
}

test('personas in any script, goals reordered from the keyboard, evidence per claim, kept across a reload', async ({ page }) => {
  await openApp(page);
  const workshopId = await createWorkshop(page, { template: 'Personas and segments', client: 'Nordwind Bank', title: 'Who we serve' });
  await openPersonas(page);
  await expect(page.getByText('No personas yet')).toBeVisible();

  await addPersona(page, 'Ana María');
  await quoteField(page).fill('Quiero saber cuánto me queda a fin de mes — sin sorpresas.');

  // Goals: typed one per line, Enter starts the next one.
  await page.getByRole('button', { name: 'Add goal', exact: true }).click();
  await expect(claim(page, 'Goal', 1)).toBeFocused();
  await page.keyboard.type('Pay rent on time');
  await page.keyboard.press('Enter');
  await expect(claim(page, 'Goal', 2)).toBeFocused();
  await page.keyboard.type('Save for a holiday');
  await page.keyboard.press('Enter');
  await expect(claim(page, 'Goal', 3)).toBeFocused();
  await page.keyboard.type('Understand fees 💶');
  // Alt+ArrowUp moves the third goal up; focus stays on it.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(claim(page, 'Goal', 2)).toHaveValue('Understand fees 💶');
  await expect(claim(page, 'Goal', 2)).toBeFocused();
  await expect(claim(page, 'Goal', 3)).toHaveValue('Save for a holiday');
  // Backspace in an empty goal removes it and goes back to the one before.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(claim(page, 'Goal', 3)).toBeFocused();
  await expect(claim(page, 'Goal', 3)).toHaveValue('');
  await page.keyboard.press('Backspace');
  await expect(claim(page, 'Goal', 2)).toBeFocused();
  await expect(claim(page, 'Goal', 4)).toHaveCount(0);

  // Pains with where each claim comes from.
  await page.getByRole('button', { name: 'Add pain', exact: true }).click();
  await expect(claim(page, 'Pain', 1)).toBeFocused();
  await page.keyboard.type('Fees appear without warning');
  await page.keyboard.press('Enter');
  await expect(claim(page, 'Pain', 2)).toBeFocused();
  await page.keyboard.type('Branch closes at 4 pm');
  await page.getByRole('combobox', { name: 'Evidence for pain 1' }).selectOption({ label: 'Interview' });
  await page.getByRole('combobox', { name: 'Evidence for pain 2' }).selectOption({ label: 'Survey' });
  await expect(page.getByRole('combobox', { name: 'Evidence for goal 1' })).toHaveValue('assumption');

  await backToGallery(page);
  await addPersona(page, 'Δήμητρα 🚀');
  await quoteField(page).fill('Θέλω να τα κάνω όλα από το κινητό. 株式会社も使っています。');
  await page.getByRole('button', { name: 'Add goal', exact: true }).click();
  await expect(claim(page, 'Goal', 1)).toBeFocused();
  await page.keyboard.type('Открыть счёт за 5 минут');
  // Reload only once the typing is stored (after its 300 ms debounce).
  await expect
    .poll(async () => (await storedPersonas(page)).find((p) => p.name === 'Δήμητρα 🚀')?.goals.map((c) => c.text))
    .toEqual(['Открыть счёт за 5 минут']);

  await page.reload();
  await backToGallery(page);
  await expect(gallery(page).getByRole('article')).toHaveCount(2);
  const ana = card(page, 'Ana María');
  await expect(ana).toContainText('“Quiero saber cuánto me queda a fin de mes — sin sorpresas.”');
  await expect(ana.getByRole('region', { name: 'Top goals' }).getByRole('listitem')).toHaveText([
    'Pay rent on time',
    'Understand fees 💶',
    'Save for a holiday',
  ]);
  // 2 of 5 claims are backed by evidence.
  await expect(ana).toContainText('40% evidenced · 3 assumptions');
  await expect(ana.getByText('AM', { exact: true })).toBeVisible();
  const dimitra = card(page, 'Δήμητρα 🚀');
  await expect(dimitra).toContainText('Θέλω να τα κάνω όλα από το κινητό. 株式会社も使っています。');
  await expect(dimitra).toContainText('Открыть счёт за 5 минут');
  await expect(dimitra.getByText('Δ', { exact: true })).toBeVisible();

  // The card opens the editor, where everything is as typed.
  await ana.getByRole('link', { name: 'Ana María', exact: true }).click();
  await expect(nameField(page)).toHaveValue('Ana María');
  await expect(claim(page, 'Goal', 2)).toHaveValue('Understand fees 💶');
  await expect(page.getByRole('combobox', { name: 'Evidence for pain 2' })).toHaveValue('survey');

  // The drag handle reorders with the mouse: drop the first goal onto the lower half of the last
  // row (the goal's text and, under it, its source). Both rows in view: a drag that has to scroll
  // the page on its way is not what this checks.
  await page.setViewportSize({ width: 1280, height: 1100 });
  await claim(page, 'Goal', 3).scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Drag to reorder goal 1', exact: true }).dragTo(page.getByRole('textbox', { name: 'Source of goal 3', exact: true }), { targetPosition: { x: 20, y: 12 } });
  await expect(claim(page, 'Goal', 3)).toHaveValue('Pay rent on time');
  await expect(claim(page, 'Goal', 1)).toHaveValue('Understand fees 💶');
  await page.keyboard.press('Control+z');
  await expect(claim(page, 'Goal', 1)).toHaveValue('Pay rent on time');

  const stored = (await storedPersonas(page)).filter((p) => p.workshopId === workshopId);
  expect(stored.map((p) => p.name).sort()).toEqual(['Ana María', 'Δήμητρα 🚀']);
  const anaRow = stored.find((p) => p.name === 'Ana María')!;
  expect(anaRow.goals.map((c) => c.text)).toEqual(['Pay rent on time', 'Understand fees 💶', 'Save for a holiday']);
  expect(anaRow.pains.map((c) => [c.text, c.source])).toEqual([
    ['Fees appear without warning', 'interview'],
    ['Branch closes at 4 pm', 'survey'],
  ]);
});

test('undo and redo a persona edit from the keyboard; over-long text is refused, not cut', async ({ page }) => {
  await page.clock.install();
  await openApp(page);
  await createWorkshop(page, { template: 'Personas and segments', client: 'Acme', title: 'Undo check' });
  await openPersonas(page);
  await addPersona(page, 'Kenji 健二');
  await quoteField(page).fill('First quote');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Undo Edit quote', exact: true })).toBeEnabled();
  await passUndoMergeWindow(page); // so the next edit is a new undo step, not merged with the typing above
  await quoteField(page).fill('Second quote');
  await page.keyboard.press('Control+z');
  await expect(quoteField(page)).toHaveValue('First quote');
  await page.keyboard.press('Control+Shift+z');
  await expect(quoteField(page)).toHaveValue('Second quote');

  await page.getByRole('button', { name: 'Add goal', exact: true }).click();
  await claim(page, 'Goal', 1).fill('x'.repeat(301));
  await expect(page.getByRole('alert').filter({ hasText: 'Goal 1 is limited to 300 characters.' })).toBeVisible();
  await page.clock.runFor(TYPING_DEBOUNCE_MS + 100); // the debounce has fired: nothing may be saved
  await claim(page, 'Goal', 1).blur();
  // The next edit runs after any write the refused text could have started, so once it is
  // stored, the goal as stored is final.
  await quoteField(page).fill('Third quote');
  await quoteField(page).blur();
  await expect.poll(async () => (await storedPersonas(page))[0]!.quote).toBe('Third quote');
  const [stored] = await storedPersonas(page);
  expect(stored!.goals.map((c) => c.text)).toEqual(['']);
  await expect(claim(page, 'Goal', 1)).toHaveValue('x'.repeat(301));
});

test('a picture as avatar: scaled down and stored small; a file that is no image is refused; back to initials', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Personas and segments', client: 'Acme', title: 'Pictures' });
  await openPersonas(page);
  await addPersona(page, 'Ana');
  const changePicture = page.getByRole('button', { name: 'Change picture', exact: true });

  await pickFile(page, changePicture, { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await expect(toasts(page)).toContainText('notes.png could not be read as an image.');
  expect((await storedPersonas(page))[0]!.avatar).toMatchObject({ kind: 'initials' });

  await pickFile(page, changePicture, { name: 'ana.png', mimeType: 'image/png', buffer: pngGradient(900, 600) });
  await expect(page.locator('img.persona-avatar')).toBeVisible();
  const avatar = (await storedPersonas(page))[0]!.avatar;
  expect(avatar.kind).toBe('image');
  expect(avatar.dataUrl).toMatch(/^data:image\/(webp|jpeg);base64,/);
  expect(avatar.dataUrl!.length).toBeLessThanOrEqual(90_000);
  const size = await page.evaluate(async (url) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, avatar.dataUrl!);
  expect(size).toEqual([256, 171]);

  await page.getByRole('button', { name: 'Use initials', exact: true }).click();
  await expect(page.locator('img.persona-avatar')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Teal', exact: true })).toBeVisible();
  await page.getByRole('radio', { name: 'Teal', exact: true }).check({ force: true });
  await expect.poll(async () => (await storedPersonas(page))[0]!.avatar).toEqual({ kind: 'initials', color: '#1f6f8b' });
});

test('duplicate a persona into another workshop and find it there', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Journey mapping', client: 'Globex', title: 'Second workshop' });
  await createWorkshop(page, { template: 'Personas and segments', client: 'Nordwind Bank', title: 'Source workshop' });
  await openPersonas(page);
  await addPersona(page, 'Ana María');
  await page.getByRole('button', { name: 'Add goal', exact: true }).click();
  await expect(claim(page, 'Goal', 1)).toBeFocused();
  await page.keyboard.type('Pay rent on time');
  await backToGallery(page);

  await card(page, 'Ana María').getByRole('button', { name: 'Duplicate Ana María', exact: true }).click();
  await expect(card(page, 'Ana María (copy)')).toBeVisible();

  await card(page, 'Ana María').getByRole('button', { name: 'Duplicate Ana María to another workshop', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy Ana María to another workshop' });
  await dialog.getByRole('radio', { name: 'Globex – Second workshop', exact: true }).check();
  await dialog.getByRole('button', { name: 'Copy persona', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page)).toContainText('Copied Ana María to Second workshop');
  await toasts(page).getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Workshop' })).toContainText('Second workshop');
  await expect(nameField(page)).toHaveValue('Ana María');
  await expect(claim(page, 'Goal', 1)).toHaveValue('Pay rent on time');

  // It is there from the library too.
  await goToLibrary(page);
  await libraryRow(page, 'Second workshop').getByRole('link', { name: 'Second workshop', exact: true }).click();
  await openPersonas(page);
  await expect(gallery(page).getByRole('article')).toHaveCount(1);
  await expect(card(page, 'Ana María')).toContainText('Pay rent on time');
  const all = await storedPersonas(page);
  expect(all).toHaveLength(3);
  expect(new Set(all.map((p) => p.id)).size).toBe(3);
  expect(new Set(all.flatMap((p) => p.goals.map((c) => c.id))).size).toBe(3);
});

test('delete: at once with Undo when unlinked; with a confirm naming the links otherwise, undone in one step', async ({ page }) => {
  await openApp(page);
  const workshopId = await createWorkshop(page, { template: 'Personas and segments', client: 'Nordwind', title: 'Deleting' });
  await openPersonas(page);
  await addPersona(page, 'Ana');
  await backToGallery(page);
  await addPersona(page, 'Bo');
  await backToGallery(page);

  // Unlinked: gone at once, back with the toast's Undo.
  await card(page, 'Bo').getByRole('button', { name: 'Delete Bo', exact: true }).click();
  await expect(card(page, 'Bo')).toHaveCount(0);
  await toasts(page).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(card(page, 'Bo')).toBeVisible();

  // Link Ana to a segment and a journey, the way those editors store them.
  const anaId = (await storedPersonas(page)).find((p) => p.name === 'Ana')!.id;
  await page.evaluate(
    async ({ workshopId, anaId }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('centric');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction(['segments', 'journeys', 'personas'], 'readwrite');
      tx.objectStore('segments').put({ id: 'seg-young', workshopId, name: 'Young families', color: '#0f7a5f', order: 0 });
      tx.objectStore('journeys').put({ id: 'jr-onboarding', workshopId, name: 'Onboarding', personaId: anaId, scenario: '', stages: [], lanes: [], emotions: {}, order: 0, createdAt: 1 });
      const personas = tx.objectStore('personas');
      const get = personas.get(anaId);
      get.onsuccess = () => personas.put({ ...get.result, segmentId: 'seg-young' });
      await new Promise<void>((res, rej) => {
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    },
    { workshopId, anaId },
  );
  await page.reload();
  await expect(card(page, 'Ana')).toContainText('Young families');

  await card(page, 'Ana').getByRole('button', { name: 'Delete Ana', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Ana?' });
  await expect(confirm).toContainText(
    'Ana is linked to the segment “Young families” and the journey “Onboarding”. Deleting Ana removes those links.',
  );
  await confirm.getByRole('button', { name: 'Delete persona', exact: true }).click();
  await expect(card(page, 'Ana')).toHaveCount(0);
  let { stores } = await readAllStores(page);
  expect((stores.journeys as { personaId: string | null }[])[0]!.personaId).toBeNull();

  // One Ctrl+Z brings back the persona and the journey's link.
  await page.keyboard.press('Control+z');
  await expect(card(page, 'Ana')).toBeVisible();
  ({ stores } = await readAllStores(page));
  expect((stores.journeys as { personaId: string | null }[])[0]!.personaId).toBe(anaId);
  expect((stores.personas as StoredPersona[]).find((p) => p.id === anaId)!.segmentId).toBe('seg-young');
});

test('typing fast after Enter goes into the new goal; each goal names its source, shown on the card', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Personas and segments', client: 'Nordwind Bank', title: 'Fast typing' });
  await openPersonas(page);
  await addPersona(page, 'Ana');
  await page.getByRole('button', { name: 'Add goal', exact: true }).click();
  await expect(claim(page, 'Goal', 1)).toBeFocused();
  // No pause between Enter and the next words: the new goal is still being stored when they come.
  await page.keyboard.type('A1');
  await page.keyboard.press('Enter');
  await page.keyboard.type('B2');
  await page.keyboard.press('Enter');
  await page.keyboard.type('C3');
  await expect(claim(page, 'Goal', 3)).toHaveValue('C3');
  await expect(claim(page, 'Goal', 2)).toHaveValue('B2');
  await expect(claim(page, 'Goal', 1)).toHaveValue('A1');
  await expect(claim(page, 'Goal', 3)).toBeFocused();

  const source = page.getByRole('textbox', { name: 'Source of goal 1', exact: true });
  await source.fill('Interview 3, March 2026');
  await source.blur();
  await expect.poll(async () => (await storedPersonas(page))[0]!.goals.map((c) => [c.text, (c as { citation?: string }).citation ?? null])).toEqual([
    ['A1', 'Interview 3, March 2026'],
    ['B2', null],
    ['C3', null],
  ]);
  await page.screenshot({ path: '/tmp/i14f/persona-claims.png' });
  await backToGallery(page);
  await expect(card(page, 'Ana')).toContainText('A1 (Interview 3, March 2026)');
});

test('an added persona left untouched is removed again, with its Add step', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Personas and segments', client: 'Nordwind Bank', title: 'Abandoned add' });
  await openPersonas(page);
  await page.getByRole('main').getByRole('button', { name: 'Add persona', exact: true }).first().click();
  await expect(nameField(page)).toBeFocused();
  await expect.poll(async () => (await storedPersonas(page)).length).toBe(1);
  await backToGallery(page);
  await expect(page.getByText('No personas yet')).toBeVisible();
  await expect.poll(async () => (await storedPersonas(page)).length).toBe(0);
  // Nothing to undo or redo about it.
  await expect(page.getByRole('banner').getByRole('button', { name: 'Undo Add persona', exact: true })).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Redo Add persona', exact: true })).toHaveCount(0);

  // One that was touched stays.
  await addPersona(page, 'Ana');
  await backToGallery(page);
  await expect(card(page, 'Ana')).toBeVisible();
  expect((await storedPersonas(page)).map((p) => p.name)).toEqual(['Ana']);
});

test('over-long text is kept when leaving the persona, and the user is told it is not saved', async ({ page }) => {
  await openApp(page);
  await createWorkshop(page, { template: 'Personas and segments', client: 'Nordwind Bank', title: 'Long quote' });
  await openPersonas(page);
  await addPersona(page, 'Ana');
  const long = 'We want to be heard. '.repeat(15).trim();
  await quoteField(page).fill(long);
  await expect(page.getByText('Quote is limited to 300 characters.', { exact: true })).toBeVisible();
  await backToGallery(page);
  await expect(toasts(page)).toContainText('Not saved: Quote is limited to 300 characters. Your text is kept in the field until you fix it.');
  expect((await storedPersonas(page))[0]!.quote).toBe('');

  await card(page, 'Ana').getByRole('link', { name: 'Ana', exact: true }).click();
  await expect(quoteField(page)).toHaveValue(long);
  await expect(page.getByText('Quote is limited to 300 characters.', { exact: true })).toBeVisible();
  // Shortened, it is stored.
  await quoteField(page).fill('We want to be heard.');
  await quoteField(page).blur();
  await expect.poll(async () => (await storedPersonas(page))[0]!.quote).toBe('We want to be heard.');
});
