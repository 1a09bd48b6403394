// Settings: the facilitator's details and defaults, where data lives, templates, backups
// and automatic snapshots.
import { useCallback, useEffect, useState } from 'react';
import { Camera, Download, FileDown, FileUp, History, Trash2, Upload } from 'lucide-react';
import { useSettings } from '../../db/queries';
import { limits } from '../../domain/workshop';
import { isClockFormat } from '../../domain/clock';
import { formatMinutes } from '../../domain/workshop';
import { templateTotalMinutes } from '../../domain/template';
import { CommitField } from '../../ui/commit-field';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatDateTimeSeconds } from '../../ui/format';
import { getHost, type SnapshotInfo } from '../../host/host';
import { useTemplateCatalogue } from '../../state/templates';
import { useHistory } from '../../state/history';
import { commitImport, exportLibraryBackup, pickBackupToImport, restoreSnapshot, type ImportPlan } from '../shared/backup';
import { ImportDialog } from '../shared/import-dialog';
import { deleteMyTemplate, exportTemplate, importTemplateFile, restoreButtonNames, setSetting, snapshotNow } from './settings-actions';
import { usePersistence } from '../../state/persistence';
import { BrandCard } from './brand-card';

export function SettingsScreen() {
  const settings = useSettings();
  const { templates, errors } = useTemplateCatalogue();
  const persisted = usePersistence();
  const [templateError, setTemplateError] = useState<string | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const host = getHost();

  if (!settings) return <main className="page" aria-busy="true" />;
  return (
    <main className="page page-narrow" aria-labelledby="settings-title">
      <header className="page-header page-header-stacked">
        <h1 id="settings-title">Settings</h1>
      </header>

      <section className="card" aria-labelledby="you-title">
        <h2 id="you-title" className="card-title">
          You and your defaults
        </h2>
        <div className="form-grid">
          <CommitField
            label="Facilitator name"
            value={settings.facilitatorName}
            maxLength={limits.settingText}
            hint="Shown on the decks you export."
            onCommit={(v) => setSetting('facilitatorName', v, 'Edit facilitator name')}
          />
          <CommitField
            label="Organisation"
            value={settings.organisation}
            maxLength={limits.settingText}
            onCommit={(v) => setSetting('organisation', v, 'Edit organisation')}
          />
          <CommitField
            label="Default location"
            value={settings.defaultLocation}
            maxLength={limits.location}
            onCommit={(v) => setSetting('defaultLocation', v, 'Edit default location')}
          />
          <div className="field">
            <label className="field-label" htmlFor="default-template">
              Default template
            </label>
            <select
              id="default-template"
              className="field-input"
              value={settings.defaultTemplateId}
              onChange={(e) => void setSetting('defaultTemplateId', e.target.value, 'Change default template')}
            >
              {templates.map(({ template: t }) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="clock-format">
              Clock times
            </label>
            <select
              id="clock-format"
              className="field-input"
              value={settings.clockFormat}
              onChange={(e) => {
                if (isClockFormat(e.target.value)) void setSetting('clockFormat', e.target.value, 'Change clock format');
              }}
            >
              <option value="24h">24-hour (14:30)</option>
              <option value="12h">12-hour (2:30 PM)</option>
            </select>
          </div>
        </div>
      </section>

      <BrandCard settings={settings} />

      <section className="card" aria-labelledby="storage-title">
        <h2 id="storage-title" className="card-title">
          Your data
        </h2>
        <p>
          {host.kind === 'electron'
            ? 'Workshops are stored on this computer, in Centric’s user-data folder. Nothing is uploaded.'
            : 'Workshops are stored in this browser profile on this computer (IndexedDB). Nothing is uploaded.'}{' '}
          {persisted === true
            ? 'Storage is persistent: the browser will not clear it to free space.'
            : persisted === false
              ? 'The browser has not granted persistent storage, so it could clear data when the disk is nearly full: back up regularly.'
              : ''}
        </p>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => void exportLibraryBackup()}>
            <Download size={16} aria-hidden /> Back up library
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => void pickBackupToImport().then((p) => p && setPlan(p))}
          >
            <Upload size={16} aria-hidden /> Import backup
          </button>
        </div>
      </section>

      <SnapshotsCard />

      <section className="card" aria-labelledby="templates-title">
        <h2 id="templates-title" className="card-title">
          Templates
        </h2>
        {errors.length > 0 ? (
          <div className="callout callout-warning" role="alert">
            <p>Some template files could not be loaded:</p>
            <ul>
              {errors.map((e) => (
                <li key={e.source}>
                  <code>{e.source}</code>: {e.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <table className="table" aria-label="Templates">
          <thead>
            <tr>
              <th scope="col">Template</th>
              <th scope="col">Length</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {templates.map(({ template: t, source }) => (
              <tr key={t.id}>
                <td>
                  <strong>{t.name}</strong>
                  <div className="muted small">{t.summary}</div>
                </td>
                <td className="nowrap">
                  {formatMinutes(templateTotalMinutes(t))} · {t.steps.length} steps
                </td>
                <td>{source === 'shipped' ? 'Built in' : 'Mine'}</td>
                <td className="row-actions">
                  <button type="button" className="icon-button" aria-label={`Export template ${t.name}`} title="Export to a file" onClick={() => void exportTemplate(t)}>
                    <FileDown size={16} aria-hidden />
                  </button>
                  {source === 'mine' ? (
                    <button
                      type="button"
                      className="icon-button icon-button-danger"
                      aria-label={`Delete template ${t.name}`}
                      title="Delete"
                      onClick={() => void deleteMyTemplate(t.id, t.name)}
                    >
                      <Trash2 size={16} aria-hidden />
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => void importTemplateFile().then(setTemplateError)}>
            <FileUp size={16} aria-hidden /> Import template file
          </button>
        </div>
        {templateError ? (
          <p className="field-error" role="alert">
            {templateError}
          </p>
        ) : null}
      </section>

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

function SnapshotsCard() {
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [confirm, setConfirm] = useState<SnapshotInfo | null>(null);
  const revision = useHistory((s) => s.revision);
  const refresh = useCallback(() => {
    getHost()
      .listSnapshots()
      .then(setSnapshots, () => setSnapshots([]));
  }, []);
  useEffect(refresh, [refresh, revision]);
  const names = snapshots ? restoreButtonNames(snapshots) : [];
  return (
    <section className="card" aria-labelledby="snapshots-title">
      <h2 id="snapshots-title" className="card-title">
        <History size={18} aria-hidden /> Automatic snapshots
      </h2>
      <p className="muted">
        Centric snapshots the whole library every 10 minutes while you work, and before every import or upgrade. The last 20
        are kept.
      </p>
      {snapshots && snapshots.length > 0 ? (
        <table className="table" aria-label="Snapshots">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {snapshots.map((s, i) => (
              <tr key={s.id}>
                <td className="nowrap">{formatDateTimeSeconds(s.createdAt)}</td>
                <td>{s.reason}</td>
                <td className="nowrap">{formatSize(s.size)}</td>
                <td className="row-actions">
                  <button type="button" className="btn btn-small" onClick={() => setConfirm(s)} aria-label={names[i]}>
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{snapshots === null ? 'Loading…' : 'No snapshots yet.'}</p>
      )}
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => void snapshotNow().then(refresh)}>
          <Camera size={16} aria-hidden /> Take a snapshot now
        </button>
      </div>
      <ConfirmDialog
        title="Restore this snapshot?"
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        confirmLabel="Restore"
        danger
        onConfirm={() => {
          if (confirm) void restoreSnapshot(confirm.id).then(refresh);
        }}
      >
        <p>
          The whole library goes back to how it was on {confirm ? formatDateTimeSeconds(confirm.createdAt) : ''}. Your current library is
          snapshotted first, and the restore can be undone with Ctrl+Z.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
