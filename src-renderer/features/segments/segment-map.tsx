// One segment's value & needs map: its details and value, the agreed (or suggested) priority,
// the personas that represent it, the needs facing our offer, and the fit between them.
import { useEffect, useRef, useState } from 'react';
import { Plus, Trash2, UserRound } from 'lucide-react';
import {
  addNeed,
  addOffer,
  fit as fitOf,
  needKindLabels,
  needKinds,
  needKindSingular,
  numberFieldLabels,
  offerKindLabels,
  offerKinds,
  offerKindSingular,
  priorities,
  portfolioStrategies,
  priorityLabels,
  strategyLabels,
  removeNeed,
  removeOffer,
  segmentLimits,
  setOfferLink,
  suggestPriority,
  updateNeed,
  updateOffer,
  type Need,
  type NeedKind,
  type NumberField as NumberFieldName,
  type OfferKind,
  type Priority,
  type Segment,
} from '../../domain/segment';
import type { Persona } from '../../domain/persona';
import { newId } from '../../domain/ids';
import { CommitField } from '../../ui/commit-field';
import { routeHref } from '../../state/router';
import { flushPendingEdits } from '../../state/history';
import { editSegment } from './segment-actions';
import { NumberField } from './number-field';
import { NeedItem, OfferItem } from './value-map-items';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const numberLabels: Record<NumberFieldName, string> = {
  size: 'Change size',
  currentValue: 'Change current value',
  potentialValue: 'Change potential value',
};

export interface SegmentMapProps {
  readonly workshopId: string;
  readonly segment: Segment;
  readonly all: readonly Segment[];
  readonly personas: readonly Persona[];
  readonly onDelete: () => void;
}

