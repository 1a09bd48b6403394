// One assessment run: the questions with their answers (the room as a group, or each
// participant with the spread shown), targets, results, commitments and, for the audit, the
// five-employees test, the value-steps checklist (contrasts), where each ticked warning sign holds
// and the readiness verdict. Every answer is stored at once and undoable.
import { useId, useState, type FormEvent } from 'react';
import { AlertTriangle, Monitor, Plus, Trash2, Users, UsersRound } from 'lucide-react';
import {
  tickRefusal,
  answerLabel, answerOptions, answerScore, dimensionScores, employeesTestStatus, EMPLOYEES_NEEDED, judgementCriteria,
  assessmentLimits, peopleScores, percentToScale, previousRun, questionScore, scaleToPercent, scopeLabels, spread,
  type AnswerType, type AnswerValue, type AssessmentQuestion, type AssessmentRun, type AssessmentSetDef, type QuestionAnswer,
  type SignScope,
} from '../../domain/assessment';
import { newId } from '../../domain/ids';
import type { Participant, PresenterFocus } from '../../domain/run';
import { CommitField } from '../../ui/commit-field';
import { deleteRun, editRun, startAssessmentRun } from './assessment-data';
import { ChecklistResults, GapList, hasRadar, ResultsRadar, runDate, ScoreBars, SignReachSummary, VerdictPanel } from '../../ui/assessment-results';
import { SpreadView } from '../../ui/assessment-spread';
import { PhoneScoringPanel } from '../shared/phone-scoring-panel';

interface Props {
  readonly workshopId: string;
  readonly set: AssessmentSetDef;
  readonly run: AssessmentRun;
  readonly runs: readonly AssessmentRun[];
  readonly participants: readonly Participant[];
  /**
   * Given inside run mode (which owns the projector): offers "Show on projector" for the results
   * and per question. Passed in so this editor never imports run mode.
   */
  readonly onPresent?: (focus: PresenterFocus) => void;
}

