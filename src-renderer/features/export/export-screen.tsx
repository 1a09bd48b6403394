// The export screen: pick the deck's sections, personas and journeys, see the deck as it will
// be sent (rendered from the same model as the PDF), and save it as PDF, A3 roadmap PDF,
// PowerPoint, PNG or CSV through the host (save dialog in Electron, download in a browser).
// Renderers and fonts load only when this screen opens, never with the app.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ArrowDown, ArrowUp, FileDown, FileSpreadsheet, Image as ImageIcon, Maximize2, Presentation } from 'lucide-react';
import { getHost } from '../../host/host';
import { notify } from '../../state/notifications';
import type { Workshop } from '../../domain/workshop';
import { allSections, buildDeck, sectionHasContent, type DeckOptions } from '../../export/deck-build';
import type { DeckData } from '../../export/deck-data';
import { sectionLabels, type Deck } from '../../export/deck-model';
import { deckPlanText, defaultDeckPlan, moveSection, parseDeckPlan, plannedSections, type DeckPlan } from '../../export/deck-sections';
import { useSettings } from '../../db/queries';
import { buildRoadmapPoster } from '../../export/deck-roadmap';
import { csvFile, csvOf, csvTableLabels, pdfFile, pngFile, pptxFile, roadmapFile, type CsvTable, type ExportFile } from '../../export/export-files';
import { loadTypefaceFonts, registerExportFonts, type LoadedFonts } from '../../export/font-assets';
import { applyBrand } from '../../export/deck-brand';
import { brandOf, brandTypefaces, type Brand, type BrandTypeface } from '../../domain/brand';
import { colors } from '../../ui/tokens';
import { slideSvg } from '../../export/svg-render';
import { saveDeckPlan, useDeckData } from './export-data';
import { adviceFor, describeChars, uncoveredFields } from './uncovered';
import './export-screen.css';

type Busy = null | 'pdf' | 'roadmap' | 'pptx' | 'png' | 'csv';

export function ExportScreen({ workshop }: { workshop: Workshop }) {
  const data = useDeckData(workshop.id);
  const settings = useSettings();
  const brand = useMemo(() => (settings ? brandOf(settings, { primary: colors.primary, accent: colors.accent }) : undefined), [settings]);
  const typeface: BrandTypeface | null = brand === undefined ? null : (brand?.typeface ?? 'noto-sans');
  const [fonts, setFonts] = useState<LoadedFonts | null>(null);
  const [fontError, setFontError] = useState<string | null>(null);
  useEffect(() => {
    if (!typeface) return;
    let live = true;
    loadTypefaceFonts(typeface)
      .then(async (f) => {
        // The preview draws with the deck's own fonts (the brand's typeface as regular and bold),
        // registered under names of their own, so it wraps exactly like the PDF looks.
        await registerExportFonts(f.bytes);
        return f;
      })
      .then(
        (f) => live && setFonts(f),
        (e: Error) => live && setFontError(e.message),
      );
    return () => {
      live = false;
    };
  }, [typeface]);

  return (
    <main className="page" aria-labelledby="export-title">
      <header className="page-header page-header-stacked">
        <p className="eyebrow">{workshop.client || 'No client yet'}</p>
        <h1 id="export-title">Export deck</h1>
        <p className="page-subtitle">The report for the client sponsor: pick what goes in, check the preview, then save it.</p>
      </header>
      {fontError ? <p className="callout callout-warning" role="alert">{fontError}</p> : null}
      {data === undefined || (!fonts && !fontError) ? <p aria-busy="true">Preparing the preview…</p> : null}
      {data === null ? <p role="alert">This workshop no longer exists.</p> : null}
      {data && fonts && brand !== undefined ? <ExportBody data={data} fonts={fonts} brand={brand} /> : null}
    </main>
  );
}

