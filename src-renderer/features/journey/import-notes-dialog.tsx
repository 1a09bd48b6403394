// Importing sticky notes brought from other tools: a file is read as bytes and decoded here
// (see domain/text-bytes), or text is pasted; the preview shows which columns were used, the
// first notes as they will land, what was skipped and why, and colours not recognised, with a
// column picker to correct the guess. Nothing is stored until "Import", as one undoable step.
import { useId, useMemo, useState } from 'react';
import { FileUp } from 'lucide-react';
import { Dialog } from '../../ui/dialog';
import { cardColors, isCardColor, laneKindLabels, type Journey, type JourneyCard } from '../../domain/journey';
import { planImport, type PlanResult } from '../../domain/journey-csv';
import type { ColumnChoice } from '../../domain/note-columns';
import { noteSourceLabels, readNotesText, type ImportRead, type NoteSource } from '../../domain/note-import';
import { bytesFromBase64, decodeTextBytes, type TextEncodingName } from '../../domain/text-bytes';
import { capText } from '../../domain/text';
import { getHost } from '../../host/host';
import { notify } from '../../state/notifications';
import { importNotes } from './journey-actions';

/** Files larger than this are refused before reading (a 5,000-note export is far smaller). */
export const importFileBytes = 25 * 1024 * 1024;
const previewCount = 5;
const delimiterNames: Readonly<Record<string, string>> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/** What a skipped entry is called, by where the notes came from. */
const skippedNoun: Readonly<Record<NoteSource, readonly [string, string]>> = {
  table: ['row', 'rows'],
  excalidraw: ['element', 'elements'],
  miro: ['item', 'items'],
  mural: ['item', 'items'],
  json: ['item', 'items'],
};

const plural = (k: number, one: string, many: string) => `${k.toLocaleString('en')} ${k === 1 ? one : many}`;

function columnLabel(header: readonly string[], i: number, firstRowIsNote: boolean): string {
  const h = header[i] ?? '';
  if (firstRowIsNote || !h) return `Column ${i + 1}${h ? ` (“${capText(h, 24)}”)` : ''}`;
  return capText(h, 40);
}

