// Exporting the client deck from the UI in Chromium (browser mode: saving is a download), and
// reading the files back: the PDF with pdftotext, the PowerPoint as a zip.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openApp, saveByClicking } from '../helpers/e2e';

/** Adds a persona straight into IndexedDB, as if the facilitator had made it earlier. */
async function addPersona(page: Page, workshopId: string, name: string): Promise<void> {
  await page.evaluate(
    async ({ workshopId, name }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('centric');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const claim = (id: string, text: string) => ({ id, text, source: 'interview' });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('personas', 'readwrite');
        tx.objectStore('personas').put({
          id: 'e2e-persona', workshopId, name, avatar: { kind: 'initials', color: '#2f4fd8' }, segmentId: null,
          quote: 'Ich möchte einen Ansprechpartner.', context: 'Kundin seit 2019', goals: [claim('g1', 'Schnelle Schadensregulierung')],
          needs: [claim('n1', '担当者に一度で伝えたい')], pains: [claim('p1', 'Wartet drei Tage auf Antwort')], gains: [], behaviours: [], channels: [], motivations: [], order: 0, createdAt: 1,
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { workshopId, name },
  );
}

/** The PDF's text by pdftotext (written into `dir` first), or null where poppler is missing (.ci/run installs it). */
function pdfText(dir: string, bytes: Buffer): string | null {
  const pdfPath = join(dir, 'deck.pdf');
  writeFileSync(pdfPath, bytes);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  } catch {
    console.warn('pdftotext is not installed: the PDF text is not checked.');
    return null;
  }
}

test('exports the deck as PDF and PowerPoint from the export screen', async ({ page }) => {
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Customer-centricity full day', client: 'Müller & Söhne GmbH', title: 'Kundentag Ωmega', date: '2027-03-14' });
  await addPersona(page, id, 'Zoë Δημητρίου');

  await page.getByRole('navigation', { name: 'Workshop' }).getByRole('link', { name: 'Export deck', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export deck' })).toBeVisible();
  const preview = page.getByRole('region', { name: 'Deck preview' });
  await expect(preview.getByRole('img', { name: /^Slide 1:/ })).toBeVisible();
  await expect(preview.getByRole('img', { name: 'Slide 4: Zoë Δημητρίου' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Zoë Δημητρίου', exact: true })).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('export-screen.png') });

  const dir = mkdtempSync(join(tmpdir(), 'centric-e2e-export-'));
  const pdf = await saveByClicking(page, page.getByRole('button', { name: 'PDF', exact: true }));
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.file.buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByRole('region', { name: 'Save' }).getByRole('status')).toContainText('Saved');
  const text = pdfText(dir, pdf.file.buffer);
  if (text !== null) {
    expect(text).toContain('Müller & Söhne GmbH');
    expect(text).toContain('Zoë Δημητρίου');
    expect(text).toContain('Schnelle Schadensregulierung');
    // CJK comes from the gzipped fallback font, unpacked in the browser at export time.
    expect(text.replace(/\s+/g, '')).toContain('担当者に一度で伝えたい');
  }

  const pptx = await saveByClicking(page, page.getByRole('button', { name: 'PowerPoint', exact: true }));
  expect(pptx.name).toMatch(/\.pptx$/);
  const zip = await JSZip.loadAsync(pptx.file.buffer);
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  expect(slides.length).toBeGreaterThanOrEqual(4);
  const xml = (await Promise.all(slides.map((f) => zip.file(f)!.async('string')))).join('');
  // Each paragraph's text: a name in two scripts is two runs, each tagged with its language.
  const paragraphs = [...xml.matchAll(/<a:p>(.*?)<\/a:p>/g)].map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''));
  expect(paragraphs).toContain('Zoë Δημητρίου');
  expect(paragraphs.some((p) => p.includes('Müller &amp; Söhne GmbH'))).toBe(true);
  expect(xml).toContain('<a:rPr lang="el-GR"');
});

test('warns before export about characters no font can draw, naming the field', async ({ page }) => {
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Customer-centricity full day', client: 'Rocket Co', title: 'Launch day' });
  // Emoji up to Unicode 9 have a fallback font; Thai letters and a Unicode 13 emoji do not.
  await addPersona(page, id, 'สมชาย 🚀 🥲');
  await page.goto(`/#/w/${id}/export`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('One field has characters the PDF, the A3 roadmap and the PNG cannot draw');
  await expect(alert.getByRole('listitem')).toHaveText(['Persona “สมชาย 🚀 🥲”, name: Thai letters, 🥲']);
  await expect(alert).toContainText('The deck has no font for Thai script');
  await expect(alert).toContainText("newer than the deck's emoji font");
  await alert.screenshot({ path: test.info().outputPath('uncovered-warning.png') });
});

test('draws Hebrew and Arabic right to left in the preview, the PDF and the PNG, with the export fonts', async ({ page }) => {
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Customer-centricity full day', client: 'شركة التأمين', title: 'יום לקוחות' });
  await addPersona(page, id, 'שירה לוי – Tel Aviv & Haifa');
  await page.goto(`/#/w/${id}/export`);
  const preview = page.getByRole('region', { name: 'Deck preview' });
  const personaSlide = preview.getByRole('img', { name: 'Slide 4: שירה לוי – Tel Aviv & Haifa' });
  await expect(personaSlide).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The preview names the export fonts, which the page has loaded: no machine font draws the slide.
  expect(await page.evaluate(() => document.fonts.check("16px 'Centric Export Hebrew'", 'שירה') && document.fonts.check("16px 'Centric Export Arabic'", 'شركة'))).toBe(true);
  await expect(personaSlide.locator('text[direction="rtl"]').first()).toBeVisible();
  await personaSlide.screenshot({ path: test.info().outputPath('persona-preview.png') });
  await preview.getByRole('img', { name: /^Slide 1:/ }).screenshot({ path: test.info().outputPath('title-preview.png') });

  const dir = mkdtempSync(join(tmpdir(), 'centric-e2e-rtl-'));
  const pdf = await saveByClicking(page, page.getByRole('button', { name: 'PDF', exact: true }));
  const text = pdfText(dir, pdf.file.buffer);
  if (text !== null) {
    const plain = text.normalize('NFKC').replace(/[\u202a-\u202e]/g, '');
    expect(plain).toContain('שירה לוי');
    expect(plain).toContain('Tel Aviv & Haifa');
    expect(plain).toContain('شركة التأمين');
    expect(plain).toContain('יום לקוחות');
  }

  await page.getByLabel('Slide', { exact: true }).selectOption({ label: '4. שירה לוי – Tel Aviv & Haifa' });
  const png = await saveByClicking(page, page.getByRole('button', { name: 'PNG', exact: true }));
  expect(png.file.buffer.subarray(1, 4).toString('latin1')).toBe('PNG');
  writeFileSync(test.info().outputPath('persona-slide.png'), png.file.buffer);
});

test('the facilitator chooses and orders the sections by keyboard; the plan survives a reload; a slide enlarges', async ({ page }) => {
  await openApp(page);
  const id = await createWorkshop(page, { template: 'Customer-centricity full day', client: 'Albion Mutual', title: 'Customer day' });
  await addPersona(page, id, 'Margaret Hughes, loyal for 22 years');
  await page.goto(`/#/w/${id}/export`);
  const list = page.getByRole('list', { name: 'Sections in deck order', exact: true });
  const row = (label: string) => list.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: label, exact: true }) });
  const preview = page.getByRole('region', { name: 'Deck preview' });
  await expect(preview.getByRole('img', { name: /^Slide 1:/ })).toBeVisible();
  const slidesText = page.getByText(/^\d+ slides ·/);
  const before = Number((await slidesText.textContent())?.split(' ')[0]);

  // Personas moved to the top by keyboard, dividers left out.
  const up = row('Personas').getByRole('button', { name: 'Move up', exact: true });
  for (let i = 0; i < 2; i++) {
    await up.focus();
    await page.keyboard.press('Enter');
  }
  await expect(list.getByRole('listitem').first()).toContainText('Personas');
  const dividers = page.getByRole('checkbox', { name: 'Open each section with a divider slide (it states one finding)', exact: true });
  await dividers.focus();
  await page.keyboard.press('Space');
  await expect(dividers).not.toBeChecked();
  await expect.poll(async () => Number((await slidesText.textContent())?.split(' ')[0])).toBeLessThan(before);

  await page.reload();
  await expect(list.getByRole('listitem').first()).toContainText('Personas');
  await expect(dividers).not.toBeChecked();
  // The persona is the first section after the agenda.
  await expect(preview.getByRole('img', { name: /^Slide \d+: Margaret Hughes, loyal for 22 years$/ })).toBeVisible();

  await page.getByRole('button', { name: 'Enlarge slide 1', exact: true }).click();
  const zoom = page.getByRole('dialog', { name: 'Slide 1 enlarged', exact: true });
  await expect(zoom).toBeVisible();
  const box = await zoom.getByRole('img').boundingBox();
  expect(box!.width).toBeGreaterThan(700);
  await page.screenshot({ path: test.info().outputPath('export-enlarged.png') });
  await page.keyboard.press('Escape');
  await expect(zoom).toBeHidden();
});
