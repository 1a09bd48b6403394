// Back / Next / Finish under a round that goes one page at a time on the phone (scores,
// emotions): Finish on the last page, "Finished" once the facilitator's app has the sheet.
export function StepNav({ index, count, open, done, go, finish }: { index: number; count: number; open: boolean; done: boolean; go: (to: number) => void; finish: () => void }) {
  return (
    <div className="step-nav">
      <button type="button" className="button secondary" disabled={index === 0} onClick={() => go(index - 1)}>
        Back
      </button>
      {index < count - 1 ? (
        <button type="button" className="button primary" onClick={() => go(index + 1)}>
          Next
        </button>
      ) : (
        <button type="button" className="button primary" disabled={!open || done} onClick={finish}>
          {done ? 'Finished' : 'Finish'}
        </button>
      )}
    </div>
  );
}
