// The phone's private scoring of an assessment: one item at a time (one thumb: every choice a
// full-width button of 52 px with what it means), the evidence behind the score, "don't know",
// and Back / Next. Each change writes the whole sheet into the phone's own document only; the
// room sees who has finished, never a score, and after the reveal the spread without names.
// Item and choice texts come from the network: React text only, never HTML.
import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { StepNav } from './step-nav';
import { assessmentLimits } from '../domain/assessment';
import { capText, textLength } from '../domain/text';
import { EmployeeStep, employeeProblem, noEmployee } from './employee-step';
import { answeredCount, changedScores, myScores, sheetSent, viewCaps, writeOwnScores, type OwnView, type ScoreValue, type ScoringView } from './participant-model';

export function ScoreView(props: { scoring: ScoringView; own: OwnView; ownDoc: Y.Doc; me: string; canWrite: boolean; onNotice: (message: string) => void }) {
  const { scoring, own } = props;
  const mine = myScores(own, scoring);
  const [index, setIndex] = useState(0);
  const total = scoring.items.length;
  // A set with the five-employees test ends with an optional page for one employee's answer.
  const steps = total + (scoring.employees ? 1 : 0);
  const onEmployee = scoring.employees === true && index >= total;
  const item = onEmployee ? undefined : scoring.items[Math.min(index, total - 1)];
  const [note, setNote] = useState(item ? (mine.notes[item.id] ?? '') : '');
  const noteId = useId();
  const headingId = useId();
  // The note field shows the stored note of the item on screen (switching items, or another device of the same person).
  const storedNote = item ? (mine.notes[item.id] ?? '') : '';
  useEffect(() => setNote(storedNote), [item?.id, storedNote]);
  const storedEmployee = mine.employee ?? noEmployee;
  const [employee, setEmployee] = useState(storedEmployee);
  useEffect(() => setEmployee(storedEmployee), [storedEmployee.department, storedEmployee.answer]); // eslint-disable-line react-hooks/exhaustive-deps -- the two texts stand for the stored answer
  const open = props.canWrite && !scoring.revealed;
  const answered = answeredCount(own, scoring);
  const sent = sheetSent(own.scores.get(scoring.id), own.scoresStored, scoring.id);
  const finished = scoring.done.includes(props.me);

  const write = (change: Parameters<typeof changedScores>[2]): boolean => {
    if (!open) return false;
    const next = changedScores(own, scoring, change);
    if (!next) return false;
    writeOwnScores(props.ownDoc, next);
    return true;
  };
  const noteProblem =
    textLength(note.trim()) > assessmentLimits.note
      ? `Evidence is limited to ${assessmentLimits.note} characters.`
      : onEmployee
        ? employeeProblem(employee)
        : null;
  const employeeChanged = onEmployee && (employee.department.trim() !== storedEmployee.department || employee.answer.trim() !== storedEmployee.answer);
  /** Saves the note of the item on screen if it changed, then moves. */
  const go = (to: number) => {
    if (noteProblem) return;
    if (item && note.trim() !== storedNote) write({ item: item.id, note });
    if (employeeChanged) write({ employee });
    setIndex(Math.max(0, Math.min(steps - 1, to)));
  };
  const finish = () => {
    if (noteProblem) return;
    if (answered < total) {
      const first = scoring.items.findIndex((i) => mine.answers[i.id] === undefined);
      props.onNotice('Give every item a score (or “Don’t know”) before you finish.');
      if (first >= 0) setIndex(first);
      return;
    }
    if (write({ ...(item ? { item: item.id, note } : {}), ...(onEmployee ? { employee } : {}), done: true })) props.onNotice('Your scores are sent. Only the facilitator’s app has them until the reveal.');
  };
  const pick = (value: ScoreValue) => {
    if (!item) return;
    const on = mine.answers[item.id] === value;
    write({ item: item.id, answer: on ? null : value, ...(noteProblem ? {} : { note }) });
  };

  // A notice from before the reveal ("Your scores are sent") no longer holds once it is closed.
  const { onNotice } = props;
  useEffect(() => {
    if (scoring.revealed) onNotice('');
  }, [scoring.revealed, onNotice]);

  if (scoring.revealed) {
    return (
      <section className="round" aria-labelledby={headingId}>
        <p className="eyebrow">Scoring</p>
        <h2 id={headingId} className="round-prompt">
          {capText(scoring.title, viewCaps.name)}
        </h2>
        <p className="round-state revealed" role="status">
          The facilitator has revealed the spread on the shared screen, without names. Scoring is closed.
        </p>
      </section>
    );
  }
  if (!item && !onEmployee) return <p className="waiting">This assessment has no items to score.</p>;
  const chosen = item ? mine.answers[item.id] : undefined;
  return (
    <section className="round score" aria-labelledby={headingId}>
      <p className="eyebrow">Score silently · {capText(scoring.title, viewCaps.name)}</p>
      <p className="round-state" role="status" aria-live="polite">
        {finished ? 'Finished. You can change a score until the reveal.' : `${answered} of ${total} scored`}
        {sent ? null : <span className="card-state">Sending…</span>}
      </p>
      {onEmployee ? (
        <EmployeeStep headingId={headingId} value={employee} disabled={!open} problem={noteProblem} onChange={setEmployee} onBlur={() => employeeChanged && !noteProblem && write({ employee })} />
      ) : item ? (
        <>
        {index === 0 && scoring.rule ? <p className="score-rule">{capText(scoring.rule, viewCaps.message)}</p> : null}
        <div className="score-item">
          <p className="score-count">
            Item {index + 1} of {total}
          </p>
          <h2 id={headingId} className="round-prompt">
            {capText(item.short, viewCaps.name)}
          </h2>
          <p className="score-text">{capText(item.text, viewCaps.message)}</p>
          {item.hint ? <p className="round-privacy">{capText(item.hint, viewCaps.message)}</p> : null}
        </div>
        <div className="choices" role="group" aria-label={`Your score for ${capText(item.short, 60)}`}>
          {scoring.choices.map((c) => (
            <button
              key={String(c.value)}
              type="button"
              className={`choice${c.value === 'unknown' ? ' choice-unknown' : ''}`}
              aria-pressed={chosen === c.value}
              disabled={!open}
              onClick={() => pick(c.value)}
            >
              <span className="choice-label">{capText(c.label, 20)}</span>{' '}
              <span className="choice-meaning">{capText(c.meaning, viewCaps.name)}</span>
            </button>
          ))}
        </div>
        <label htmlFor={noteId} className="field-label">
          Evidence or example (optional)
        </label>
        <textarea
          id={noteId}
          rows={2}
          value={note}
          disabled={!open}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => {
            if (!noteProblem && note.trim() !== storedNote) write({ item: item.id, note });
          }}
          aria-invalid={noteProblem ? true : undefined}
        />
        {noteProblem ? (
          <p className="field-error" role="alert">
            {noteProblem}
          </p>
        ) : null}
        </>
      ) : null}
      <p className="round-privacy">Only you and the facilitator’s app see your scores. The room sees the spread, without names, after the reveal.</p>
      <StepNav index={index} count={steps} open={open} done={mine.done} go={go} finish={finish} />
    </section>
  );
}