export function AssessmentRunEditor({ workshopId, set, run, runs, participants, onPresent }: Props) {
  const presenting = onPresent !== undefined;
  const previous = previousRun(runs, run);
  const number = runs.filter((r) => r.set === set.id).findIndex((r) => r.id === run.id) + 1;
  const setAnswer = (q: AssessmentQuestion, change: (a: QuestionAnswer) => QuestionAnswer, label: string) =>
    editRun(workshopId, run.id, label, (r) => ({ ...r, answers: { ...r.answers, [q.id]: change(r.answers[q.id] ?? {}) } }));

  return (
    <div className="assessment">
      <header className="assessment-header">
        <div>
          <p className="eyebrow">
            Assessment · run {number} · {runDate(run)}
          </p>
          <h2 className="assessment-title">{set.name}</h2>
          <p className="muted assessment-summary">{set.summary}</p>
        </div>
        <div className="assessment-header-actions">
          <div className="segmented" role="group" aria-label="Who scores">
            <button type="button" className={`segmented-option${run.mode === 'group' ? ' segmented-option-on' : ''}`} aria-pressed={run.mode === 'group'} onClick={() => void editRun(workshopId, run.id, 'Score as a group', (r) => ({ ...r, mode: 'group' }))}>
              <UsersRound size={14} aria-hidden /> Room as a group
            </button>
            <button type="button" className={`segmented-option${run.mode === 'individual' ? ' segmented-option-on' : ''}`} aria-pressed={run.mode === 'individual'} onClick={() => void editRun(workshopId, run.id, 'Score per participant', (r) => ({ ...r, mode: 'individual' }))}>
              <Users size={14} aria-hidden /> Each participant
            </button>
          </div>
          {presenting ? (
            <button type="button" className="btn btn-small" onClick={() => onPresent?.({ type: 'assessment', id: run.id })}>
              <Monitor size={14} aria-hidden /> Show results on projector
            </button>
          ) : null}
          <button type="button" className="btn btn-small" onClick={() => void startAssessmentRun(workshopId, set.id, !presenting)}>
            <Plus size={14} aria-hidden /> New run
          </button>
          <button type="button" className="icon-button icon-button-danger" aria-label={`Delete run ${number} of ${set.name}`} onClick={() => void deleteRun(workshopId, run)}>
            <Trash2 size={16} aria-hidden />
          </button>
        </div>
      </header>

      {set.rule ? (
        <div className="honesty-rule" role="note" aria-label="Scoring rule">
          <AlertTriangle size={22} aria-hidden />
          <p>{set.rule}</p>
        </div>
      ) : null}

      {set.answerType === 'scale-5' && set.scaleLabels ? (
        <p className="scale-legend">
          <strong>1</strong> {set.scaleLabels[0]} <span aria-hidden>→</span> <strong>5</strong> {set.scaleLabels[1]}
        </p>
      ) : null}

      <PhoneScoringPanel workshopId={workshopId} runId={run.id} set={set} />

      {run.mode === 'individual' && participants.length === 0 ? (
        <p className="callout callout-warning">Add participants in run mode (Participants) to score per person; until then, score as a group.</p>
      ) : null}

      <div className="assessment-questions">
        {(set.areas ?? [{ id: '', label: '' }]).map((area) => (
          <section key={area.id || 'all'} className="question-group" aria-label={area.label || 'Questions'}>
            {area.label ? <h3 className="question-area">{area.label}</h3> : null}
            <ol className="question-list">
              {set.questions
                .filter((q) => !area.id || q.area === area.id)
                .map((q) => (
                  <QuestionRow
                    key={q.id}
                    set={set}
                    q={q}
                    index={set.questions.indexOf(q)}
                    answer={run.answers[q.id]}
                    mode={run.mode}
                    participants={participants}
                    onAnswer={(change, label) => void setAnswer(q, change, label)}
                    onShow={onPresent ? () => onPresent({ type: 'assessment', id: run.id, questionId: q.id }) : undefined}
                    workshopId={workshopId}
                    runId={run.id}
                  />
                ))}
            </ol>
          </section>
        ))}
      </div>

      {set.checklist ? <ChecklistSection workshopId={workshopId} set={set} run={run} /> : null}

      {set.employeesTest ? <EmployeesTest workshopId={workshopId} run={run} participants={participants} /> : null}

      <section className="assessment-results" aria-labelledby={`results-${run.id}`}>
        <h3 id={`results-${run.id}`} className="results-title">
          Results {previous ? <span className="muted small">compared with run {number - 1} ({runDate(previous)})</span> : null}
        </h3>
        <VerdictPanel set={set} run={run} />
        <div className="results-grid">
          <div>
            <ScoreBars set={set} run={run} previous={previous} />
            <SignReachSummary set={set} run={run} />
            <Targets workshopId={workshopId} set={set} run={run} />
          </div>
          {hasRadar(set) ? (
            <div className="results-radar">
              <ResultsRadar set={set} run={run} previous={previous} />
            </div>
          ) : null}
        </div>
        <div className="results-grid">
          <div>
            <h4 className="results-subtitle">Largest gaps</h4>
            <GapList set={set} run={run} />
          </div>
          <Commitments workshopId={workshopId} run={run} />
        </div>
        {set.checklist ? <ChecklistResults set={set} run={run} /> : null}
        {set.closing ? <p className="callout assessment-closing">{set.closing}</p> : null}
      </section>
    </div>
  );
}

