// Settings › Your brand: the colours, typeface and logo exported decks, the A3 roadmap and slide
// images use. The logo is read from a file picked here, checked by its bytes (PNG or JPEG, at
// most 1 MB) and stored in the settings on this computer only.
import { useState } from 'react';
import { ImageUp, Trash2 } from 'lucide-react';
import { brandTypefaceIds, brandTypefaces, checkLogo, colourProblem, isBrandTypeface } from '../../domain/brand';
import type { Settings } from '../../domain/settings';
import { colors } from '../../ui/tokens';
import { setSetting } from './settings-actions';

function ColourField({ id, label, value, fallback, onCommit }: { id: string; label: string; value: string; fallback: string; onCommit: (v: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const commit = (v: string) => {
    const t = v.trim().toLowerCase();
    const problem = colourProblem(t, label);
    setError(problem);
    if (!problem && t !== value) onCommit(t);
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="brand-colour-row">
        <input
          type="color"
          className="brand-swatch"
          aria-label={`${label} picker`}
          value={/^#[0-9a-f]{6}$/i.test(draft) ? draft : fallback}
          onChange={(e) => {
            setDraft(e.target.value);
            commit(e.target.value);
          }}
        />
        <input
          id={id}
          className="field-input"
          value={draft}
          placeholder={`${fallback} (the app’s)`}
          maxLength={7}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(e.currentTarget.value);
          }}
        />
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

async function readFile(f: File): Promise<Uint8Array> {
  return new Uint8Array(await f.arrayBuffer());
}

function toDataUrl(mime: string, bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${mime};base64,${btoa(bin)}`;
}

export function BrandCard({ settings }: { settings: Settings }) {
  const [logoError, setLogoError] = useState<string | null>(null);
  const typeface = isBrandTypeface(settings.brandTypeface) ? settings.brandTypeface : 'noto-sans';
  return (
    <section className="card" aria-labelledby="brand-title">
      <h2 id="brand-title" className="card-title">
        Your brand
      </h2>
      <p className="muted">Exported decks, the A3 roadmap and slide images use these. Leave a colour empty for the app’s own.</p>
      <div className="form-grid">
        <ColourField id="brand-primary" label="Main colour" value={settings.brandPrimary} fallback={colors.primary} onCommit={(v) => void setSetting('brandPrimary', v, 'Change brand main colour')} />
        <ColourField id="brand-accent" label="Second colour" value={settings.brandAccent} fallback={colors.accent} onCommit={(v) => void setSetting('brandAccent', v, 'Change brand second colour')} />
        <div className="field">
          <label className="field-label" htmlFor="brand-typeface">
            Typeface
          </label>
          <select id="brand-typeface" className="field-input" value={typeface} onChange={(e) => void setSetting('brandTypeface', e.target.value, 'Change brand typeface')}>
            {brandTypefaceIds.map((t) => (
              <option key={t} value={t}>
                {brandTypefaces[t].label}
              </option>
            ))}
          </select>
          <p className="field-hint">{brandTypefaces[typeface].note}</p>
        </div>
        <div className="field">
          <span className="field-label" id="brand-logo-label">
            Logo
          </span>
          {settings.brandLogo ? <img className="brand-logo-preview" src={settings.brandLogo} alt="Your logo as it will appear on exports" /> : <p className="muted small">No logo yet.</p>}
          <div className="toolbar">
            <label className="btn">
              <ImageUp size={16} aria-hidden /> Choose logo file
              <input
                type="file"
                className="visually-hidden"
                accept="image/png,image/jpeg"
                aria-describedby="brand-logo-label"
                onChange={(e) => {
                  const input = e.currentTarget;
                  const f = input.files?.[0];
                  if (!f) return;
                  void readFile(f).then((bytes) => {
                    input.value = '';
                    const res = checkLogo(f.name, bytes);
                    if (!res.ok) return setLogoError(res.error);
                    setLogoError(null);
                    void setSetting('brandLogo', toDataUrl(res.info.mime, bytes), 'Set brand logo');
                  });
                }}
              />
            </label>
            {settings.brandLogo ? (
              <button type="button" className="btn" onClick={() => void setSetting('brandLogo', '', 'Remove brand logo')}>
                <Trash2 size={16} aria-hidden /> Remove logo
              </button>
            ) : null}
          </div>
          <p className="field-hint">PNG (best, keeps a transparent background) or JPEG, at most 1 MB. Stored on this computer only.</p>
          {logoError ? (
            <p className="field-error" role="alert">
              {logoError}
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