export function SegmentMap({ workshopId, segment: s, all, personas, onDelete }: SegmentMapProps) {
  const focusNext = useRef<string | null>(null);
  const edit = (label: string, change: (s: Segment) => Segment, mergeKey?: string) =>
    editSegment(workshopId, s.id, change, { label, mergeKey });

  // After adding an item, put the cursor in its text box once it is on screen.
  useEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    const el = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"] .vm-text .field-input`);
    if (el) {
      el.focus();
      focusNext.current = null;
    }
  }, [s]);

  const add = (group: { need: NeedKind } | { offer: OfferKind }, afterId?: string) => {
    flushPendingEdits();
    const id = newId();
    focusNext.current = id;
    if ('need' in group) {
      if (s.needs.length >= segmentLimits.needsPerSegment) return;
      void edit(`Add ${needKindSingular[group.need]}`, (x) => addNeed(x, group.need, { id, afterId }));
    } else {
      if (s.offers.length >= segmentLimits.offersPerSegment) return;
      void edit(`Add ${offerKindSingular[group.offer]}`, (x) => addOffer(x, group.offer, { id, afterId }));
    }
  };

  const f = fitOf(s);
  const answered = new Set(f.answered.map((n) => n.id));
  const needName = (n: Need) => {
    const i = s.needs.filter((x) => x.kind === n.kind).findIndex((x) => x.id === n.id);
    return `${capital(needKindSingular[n.kind])} ${i + 1}`;
  };
  const linkedPersonas = personas.filter((p) => p.segmentId === s.id);

  return (
    <article className="seg-map" aria-labelledby="seg-map-title">
      <section className="card seg-details" aria-label="Segment details">
        <div className="seg-details-head">
          <span className="seg-swatch seg-swatch-large" style={{ background: s.color }} aria-hidden />
          <h2 id="seg-map-title" className="visually-hidden">
            {s.name || 'Untitled segment'}
          </h2>
          <CommitField
            label="Segment name"
            hideLabel
            className="seg-name"
            value={s.name}
            maxLength={segmentLimits.name}
            requiredMessage="Give the segment a name."
            placeholder="Segment name"
            onCommit={(v) => edit('Rename segment', (x) => ({ ...x, name: v }), `seg:${s.id}:name`)}
          />
          <button type="button" className="btn seg-delete" onClick={onDelete} aria-label={`Delete segment ${s.name}`}>
            <Trash2 size={16} aria-hidden /> Delete
          </button>
        </div>
        <CommitField
          label="Description"
          multiline
          rows={2}
          value={s.description}
          maxLength={segmentLimits.description}
          placeholder="Who they are, in one or two sentences."
          onCommit={(v) => edit('Edit description', (x) => ({ ...x, description: v }), `seg:${s.id}:description`)}
        />
        <div className="seg-numbers">
          {(['size', 'currentValue', 'potentialValue'] as const).map((field) => (
            <NumberField
              key={field}
              label={numberFieldLabels[field]}
              unit={field === 'size' ? 'customers' : 'per year'}
              value={s[field]}
              onCommit={(v) => edit(numberLabels[field], (x) => ({ ...x, [field]: v }), `seg:${s.id}:${field}`)}
            />
          ))}
        </div>
        <div className="seg-details-foot">
          <div className="seg-decisions">
            <PriorityControl segment={s} all={all} onChange={(p) => void edit('Set priority', (x) => ({ ...x, priority: p }))} />
            <label className="seg-strategy">
              <span className="field-label">Portfolio strategy</span>
              <select
                className="field-input"
                value={s.strategy ?? ''}
                onChange={(e) => {
                  const v = e.target.value;
                  const strategy = portfolioStrategies.find((x) => x === v) ?? null;
                  void edit(strategy ? `Strategy: ${strategyLabels[strategy].toLocaleLowerCase()}` : 'Clear strategy', (x) => ({ ...x, strategy }));
                }}
              >
                <option value="">Not decided</option>
                {portfolioStrategies.map((x) => <option key={x} value={x}>{strategyLabels[x]}</option>)}
              </select>
            </label>
          </div>
          <div className="seg-personas">
            <h3 className="field-label" id="seg-personas-title">
              Represented by
            </h3>
            {linkedPersonas.length > 0 ? (
              <ul className="seg-persona-chips" aria-labelledby="seg-personas-title">
                {linkedPersonas.map((p) => (
                  <li key={p.id}>
                    <a className="chip seg-persona-chip" href={routeHref({ name: 'artifact', workshopId, kind: 'persona', itemId: p.id })}>
                      <UserRound size={14} aria-hidden /> {p.name.trim() || 'Untitled persona'}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted small">No persona yet. Choose this segment on a persona to link it.</p>
            )}
          </div>
        </div>
      </section>

      <section className="value-map" aria-label="Value map">
        <div className="vm-panel vm-panel-needs" role="region" aria-labelledby="vm-needs-title">
          <header className="vm-panel-head">
            <h2 id="vm-needs-title">Needs</h2>
            <p className="muted small">What the customer is trying to get done, what gets in the way, what would delight them.</p>
          </header>
          {needKinds.map((k) => {
            const list = s.needs.filter((n) => n.kind === k);
            return (
              <div key={k} className={`vm-group vm-group-${k}`}>
                <h3 className="vm-group-title">
                  {needKindLabels[k]} <span className="vm-count">{list.length}</span>
                </h3>
                {list.length > 0 ? (
                  <ul className="vm-list">
                    {list.map((n) => {
                      const name = needName(n);
                      return (
                        <NeedItem
                          key={n.id}
                          need={n}
                          name={name}
                          answered={answered.has(n.id)}
                          onText={(v) => edit('Edit need', (x) => updateNeed(x, n.id, { text: v }), `need:${n.id}`)}
                          onImportance={(v) => void edit('Change importance', (x) => updateNeed(x, n.id, { importance: v }))}
                          onRemove={() => void edit(`Remove ${needKindSingular[k]}`, (x) => removeNeed(x, n.id))}
                          onAddNext={() => add({ need: k }, n.id)}
                        />
                      );
                    })}
                  </ul>
                ) : null}
                <button type="button" className="btn btn-small vm-add" onClick={() => add({ need: k })}>
                  <Plus size={14} aria-hidden /> Add {needKindSingular[k]}
                </button>
              </div>
            );
          })}
        </div>
        <div className="vm-panel vm-panel-offer" role="region" aria-labelledby="vm-offer-title">
          <header className="vm-panel-head">
            <h2 id="vm-offer-title">Our offer</h2>
            <p className="muted small">What we offer against those needs, and which need each item answers.</p>
          </header>
          {offerKinds.map((k) => {
            const list = s.offers.filter((o) => o.kind === k);
            return (
              <div key={k} className={`vm-group vm-group-${k}`}>
                <h3 className="vm-group-title">
                  {offerKindLabels[k]} <span className="vm-count">{list.length}</span>
                </h3>
                {list.length > 0 ? (
                  <ul className="vm-list">
                    {list.map((o, i) => (
                      <OfferItem
                        key={o.id}
                        offer={o}
                        name={`${capital(offerKindSingular[k])} ${i + 1}`}
                        needs={s.needs}
                        needName={needName}
                        onText={(v) => edit('Edit offer', (x) => updateOffer(x, o.id, { text: v }), `offer:${o.id}`)}
                        onLink={(needId, on) =>
                          void edit(on ? 'Link offer to need' : 'Unlink offer from need', (x) => setOfferLink(x, o.id, needId, on))
                        }
                        onRemove={() => void edit(`Remove ${offerKindSingular[k]}`, (x) => removeOffer(x, o.id))}
                        onAddNext={() => add({ offer: k }, o.id)}
                      />
                    ))}
                  </ul>
                ) : null}
                <button type="button" className="btn btn-small vm-add" onClick={() => add({ offer: k })}>
                  <Plus size={14} aria-hidden /> Add {offerKindSingular[k]}
                </button>
              </div>
            );
          })}
        </div>
      </section>

      <FitPanel segment={s} needName={needName} />
    </article>
  );
}

function PriorityControl({ segment: s, all, onChange }: { segment: Segment; all: readonly Segment[]; onChange: (p: Priority | null) => void }) {
  const suggestion = suggestPriority(s, all);
  const options: { value: Priority | null; label: string }[] = [
    ...priorities.map((p) => ({ value: p, label: priorityLabels[p] })),
    { value: null, label: 'Not decided' },
  ];
  const [showWhy, setShowWhy] = useState(false);
  // The choice shows at once; the stored priority catches up a moment later and then wins again.
  const [pending, setPending] = useState<Priority | null | undefined>(undefined);
  useEffect(() => setPending(undefined), [s.priority]);
  const chosen = pending !== undefined ? pending : s.priority;
  return (
    <div className="seg-priority">
      <fieldset className="segmented">
        <legend className="field-label">Agreed priority</legend>
        {options.map((o) => (
          <label key={o.label} className={`segmented-option${chosen === o.value ? ' segmented-option-on' : ''}`}>
            <input
              type="radio"
              name={`priority-${s.id}`}
              checked={chosen === o.value}
              onChange={() => {
                setPending(o.value);
                onChange(o.value);
              }}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </fieldset>
      {s.priority === null ? (
        <div className="seg-suggestion" aria-live="polite">
          <p className="seg-suggestion-head">
            Suggested: <span className={`prio prio-${suggestion.priority}`}>{priorityLabels[suggestion.priority]}</span>
          </p>
          <ul className="seg-reasons">
            {suggestion.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="seg-suggestion seg-suggestion-quiet">
          <p className="seg-suggestion-head">
            {s.priority === suggestion.priority
              ? 'Matches the suggestion.'
              : `The suggestion was ${priorityLabels[suggestion.priority].toLowerCase()}.`}{' '}
            <button type="button" className="link-button" aria-expanded={showWhy} onClick={() => setShowWhy((v) => !v)}>
              {showWhy ? 'Hide why' : 'Why?'}
            </button>
          </p>
          {showWhy ? (
            <ul className="seg-reasons">
              {suggestion.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </div>
  );
}

function FitPanel({ segment: s, needName }: { segment: Segment; needName: (n: Need) => string }) {
  const f = fitOf(s);
  const percent = Math.round(f.score * 100);
  const label = (text: string, fallback: string) => text.trim() || fallback;
  return (
    <section className="card fit" aria-labelledby="fit-title">
      <div className="fit-score">
        <h2 id="fit-title">Fit</h2>
        <p className="fit-number" aria-live="polite">
          <span className="visually-hidden">Fit score </span>
          {s.needs.length > 0 ? `${percent} %` : '–'}
        </p>
        <div
          className="fit-bar"
          role="meter"
          aria-label="Fit"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent} % of need importance answered`}
        >
          <span className={`fit-bar-fill${percent >= 70 ? ' fit-good' : percent >= 40 ? ' fit-mid' : ' fit-low'}`} style={{ width: `${percent}%` }} />
        </div>
        <p className="muted small">
          {s.needs.length > 0 ? 'Share of need importance our offer answers.' : 'Add needs to see how well the offer fits.'}
        </p>
      </div>
      <div className="fit-col">
        <h3 className="fit-col-title fit-title-open">Unanswered needs ({f.unanswered.length})</h3>
        {f.unanswered.length > 0 ? (
          <ul className="fit-list">
            {f.unanswered.map((n) => (
              <li key={n.id} className={`fit-item ${n.importance >= 4 ? 'fit-item-critical' : 'fit-item-open'}`}>
                <span className="fit-kind">{needKindSingular[n.kind]}</span> {label(n.text, needName(n))}
                <span className="fit-imp" aria-label={`importance ${n.importance}`}>
                  {n.importance}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{s.needs.length > 0 ? 'Every need is answered.' : 'None yet.'}</p>
        )}
      </div>
      <div className="fit-col">
        <h3 className="fit-col-title fit-title-answered">Answered needs ({f.answered.length})</h3>
        {f.answered.length > 0 ? (
          <ul className="fit-list">
            {f.answered.map((n) => (
              <li key={n.id} className="fit-item fit-item-answered">
                <span className="fit-kind">{needKindSingular[n.kind]}</span> {label(n.text, needName(n))}
                <span className="fit-imp" aria-label={`importance ${n.importance}`}>
                  {n.importance}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">Link an offer to a need with “Answers…”.</p>
        )}
      </div>
      <div className="fit-col fit-col-idle">
        <h3 className="fit-col-title fit-title-idle">Offers with no need linked ({f.offersWithoutNeed.length})</h3>
        {f.offersWithoutNeed.length > 0 ? (
          <ul className="fit-list fit-list-inline">
            {f.offersWithoutNeed.map((o) => (
              <li key={o.id} className="fit-item fit-item-idle">
                {label(o.text, capital(offerKindSingular[o.kind]))} <span className="fit-nolink">no need linked</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{s.offers.length > 0 ? 'Every offer answers a need.' : 'None yet.'}</p>
        )}
      </div>
    </section>
  );
}