function ColumnPicker({ header, columns, onChange }: { header: readonly string[]; columns: ColumnChoice; onChange: (c: ColumnChoice) => void }) {
  const id = useId();
  const select = (key: 'text' | 'detail' | 'group' | 'color', label: string, none: string) => (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <select id={`${id}-${key}`} className="field-input" value={columns[key]} onChange={(e) => onChange({ ...columns, [key]: Number(e.target.value) })}>
        <option value={-1}>{none}</option>
        {header.map((_, i) => (
          <option key={i} value={i}>
            {columnLabel(header, i, columns.firstRowIsNote)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset className="jy-import-columns">
      <legend className="field-label">Columns</legend>
      <div className="jy-import-row">
        {select('text', 'Text column', 'Pick a column…')}
        {select('detail', 'Added below the text', 'Nothing')}
        {select('group', 'Group column', 'No groups')}
        {select('color', 'Colour column', 'No colours')}
      </div>
      <label className="export-check">
        <input type="checkbox" checked={columns.firstRowIsNote} onChange={(e) => onChange({ ...columns, firstRowIsNote: e.target.checked })} />
        <span>The first row is a note (the list has no headings)</span>
      </label>
    </fieldset>
  );
}

function ReadSummary({ read, encoding }: { read: ImportRead & { ok: true }; encoding: TextEncodingName | null }) {
  const header = read.header ?? [];
  const c = read.columns;
  const col = (i: number) => (c?.firstRowIsNote || !header[i] ? `column ${i + 1}` : `“${capText(header[i]!, 40)}”`);
  const parts = [noteSourceLabels[read.source]];
  if (encoding) parts.push(encoding);
  if (read.delimiter) parts.push(`separated by ${delimiterNames[read.delimiter] ?? read.delimiter}`);
  return (
    <>
      <p className="muted small">Read as {parts.join(' · ')}</p>
      {c ? (
        <p>
          Text from {col(c.text)}
          {c.detail >= 0 ? ` with ${col(c.detail)} below it` : ''}; {c.group >= 0 ? `groups from ${col(c.group)}` : 'no group column'}; {c.color >= 0 ? `colours from ${col(c.color)}` : 'no colour column'}.
        </p>
      ) : null}
    </>
  );
}

export function ImportNotesDialog({ open, journey, cards, onClose }: { open: boolean; journey: Journey; cards: readonly JourneyCard[]; onClose: () => void }) {
  const id = useId();
  const cardLanes = journey.lanes.filter((l) => l.kind !== 'emotion');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; encoding: TextEncodingName | null; error: string | null } | null>(null);
  const [columns, setColumns] = useState<ColumnChoice | null>(null);
  const [laneId, setLaneId] = useState(cardLanes[0]?.id ?? '');
  const [stageId, setStageId] = useState(journey.stages[0]?.id ?? '');
  const [unknown, setUnknown] = useState<'fallback' | 'new-stages'>('fallback');
  const [busy, setBusy] = useState(false);

  const read: ImportRead | null = useMemo(() => (text.trim() ? readNotesText(text, columns ? { columns } : {}) : null), [text, columns]);
  const result: PlanResult | null = useMemo(() => {
    if (file?.error) return { ok: false, row: 0, message: file.error };
    if (!read) return null;
    if (!read.ok) return read;
    return planImport(journey, cards, read.notes, { laneId, fallbackStageId: stageId, unknownGroups: unknown });
  }, [file, read, journey, cards, laneId, stageId, unknown]);

  const pick = async () => {
    try {
      const f = await getHost().openBinaryFile([{ name: 'Notes (CSV, text, JSON, Excalidraw)', extensions: ['csv', 'tsv', 'txt', 'json', 'excalidraw'] }], importFileBytes);
      if (!f) return;
      const decoded = decodeTextBytes(bytesFromBase64(f.text));
      setColumns(null);
      if (decoded.ok && decoded.text.trim() === '') {
        setText('');
        setFile({ name: f.name, encoding: decoded.encoding, error: `“${capText(f.name, 60)}” is empty: there are no notes in it.` });
      } else if (decoded.ok) {
        setText(decoded.text);
        setFile({ name: f.name, encoding: decoded.encoding, error: null });
      } else {
        setText('');
        setFile({ name: f.name, encoding: null, error: `“${capText(f.name, 60)}”: ${decoded.message}` });
      }
    } catch (err) {
      notify({ kind: 'error', message: `Could not read the file. ${(err as Error).message}` });
    }
  };
  const close = () => {
    setText('');
    setFile(null);
    setColumns(null);
    onClose();
  };
  const run = async () => {
    if (!result?.ok) return;
    setBusy(true);
    const ok = await importNotes(journey, result.plan);
    setBusy(false);
    if (ok) {
      notify({ kind: 'success', message: `Imported ${plural(result.plan.cards.length, 'note', 'notes')}` });
      close();
    }
  };
  const stageName = (sid: string) => (result?.ok ? [...journey.stages, ...result.plan.newStages].find((s) => s.id === sid)?.name : undefined) ?? '';
  const pickerHeader = read && read.source === 'table' ? read.header : undefined;
  const pickerColumns = columns ?? (read && read.source === 'table' ? read.columns : undefined);
  return (
    <Dialog
      title="Import sticky notes"
      open={open}
      onClose={close}
      wide
      description="Pick or paste notes exported from Miro, Mural, Trello, Jira, Excalidraw or a spreadsheet (CSV or tab-separated text in any common encoding, or JSON). Check the preview; nothing is imported unless every note is fine."
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!result?.ok || busy} onClick={() => void run()}>
            {result?.ok ? `Import ${plural(result.plan.cards.length, 'note', 'notes')}` : 'Import notes'}
          </button>
        </>
      }
    >
      <div className="jy-import-body">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-csv`}>
            CSV text
          </label>
          <textarea
            id={`${id}-csv`}
            className="field-input jy-csv-input"
            rows={file ? 3 : 6}
            value={text}
            placeholder={'Text,Color,Column\n"Sees an ad for the app",yellow,Aware'}
            onChange={(e) => {
              setText(e.target.value);
              setFile(null);
              setColumns(null);
            }}
          />
          <p className="toolbar">
            <button type="button" className="btn" onClick={() => void pick()}>
              <FileUp size={16} aria-hidden /> Choose file…
            </button>
            {file ? <span className="muted small">{file.name}</span> : null}
          </p>
        </div>
        <div className="jy-import-row">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-lane`}>
              Into lane
            </label>
            <select id={`${id}-lane`} className="field-input" value={laneId} onChange={(e) => setLaneId(e.target.value)}>
              {cardLanes.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name || laneKindLabels[l.kind]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-unknown`}>
              Notes whose column is not a stage
            </label>
            <select id={`${id}-unknown`} className="field-input" value={unknown} onChange={(e) => setUnknown(e.target.value as 'fallback' | 'new-stages')}>
              <option value="fallback">Go to a stage I choose</option>
              <option value="new-stages">Become new stages</option>
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-stage`}>
              Stage for notes without a known column
            </label>
            <select id={`${id}-stage`} className="field-input" value={stageId} onChange={(e) => setStageId(e.target.value)}>
              {journey.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {pickerHeader && pickerColumns ? <ColumnPicker header={pickerHeader} columns={pickerColumns} onChange={setColumns} /> : null}
        {result && !result.ok ? (
          <div className="import-error" role="alert">
            <p>
              <strong>Nothing will be imported.</strong> {result.message}
            </p>
          </div>
        ) : null}
        {result?.ok && read?.ok ? (
          <section className="jy-import-preview" role="status" aria-label="Import preview">
            <ReadSummary read={read} encoding={file?.encoding ?? null} />
            <p>
              <strong>{plural(result.plan.cards.length, 'note', 'notes')}</strong> into {journey.lanes.find((l) => l.id === laneId)?.name}
              {result.plan.cards.length > previewCount ? `; the first ${previewCount}:` : ':'}
            </p>
            <ol className="jy-import-notes" aria-label="First notes">
              {result.plan.cards.slice(0, previewCount).map((c) => {
                const tone = cardColors[isCardColor(c.color) ? c.color : 'yellow'];
                return (
                <li key={c.id} className="jy-import-note" style={{ background: tone.fill, color: tone.ink, borderColor: tone.edge }}>
                  <span className="jy-import-note-text">{c.text}</span>
                  <span className="jy-import-note-stage">→ {stageName(c.stageId)}</span>
                </li>
                );
              })}
            </ol>
            <ul className="jy-import-stages" aria-label="Notes per stage">
              {result.plan.perStage.map((s) => (
                <li key={s.name}>
                  {s.name}
                  {s.isNew ? ' (new stage)' : ''}: {s.count}
                </li>
              ))}
            </ul>
            {read.skipped.length > 0 ? (
              <p>
                {plural(read.skipped.length, skippedNoun[read.source][0], skippedNoun[read.source][1])} skipped:{' '}
                {read.skipped
                  .slice(0, 6)
                  .map((s) => `${skippedNoun[read.source][0]} ${s.row.toLocaleString('en')} (${s.reason})`)
                  .join(', ')}
                {read.skipped.length > 6 ? ', …' : ''}.
              </p>
            ) : null}
            {read.unknownColors.count > 0 ? (
              <p>
                {plural(read.unknownColors.count, 'colour', 'colours')} not recognised ({read.unknownColors.examples.map((e) => `“${e}”`).join(', ')}): those notes take the lane’s colour.
              </p>
            ) : null}
          </section>
        ) : null}
      </div>
    </Dialog>
  );
}