function QuestionRow({ set, q, index, answer, mode, participants, onAnswer, onShow, workshopId, runId }: {
  set: AssessmentSetDef; q: AssessmentQuestion; index: number; answer: QuestionAnswer | undefined; mode: AssessmentRun['mode'];
  participants: readonly Participant[]; onAnswer: (change: (a: QuestionAnswer) => QuestionAnswer, label: string) => void; onShow?: () => void;
  workshopId: string; runId: string;
}) {
  const type = set.answerType;
  const scores = peopleScores(type, answer, participants.map((p) => p.id));
  const sp = spread(scores);
  const [refusal, setRefusal] = useState<string | null>(null);
  const refusalId = useId();
  return (
    <li className="question">
      <div className="question-head">
        <span className="question-number" aria-hidden>{index + 1}</span>
        <div className="question-text">
          <p className="question-short">{q.short}</p>
          <p className="question-full">{q.text}</p>
          {q.hint ? <p className="muted small">{q.hint}</p> : null}
        </div>
        {onShow ? (
          <button type="button" className="icon-button" aria-label={`Show “${q.short}” on the projector`} title="Show on the projector" onClick={onShow}>
            <Monitor size={16} aria-hidden />
          </button>
        ) : null}
      </div>
      <div className="question-answer">
        <AnswerButtons
          label={mode === 'individual' ? `Agreed answer: ${q.short}` : q.short}
          type={type}
          value={answer?.group}
          onChange={(v) => {
            const why = tickRefusal(set, v, answer?.note);
            setRefusal(why);
            if (!why) onAnswer((a) => ({ ...a, group: v }), v === undefined ? 'Clear answer' : `Answer “${q.short}”`);
          }}
          describedBy={refusal ? refusalId : undefined}
        />
        {refusal ? (
          <p id={refusalId} className="field-error" role="alert">
            {refusal}
          </p>
        ) : null}
        {set.scopeMarking && (questionScore(type, mode, answer) ?? 1) < 1 ? (
          <ScopeButtons label={`Where “${q.short}” holds`} value={answer?.scope} onChange={(v) => onAnswer((a) => ({ ...a, scope: v }), v ? `Mark “${q.short}” ${scopeLabels[v].toLocaleLowerCase()}` : 'Clear where the sign holds')} />
        ) : null}
        {mode === 'individual' && participants.length > 0 ? (
          <div className="people-answers">
            {participants.map((p) => (
              <label key={p.id} className="person-answer">
                <span className="person-answer-name">{p.name}</span>
                <select
                  className="field-input person-answer-select"
                  aria-label={`${p.name}: ${q.short}`}
                  value={answer?.people?.[p.id] === undefined ? '' : String(answer.people[p.id])}
                  onChange={(e) => {
                    const raw = e.target.value;
                    const v = raw === '' ? undefined : ((type === 'scale-5' ? Number(raw) : raw) as AnswerValue);
                    onAnswer((a) => {
                      const people = { ...(a.people ?? {}) };
                      if (v === undefined) delete people[p.id];
                      else people[p.id] = v;
                      return { ...a, people };
                    }, `${p.name} answers “${q.short}”`);
                  }}
                >
                  <option value="">–</option>
                  {answerOptions(type).map((o) => (
                    <option key={String(o)} value={String(o)}>{answerLabel(o)}</option>
                  ))}
                </select>
              </label>
            ))}
            {sp ? <SpreadView type={type} scores={scores} label={q.short} /> : null}
          </div>
        ) : null}
        <CommitField
          label={`Evidence for “${q.short}”`}
          hideLabel
          value={answer?.note ?? ''}
          placeholder={set.exampleRequired ? 'An example the room has seen (needed to tick it)' : 'One sentence of evidence or disagreement'}
          maxLength={assessmentLimits.note}
          className="question-note"
          onCommit={(v) => {
            // Also runs as typing is journaled (a dry run): the message goes as soon as an example is typed.
            if (v.trim()) setRefusal(null);
            return editRun(workshopId, runId, 'Edit evidence', (r) => {
              const a = { ...(r.answers[q.id] ?? {}), note: v };
              // Emptying the example of a ticked sign unticks it: a sign without an example stays unticked.
              if (tickRefusal(set, a.group, v)) delete a.group;
              return { ...r, answers: { ...r.answers, [q.id]: a } };
            }, `note:${runId}:${q.id}`);
          }}
        />
      </div>
    </li>
  );
}

