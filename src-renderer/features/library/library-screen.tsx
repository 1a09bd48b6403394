// The home screen: every workshop with client, title, date, template and last edit;
// search, create, rename, duplicate, back up, delete, import and open.
import { useEffect, useMemo, useState } from 'react';
import { Copy, Download, FolderOpen, Pencil, Plus, Search, Trash2, Upload } from 'lucide-react';
import { useWorkshops } from '../../db/queries';
import { formatLocalDate } from '../../domain/ids';
import { matchesSearch, type Workshop } from '../../domain/workshop';
import { formatDateTime, formatRelative } from '../../ui/format';
import { EmptyState } from '../../ui/empty-state';
import { navigate } from '../../state/router';
import { NewWorkshopDialog } from './new-workshop-dialog';
import { RenameDialog } from './rename-dialog';
import { ImportDialog } from '../shared/import-dialog';
import { deleteWorkshop, duplicateWorkshop, renameWorkshop } from './library-actions';
import { commitImport, exportLibraryBackup, exportWorkshopBackup, pickBackupToImport, type ImportPlan } from '../shared/backup';
import { useUi } from '../../state/ui';

export function LibraryScreen() {
  const workshops = useWorkshops();
  const [query, setQuery] = useState('');
  const newOpen = useUi((s) => s.newWorkshopOpen);
  const setNewOpen = (open: boolean) => useUi.setState({ newWorkshopOpen: open });
  // The dialog belongs to this visit of the library: leaving it (browser Back, a link) closes it,
  // so coming back does not find it open again.
  useEffect(() => () => useUi.setState({ newWorkshopOpen: false }), []);
  const [renaming, setRenaming] = useState<Workshop | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);

  const shown = useMemo(() => (workshops ?? []).filter((w) => matchesSearch(w, query)), [workshops, query]);

  const startImport = async () => {
    const p = await pickBackupToImport();
    if (p) setPlan(p);
  };

  return (
    <main className="page" aria-labelledby="library-title">
      <header className="page-header">
        <div>
          <h1 id="library-title">Workshops</h1>
          <p className="page-subtitle">
            {workshops === undefined
              ? 'Loading…'
              : `${workshops.length} workshop${workshops.length === 1 ? '' : 's'} on this computer · stored locally, never uploaded`}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => void startImport()}>
            <Upload size={16} aria-hidden /> Import backup
          </button>
          <button type="button" className="btn" onClick={() => void exportLibraryBackup()} disabled={!workshops?.length}>
            <Download size={16} aria-hidden /> Back up library
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setNewOpen(true)}>
            <Plus size={16} aria-hidden /> New workshop
          </button>
        </div>
      </header>

      {workshops && workshops.length > 0 ? (
        <div className="search">
          <Search size={16} aria-hidden className="search-icon" />
          <input
            type="search"
            className="field-input search-input"
            aria-label="Search workshops"
            placeholder="Search by client, title, template or date"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      ) : null}

      {workshops === undefined ? null : workshops.length === 0 ? (
        <EmptyState large titleId="empty-title" icon={<FolderOpen size={36} />} title="Prepare your first workshop">
          <p>
            Pick a template (a readiness kick-off, personas and segments, journey mapping, a lifecycle roadmap or a full
            day) and Centric lays out the agenda, the timings and what to ask the room. Everything stays on this computer.
          </p>
          <div className="toolbar toolbar-center">
            <button type="button" className="btn btn-primary btn-large" onClick={() => setNewOpen(true)}>
              <Plus size={18} aria-hidden /> New workshop
            </button>
            <button type="button" className="btn btn-large" onClick={() => void startImport()}>
              <Upload size={18} aria-hidden /> Import a backup
            </button>
          </div>
        </EmptyState>
      ) : (
        <table className="table library-table" aria-label="Workshops">
          <thead>
            <tr>
              <th scope="col">Workshop</th>
              <th scope="col">Client</th>
              <th scope="col">Date</th>
              <th scope="col">Template</th>
              <th scope="col">Last edit</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((w) => (
              <tr key={w.id}>
                <td>
                  <a className="row-title" href={`#/w/${encodeURIComponent(w.id)}`}>
                    {w.title}
                  </a>
                </td>
                <td>{w.client || <span className="muted">—</span>}</td>
                <td className="nowrap">{formatLocalDate(w.date)}</td>
                <td>
                  <span className="badge">{w.templateName}</span>
                </td>
                <td className="nowrap" title={formatDateTime(w.updatedAt)}>
                  {formatRelative(w.updatedAt)}
                </td>
                <td className="row-actions">
                  <button type="button" className="icon-button" aria-label={`Rename ${w.title}`} title="Rename" onClick={() => setRenaming(w)}>
                    <Pencil size={16} aria-hidden />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Duplicate ${w.title}`}
                    title="Duplicate"
                    onClick={() => void duplicateWorkshop(w.id)}
                  >
                    <Copy size={16} aria-hidden />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Back up ${w.title}`}
                    title="Back up to a file"
                    onClick={() => void exportWorkshopBackup(w.id)}
                  >
                    <Download size={16} aria-hidden />
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button-danger"
                    aria-label={`Delete ${w.title}`}
                    title="Delete (can be undone)"
                    onClick={() => void deleteWorkshop(w.id, w.title)}
                  >
                    <Trash2 size={16} aria-hidden />
                  </button>
                </td>
              </tr>
            ))}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted table-empty">
                  No workshop matches “{query}”.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      )}

      <NewWorkshopDialog open={newOpen} onClose={() => setNewOpen(false)} />
      <RenameDialog
        open={renaming !== null}
        current={renaming?.title ?? ''}
        onClose={() => setRenaming(null)}
        onRename={(t) => renameWorkshop(renaming!.id, t)}
      />
      <ImportDialog
        plan={plan}
        onClose={() => setPlan(null)}
        onImport={(mode) => {
          if (plan?.ok) void commitImport(plan.backup, mode).then(() => setPlan(null));
        }}
      />
    </main>
  );
}

/** Opens a workshop (used by keyboard shortcuts and tests). */
export function openWorkshop(id: string): void {
  navigate({ name: 'workshop', workshopId: id });
}