function ExportBody({ data, fonts, brand }: { data: DeckData; fonts: LoadedFonts; brand: Brand | null }) {
  // The section plan lives in the settings: it survives a reload and applies to every workshop.
  const settings = useSettings();
  const [localPlan, setLocalPlan] = useState<DeckPlan | null>(null);
  const plan = localPlan ?? (settings ? parseDeckPlan(settings.deckPlan) : defaultDeckPlan);
  const changePlan = (p: DeckPlan, label: string) => {
    setLocalPlan(p);
    void saveDeckPlan(deckPlanText(p), label);
  };
  const sections = useMemo(() => plannedSections(plan), [plan]);
  const [personaIds, setPersonaIds] = useState<readonly string[] | null>(null);
  const [journeyIds, setJourneyIds] = useState<readonly string[] | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [status, setStatus] = useState<string>('');
  const [pngSlide, setPngSlide] = useState(0);
  const [pngScale, setPngScale] = useState(2);
  const [csvTable, setCsvTable] = useState<CsvTable>('measurement');

  const options: DeckOptions = useMemo(() => ({ sections, personaIds, journeyIds, dividers: plan.dividers }), [sections, personaIds, journeyIds, plan.dividers]);
  const deck = useMemo(() => applyBrand(buildDeck(data, options, fonts.measure), brand), [data, options, fonts, brand]);
  const slideIndex = Math.min(pngSlide, deck.slides.length - 1);

  const toggle = <T,>(list: readonly T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));

  async function save(kind: Exclude<Busy, null>, file: ExportFile, make: () => Promise<string | Uint8Array<ArrayBuffer>>) {
    setBusy(kind);
    setStatus(`Creating ${file.suggestedName}…`);
    let bytes: string | Uint8Array<ArrayBuffer>;
    try {
      bytes = await make();
    } catch (e) {
      const message = `The file could not be created: ${(e as Error).message}`;
      setStatus(message);
      notify({ kind: 'error', message });
      setBusy(null);
      return;
    }
    try {
      const res = await getHost().saveFile({ ...file, data: bytes });
      const message = res.saved ? `Saved ${res.name}.` : 'Not saved: the save dialog was cancelled.';
      setStatus(message);
      if (res.saved) notify({ kind: 'success', message });
    } catch (e) {
      // Main writes through a temporary file and a rename, so a failed save leaves no partial file.
      const message = `Not saved: ${(e as Error).message} Nothing was written; free some space or pick another folder and try again.`;
      setStatus(message);
      notify({ kind: 'error', message });
    } finally {
      setBusy(null);
    }
  }

  const exportPdf = () =>
    save('pdf', pdfFile(data), async () => {
      const { renderPdf } = await import('../../export/pdf-render');
      return renderPdf({ deck, measure: fonts.measure, fonts: fonts.bytes }) as Uint8Array<ArrayBuffer>;
    });
  const exportRoadmap = () =>
    save('roadmap', roadmapFile(data), async () => {
      const { renderPdf } = await import('../../export/pdf-render');
      return renderPdf({ deck: applyBrand(buildRoadmapPoster(data, fonts.measure), brand), measure: fonts.measure, fonts: fonts.bytes }) as Uint8Array<ArrayBuffer>;
    });
  const exportPptx = () =>
    save('pptx', pptxFile(data), async () => {
      const { renderPptx } = await import('../../export/pptx-render');
      return (await renderPptx({ deck, measure: fonts.measure })) as Uint8Array<ArrayBuffer>;
    });
  const exportPng = () => {
    const slide = deck.slides[slideIndex]!;
    return save('png', pngFile(data, `${slideIndex + 1} ${slide.title}`), async () => {
      const { slidePng } = await import('../../export/png-render');
      return slidePng(deck, slide, pngScale);
    });
  };
  const exportCsv = () => save('csv', csvFile(data, csvTableLabels[csvTable]), async () => csvOf(data, csvTable));

  return (
    <div className="export-layout">
      <div className="export-options">
        <fieldset>
          <legend>Sections</legend>
          <p className="muted small export-hint">Tick what goes in; move a section up or down to change its place in the deck.</p>
          <ol className="export-sections" aria-label="Sections in deck order">
            {plan.order.map((s, i) => {
              const has = sectionHasContent(data, s, { ...allSections, personaIds, journeyIds });
              const on = !plan.excluded.includes(s);
              return (
                <li key={s} className="export-section-row">
                  <label className="export-check">
                    <input
                      type="checkbox"
                      checked={on}
                      onChange={(e) => changePlan({ ...plan, excluded: e.target.checked ? plan.excluded.filter((x) => x !== s) : [...plan.excluded, s] }, `${e.target.checked ? 'Include' : 'Leave out'} ${sectionLabels[s]}`)}
                    />
                    <span>
                      {sectionLabels[s]} {has ? null : <span className="muted">(nothing captured yet)</span>}
                    </span>
                  </label>
                  <span className="export-move">
                    <button type="button" className="btn btn-small" aria-label="Move up" disabled={i === 0} onClick={() => changePlan(moveSection(plan, s, -1), `Move ${sectionLabels[s]} up`)}>
                      <ArrowUp size={14} aria-hidden />
                    </button>
                    <button type="button" className="btn btn-small" aria-label="Move down" disabled={i === plan.order.length - 1} onClick={() => changePlan(moveSection(plan, s, 1), `Move ${sectionLabels[s]} down`)}>
                      <ArrowDown size={14} aria-hidden />
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
          <label className="export-check">
            <input type="checkbox" checked={plan.dividers} onChange={(e) => changePlan({ ...plan, dividers: e.target.checked }, e.target.checked ? 'Add section dividers' : 'Leave out section dividers')} />
            <span>Open each section with a divider slide (it states one finding)</span>
          </label>
        </fieldset>
        {data.personas.length > 0 ? (
          <fieldset>
            <legend>Personas</legend>
            {data.personas.map((p) => (
              <label key={p.id} className="export-check">
                <input
                  type="checkbox"
                  checked={!personaIds || personaIds.includes(p.id)}
                  onChange={(e) => setPersonaIds(toggle(personaIds ?? data.personas.map((x) => x.id), p.id, e.target.checked))}
                />
                <span>{p.name}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {data.journeys.length > 0 ? (
          <fieldset>
            <legend>Journeys</legend>
            {data.journeys.map((j) => (
              <label key={j.id} className="export-check">
                <input
                  type="checkbox"
                  checked={!journeyIds || journeyIds.includes(j.id)}
                  onChange={(e) => setJourneyIds(toggle(journeyIds ?? data.journeys.map((x) => x.id), j.id, e.target.checked))}
                />
                <span>{j.name}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <UncoveredWarning deck={deck} data={data} />
        <section aria-labelledby="export-save-title" className="export-save">
          <h2 id="export-save-title" className="export-save-title">
            Save
          </h2>
          <h3 className="export-save-group">The client deck</h3>
          <div className="export-buttons">
            <button type="button" className="btn btn-primary" onClick={() => void exportPdf()} disabled={busy !== null}>
              <FileDown size={16} aria-hidden /> PDF
            </button>
            <button type="button" className="btn" onClick={() => void exportPptx()} disabled={busy !== null}>
              <Presentation size={16} aria-hidden /> PowerPoint
            </button>
            <button type="button" className="btn" onClick={() => void exportRoadmap()} disabled={busy !== null || data.initiatives.length === 0}>
              <FileDown size={16} aria-hidden /> Roadmap PDF (A3)
            </button>
          </div>
          <p className="small muted" id="pptx-font-note">
            {pptxFontNote(brand?.typeface ?? 'noto-sans')}
          </p>
          <h3 className="export-save-group">An image of one slide</h3>
          <div className="export-inline">
            <div className="field export-field-grow">
              <label className="field-label" htmlFor="png-slide">
                Slide
              </label>
              <select id="png-slide" className="field-input" value={slideIndex} onChange={(e) => setPngSlide(Number(e.target.value))}>
                {deck.slides.map((s, i) => (
                  <option key={s.id + i} value={i}>
                    {i + 1}. {s.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor="png-scale">
                Size
              </label>
              <select id="png-scale" className="field-input" value={pngScale} onChange={(e) => setPngScale(Number(e.target.value))}>
                {[1, 2, 3, 4].map((k) => (
                  <option key={k} value={k}>
                    {Math.round(deck.width * k)} × {Math.round(deck.height * k)} px
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="btn export-inline-button" onClick={() => void exportPng()} disabled={busy !== null}>
              <ImageIcon size={16} aria-hidden /> PNG
            </button>
          </div>
          <h3 className="export-save-group">A table for a spreadsheet</h3>
          <div className="export-inline">
            <div className="field export-field-grow">
              <label className="field-label" htmlFor="csv-table">
                Table
              </label>
              <select id="csv-table" className="field-input" value={csvTable} onChange={(e) => setCsvTable(e.target.value as CsvTable)}>
                {(Object.keys(csvTableLabels) as CsvTable[]).map((t) => (
                  <option key={t} value={t}>
                    {csvTableLabels[t]}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="btn export-inline-button" onClick={() => void exportCsv()} disabled={busy !== null}>
              <FileSpreadsheet size={16} aria-hidden /> CSV
            </button>
          </div>
          <p className="export-status" role="status" aria-live="polite">
            {status}
          </p>
        </section>
      </div>
      <section aria-label="Deck preview">
        <p className="muted">
          {deck.slides.length} slides · drawn from the same model as the PDF and PowerPoint files.
        </p>
        <div className="export-preview">
          {deck.slides.map((s, i) => (
            <SlidePreview key={`${s.id}-${i}`} deck={deck} index={i} />
          ))}
        </div>
      </section>
    </div>
  );
}

/** Which font the PowerPoint expects, and what happens without it. */
function pptxFontNote(t: BrandTypeface): string {
  const face = brandTypefaces[t];
  if (face.pptx === face.family) {
    return `The PowerPoint is set in ${face.pptx}. On a computer without ${face.pptx}, PowerPoint substitutes a font and lines may wrap differently; for the same line breaks everywhere, choose Liberation Sans (Arial widths) under Settings › Your brand.`;
  }
  return `The PowerPoint is set in ${face.pptx}, which every copy of Office has: the deck is measured with ${face.family}, which has exactly ${face.pptx}’s letter widths, so lines wrap as in the PDF.`;
}

/** The fields whose characters no export font has, named one by one, with advice that fits them. */
function UncoveredWarning({ deck, data }: { deck: Deck; data: DeckData }) {
  const fields = useMemo(() => uncoveredFields(data, deck.uncovered), [data, deck.uncovered]);
  if (deck.uncovered.length === 0) return null;
  const advice = adviceFor(deck.uncovered);
  const shown = fields.slice(0, 12);
  const scripts = advice.scripts.filter((s) => s !== 'some');
  return (
    <div className="callout callout-warning" role="alert">
      <p>
        {fields.length === 1 ? 'One field has' : `${fields.length} fields have`} characters the PDF, the A3 roadmap and the PNG cannot draw, and would leave
        out: {describeChars(deck.uncovered)}
      </p>
      <ul className="small">
        {shown.map((f) => (
          <li key={`${f.where} ${f.field}`}>
            {f.where}, {f.field}: {describeChars(f.chars)}
          </li>
        ))}
        {fields.length > shown.length ? <li>and {fields.length - shown.length} more fields</li> : null}
      </ul>
      {advice.scripts.length > 0 ? (
        <p className="small">
          The deck has no font for {scripts.length > 0 ? `${scripts.join(', ')} script` : 'some of these letters'}. It draws Latin, Greek, Cyrillic, Hebrew,
          Arabic, Chinese, Japanese and Korean. Write these fields in one of those, or send the PowerPoint, which keeps the text as typed.
        </p>
      ) : null}
      {advice.emoji ? <p className="small">These emoji are newer than the deck&apos;s emoji font (Unicode 9): choose an older emoji, or say it in words.</p> : null}
      {advice.symbols ? <p className="small">No export font has these symbols: replace them with words or a common sign.</p> : null}
    </div>
  );
}

function SlidePreview({ deck, index }: { deck: Deck; index: number }) {
  const slide = deck.slides[index]!;
  const svg = useMemo(() => slideSvg(deck, slide, 1, `Slide ${index + 1}: ${slide.title}`), [deck, slide, index]);
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <figure className="export-slide">
      {/* The SVG is built by export/svg-render.ts from the deck model, with every text escaped. */}
      <div className="export-slide-frame" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="export-slide-caption">
        <span>
          {index + 1}. {slide.title}
        </span>
        <button type="button" className="btn btn-small" aria-label={`Enlarge slide ${index + 1}`} onClick={() => dialog.current?.showModal()}>
          <Maximize2 size={14} aria-hidden /> Enlarge
        </button>
      </figcaption>
      {/* A modal dialog: Escape closes it and focus returns to the Enlarge button. */}
      <dialog ref={dialog} className="export-zoom" aria-label={`Slide ${index + 1} enlarged`}>
        <div className="export-zoom-frame" dangerouslySetInnerHTML={{ __html: svg.replace(/aria-label="[^"]*"/, `aria-label="Slide ${index + 1} enlarged: ${escapeAttr(slide.title)}"`) }} />
        <form method="dialog" className="export-zoom-bar">
          <span>
            {index + 1}. {slide.title}
          </span>
          <button type="submit" className="btn" autoFocus>
            Close
          </button>
        </form>
      </dialog>
    </figure>
  );
}

function escapeAttr(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