/** Whether a ticked warning sign holds across the company or in one department. */
function ScopeButtons({ label, value, onChange }: { label: string; value: SignScope | undefined; onChange: (v: SignScope | undefined) => void }) {
  return (
    <div className="scope-buttons" role="group" aria-label={label}>
      <span className="muted small">This sign holds</span>
      {(['company', 'local'] as const).map((v) => (
        <button key={v} type="button" className={`answer-button scope-button${value === v ? ' answer-button-on' : ''}`} aria-pressed={value === v} onClick={() => onChange(value === v ? undefined : v)}>
          {v === 'company' ? 'Company-wide' : 'Local to a department'}
        </button>
      ))}
    </div>
  );
}

/** The set's own checklist (the contrasts' value steps), answered by the room as a group. */
function ChecklistSection({ workshopId, set, run }: { workshopId: string; set: AssessmentSetDef; run: AssessmentRun }) {
  const list = set.checklist!;
  let n = 0;
  return (
    <section className="value-steps" aria-label={list.title}>
      <h3 className="question-area">{list.title}</h3>
      {list.intro ? <p className="muted">{list.intro}</p> : null}
      {list.groups.map((g) => (
        <section key={g.id} className="question-group" aria-label={g.label}>
          <h4 className="question-area">{g.label}</h4>
          <ol className="question-list">
            {g.items.map((item) => {
              n += 1;
              const a = run.answers[item.id];
              return (
                <li key={item.id} className="question">
                  <div className="question-head">
                    <span className="question-number" aria-hidden>{n}</span>
                    <div className="question-text">
                      <p className="question-short">{item.short}</p>
                      <p className="question-full">{item.text}</p>
                    </div>
                  </div>
                  <div className="question-answer">
                    <AnswerButtons
                      label={item.short}
                      type="yes-partly-no"
                      value={a?.group}
                      onChange={(v) => void editRun(workshopId, run.id, v === undefined ? 'Clear answer' : `Answer “${item.short}”`, (r) => ({ ...r, answers: { ...r.answers, [item.id]: { ...(r.answers[item.id] ?? {}), group: v } } }))}
                    />
                    <CommitField
                      label={`Evidence for “${item.short}”`}
                      hideLabel
                      value={a?.note ?? ''}
                      placeholder="One sentence of evidence or disagreement"
                      maxLength={assessmentLimits.note}
                      className="question-note"
                      onCommit={(v) => editRun(workshopId, run.id, 'Edit evidence', (r) => ({ ...r, answers: { ...r.answers, [item.id]: { ...(r.answers[item.id] ?? {}), note: v } } }), `note:${run.id}:${item.id}`)}
                    />
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </section>
  );
}

export function AnswerButtons({ label, type, value, onChange, large = false, describedBy }: { label: string; type: AnswerType; value: AnswerValue | undefined; onChange: (v: AnswerValue | undefined) => void; large?: boolean; describedBy?: string }) {
  return (
    <div className={`answer-buttons answer-${type}${large ? ' answer-large' : ''}`} role="group" aria-label={label} aria-describedby={describedBy}>
      {answerOptions(type).map((o) => {
        const on = value === o;
        const s = answerScore(type, o) ?? 0;
        return (
          <button
            key={String(o)}
            type="button"
            className={`answer-button${on ? ' answer-button-on' : ''}`}
            data-tone={s >= 0.75 ? 'good' : s > 0.25 ? 'mid' : 'bad'}
            aria-pressed={on}
            onClick={() => onChange(on ? undefined : o)}
          >
            {answerLabel(o)}
          </button>
        );
      })}
    </div>
  );
}

function Targets({ workshopId, set, run }: { workshopId: string; set: AssessmentSetDef; run: AssessmentRun }) {
  const dims = dimensionScores(set, run);
  const scale = set.answerType === 'scale-5';
  return (
    <details className="targets">
      <summary>Targets per {set.areas ? 'area' : 'dimension'} (for gap ranking)</summary>
      <div className="targets-grid">
        {dims.map((d) => {
          const t = run.targets[d.id];
          return (
            <label key={d.id} className="target-row">
              <span>{d.label}</span>
              <select
                className="field-input"
                aria-label={`Target for ${d.label}`}
                value={t === undefined ? '' : scale ? String(Math.round(percentToScale(t))) : String(t)}
                onChange={(e) => {
                  const raw = e.target.value;
                  void editRun(workshopId, run.id, `Set target for ${d.label}`, (r) => {
                    const targets = { ...r.targets };
                    if (raw === '') delete targets[d.id];
                    else targets[d.id] = scale ? scaleToPercent(Number(raw)) : Number(raw);
                    return { ...r, targets };
                  });
                }}
              >
                <option value="">No target</option>
                {scale ? [2, 3, 4, 5].map((v) => <option key={v} value={v}>{v} of 5</option>) : [50, 75, 100].map((v) => <option key={v} value={v}>{v}%</option>)}
              </select>
            </label>
          );
        })}
      </div>
    </details>
  );
}

function Commitments({ workshopId, run }: { workshopId: string; run: AssessmentRun }) {
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const c = { id: newId(), text: text.trim().slice(0, assessmentLimits.commitment), owner: owner.trim().slice(0, assessmentLimits.owner) };
    void editRun(workshopId, run.id, 'Add commitment', (r) => ({ ...r, commitments: [...r.commitments, c] }));
    setText('');
    setOwner('');
  };
  return (
    <div>
      <h4 className="results-subtitle">Commitments agreed</h4>
      {run.commitments.length === 0 ? <p className="muted small">What the room commits to after seeing these results.</p> : null}
      <ul className="commitment-list">
        {run.commitments.map((c) => (
          <li key={c.id} className="commitment">
            <span>
              {c.text}
              {c.owner ? <span className="muted"> · {c.owner}</span> : null}
            </span>
            <button type="button" className="icon-button icon-button-danger" aria-label={`Delete commitment “${c.text}”`} onClick={() => void editRun(workshopId, run.id, 'Delete commitment', (r) => ({ ...r, commitments: r.commitments.filter((x) => x.id !== c.id) }))}>
              <Trash2 size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <form className="commitment-form" onSubmit={add}>
        <input className="field-input" aria-label="Commitment" placeholder="We commit to…" value={text} maxLength={assessmentLimits.commitment} onChange={(e) => setText(e.target.value)} />
        <input className="field-input commitment-owner" aria-label="Commitment owner" placeholder="Owner" value={owner} maxLength={assessmentLimits.owner} onChange={(e) => setOwner(e.target.value)} />
        <button type="submit" className="btn" disabled={!text.trim()}>Add commitment</button>
      </form>
    </div>
  );
}

function EmployeesTest({ workshopId, run, participants }: { workshopId: string; run: AssessmentRun; participants: readonly Participant[] }) {
  const status = employeesTestStatus(run);
  const edit = (id: string, patch: Partial<AssessmentRun['employees'][number]>, label: string) =>
    editRun(workshopId, run.id, label, (r) => ({ ...r, employees: r.employees.map((e) => (e.id === id ? { ...e, ...patch } : e)) }), `emp:${run.id}:${id}:${Object.keys(patch).join()}`);
  // A participant counts once among the five: one already listed is not offered (nor added) again.
  const listed = (r: Pick<typeof run, 'employees'>, p: Participant) => r.employees.some((e) => e.name.trim() === p.name.trim() && e.department.trim() === p.department.trim());
  const add = (p?: Participant) =>
    void editRun(workshopId, run.id, 'Add a person to the five-employees test', (r) => (p && listed(r, p) ? r : { ...r, employees: [...r.employees, { id: newId(), name: p?.name ?? '', department: p?.department ?? '', answer: '' }] }));
  const offered = participants.filter((p) => !listed(run, p));
  return (
    <section className="employees-test" aria-labelledby={`emp-${run.id}`}>
      <h3 id={`emp-${run.id}`} className="question-area">Five-employees test</h3>
      <p className="muted">
        Before the workshop, ask five people outside this room, each from a different department (HR, finance, purchasing, …), what the
        company&rsquo;s customer centricity means for a customer. Record each answer word for word, then judge them together: are they uniform,
        are they clear, are they enthusing?
      </p>
      <ol className="employee-list">
        {run.employees.map((e, i) => (
          <li key={e.id} className="employee">
            <span className="question-number" aria-hidden>{i + 1}</span>
            <div className="employee-fields">
              <CommitField label={`Person ${i + 1}: name`} value={e.name} maxLength={assessmentLimits.name} placeholder="Name (optional)" onCommit={(v) => edit(e.id, { name: v }, 'Edit name')} />
              <CommitField label={`Person ${i + 1}: department`} value={e.department} maxLength={assessmentLimits.name} placeholder="e.g. Finance" onCommit={(v) => edit(e.id, { department: v }, 'Edit department')} />
              <CommitField label={`Person ${i + 1}: answer`} multiline rows={2} value={e.answer} maxLength={assessmentLimits.employeeAnswer} placeholder="Their words" className="employee-answer" onCommit={(v) => edit(e.id, { answer: v }, 'Edit answer')} />
            </div>
            <button type="button" className="icon-button icon-button-danger" aria-label={`Remove person ${i + 1}`} onClick={() => void editRun(workshopId, run.id, 'Remove person', (r) => ({ ...r, employees: r.employees.filter((x) => x.id !== e.id) }))}>
              <Trash2 size={16} aria-hidden />
            </button>
          </li>
        ))}
      </ol>
      {run.employees.length < EMPLOYEES_NEEDED + 3 ? (
        <div className="employee-add">
          <button type="button" className="btn btn-small" onClick={() => add()}>
            <Plus size={14} aria-hidden /> Add a person
          </button>
          {offered.length > 0 ? (
            // The test asks people outside the room; a participant is offered only on request
            // (one who was asked before the workshop, as one of the five).
            <details className="employee-from-room">
              <summary className="small">Someone in the room was asked beforehand?</summary>
              <select className="field-input employee-pick" aria-label="Add a participant who was asked before the workshop" value="" onChange={(ev) => add(participants.find((p) => p.id === ev.target.value))}>
                <option value="">Add a participant…</option>
                {offered.map((p) => <option key={p.id} value={p.id}>{p.name}{p.department ? ` (${p.department})` : ''}</option>)}
              </select>
            </details>
          ) : null}
        </div>
      ) : null}
      <div className="consistency">
        {judgementCriteria.map((c) => (
          <div key={c.field} className="judgement">
            <p className="judgement-question">{c.question}</p>
            <div className="answer-buttons" role="group" aria-label={c.question}>
              {([1, 2, 3, 4, 5] as const).map((v) => (
                <button key={v} type="button" className={`answer-button consistency-button${run[c.field] === v ? ' answer-button-on' : ''}`} aria-pressed={run[c.field] === v} onClick={() => void editRun(workshopId, run.id, `Judge ${c.label.toLocaleLowerCase()}`, (r) => ({ ...r, [c.field]: r[c.field] === v ? null : v }))}>
                  <strong>{v}</strong>
                </button>
              ))}
              <span className="muted small judgement-ends">1 {c.low} · 5 {c.high}</span>
            </div>
          </div>
        ))}
        <CommitField label="Why the room judged it so" value={run.consistencyNote} maxLength={assessmentLimits.note} placeholder="What the answers have in common, and where they differ" onCommit={(v) => editRun(workshopId, run.id, 'Edit judgement note', (r) => ({ ...r, consistencyNote: v }), `cnote:${run.id}`)} />
        <p className={status.complete ? 'employees-status employees-ok' : 'employees-status'} role="status">
          {status.complete
            ? `Complete: ${status.answered} answers from ${status.departments} departments, judged ${judgementCriteria.map((c) => `${c.label.toLocaleLowerCase()} ${run[c.field]}/5`).join(', ')}.`
            : `Still needed: ${status.missing.join(', ')}.`}
          {status.repeatedDepartments.length ? ` Asked twice in: ${status.repeatedDepartments.join(', ')}.` : ''}
        </p>
      </div>
    </section>
  );
}
