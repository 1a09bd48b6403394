// The optional last page of scoring for a set with the five-employees test: one answer this
// participant collected beforehand from an employee outside the room (their department and their
// words, no name). Controlled by ScoreView, which sends it with the sheet.
import { useId } from 'react';
import { assessmentLimits } from '../domain/assessment';
import { textLength } from '../domain/text';

export interface EmployeeAnswerDraft {
  readonly department: string;
  readonly answer: string;
}

export const noEmployee: EmployeeAnswerDraft = { department: '', answer: '' };

export function employeeProblem(e: EmployeeAnswerDraft): string | null {
  if (textLength(e.department.trim()) > assessmentLimits.name) return `A department is limited to ${assessmentLimits.name} characters.`;
  if (textLength(e.answer.trim()) > assessmentLimits.employeeAnswer) return `An answer is limited to ${assessmentLimits.employeeAnswer} characters.`;
  return null;
}

export function EmployeeStep(props: { headingId: string; value: EmployeeAnswerDraft; disabled: boolean; problem: string | null; onChange: (v: EmployeeAnswerDraft) => void; onBlur: () => void }) {
  const dep = useId();
  const ans = useId();
  const { value } = props;
  return (
    <>
      <div className="score-item">
        <p className="score-count">Optional</p>
        <h2 id={props.headingId} className="round-prompt">
          Five-employees test
        </h2>
        <p className="score-text">Did you ask someone outside this room, before the workshop, what our customer centricity means for a customer? Add their words here (no name).</p>
      </div>
      <label htmlFor={dep} className="field-label">
        Their department
      </label>
      <input id={dep} className="text-input" value={value.department} disabled={props.disabled} onChange={(e) => props.onChange({ ...value, department: e.target.value })} onBlur={props.onBlur} />
      <label htmlFor={ans} className="field-label">
        Their answer, in their words
      </label>
      <textarea id={ans} rows={4} value={value.answer} disabled={props.disabled} onChange={(e) => props.onChange({ ...value, answer: e.target.value })} onBlur={props.onBlur} aria-invalid={props.problem ? true : undefined} />
      {props.problem ? (
        <p className="field-error" role="alert">
          {props.problem}
        </p>
      ) : null}
    </>
  );
}
