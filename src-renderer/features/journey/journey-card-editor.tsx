// The text editor of a journey card on the canvas, for an existing card or a new one drafted in a
// cell. Built on the shared draft hook: an existing card's text is stored as it is typed (300 ms
// after the last key, before undo, when the editor closes); a new card is stored once, when its
// editor closes, before an undo, or if the editor goes away with text in it. Never cuts text.
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { cardTextProblem, type JourneyCard } from '../../domain/journey';
import { registerFlusher } from '../../state/history';
import { useDraft, type DraftCheck } from '../../ui/use-draft';
import { useCanvasActions } from './journey-context';

function checkCardText(text: string): DraftCheck<string> {
  const problem = cardTextProblem(text);
  return problem ? { error: problem } : { value: text };
}

export function CardEditor({ card, isDraft }: { card: JourneyCard; isDraft: boolean }) {
  const actions = useCanvasActions();
  const ref = useRef<HTMLTextAreaElement>(null);
  // Set once the editor has closed; blur follows closing and must not close it twice.
  const done = useRef(false);
  const cardRef = useRef(card);
  cardRef.current = card;

  const { draft, error, onChange, flush, prepare } = useDraft<string>({
    stored: isDraft ? '' : card.text,
    check: checkCardText,
    commit: (text) => {
      const c = cardRef.current;
      if (!isDraft) return actions.commitCardText(c, text);
      // Storing a new card also closes its editor, so it can never be stored twice.
      done.current = true;
      const trimmed = text.trim();
      actions.leaveEditing(trimmed ? null : `cell:${c.stageId}:${c.laneId}`);
      return trimmed ? actions.commitDraft(c.stageId, c.laneId, trimmed) : undefined;
    },
    autosave: !isDraft,
    // An existing card's typing is journaled so closing the window loses none of it; a new card
    // is a row not yet created (never journaled), and its commit also closes the editor.
    journal: !isDraft,
    // The card as the canvas holds it: typing right after the editor opens is journaled at once.
    rows: () => [{ table: 'journeyCards', row: cardRef.current }],
  });

  /** Stores what is typed and leaves the editor; text that is too long keeps it open with its message. */
  const close = () => {
    if (done.current || error) return;
    flush();
    if (done.current) return;
    done.current = true;
    const c = cardRef.current;
    actions.leaveEditing(isDraft ? `cell:${c.stageId}:${c.laneId}` : `card:${c.id}`);
  };

  // Before any other edit or an undo, a new card's editor closes (storing its text, if any), as
  // an empty new card must not stay open over a journey that changes under it.
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => (isDraft ? registerFlusher(() => closeRef.current()) : undefined), [isDraft]);

  // The editor opens focused: get the typing journal ready before the first keystroke.
  useEffect(() => prepare(), [prepare]);

  useEffect(() => {
    const el = ref.current;
    if (el) {
      el.focus({ preventScroll: true });
      el.setSelectionRange(el.value.length, el.value.length);
    }
  }, []);

  // The editor grows with its text (the card's box is only as tall as its text was, one line for
  // a new card): every line typed stays in view for the room instead of scrolling out of it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = '0px';
    el.style.height = `${el.scrollHeight}px`;
  }, [draft]);

  const onKeyDown = (e: ReactKeyboardEvent<HTMLTextAreaElement>) => {
    // The canvas's own keys (arrows, Delete, Ctrl+A) must not act while typing.
    e.stopPropagation();
    if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      close();
    }
  };
  return (
    <div className="jy-editor nodrag nopan nowheel">
      <textarea
        ref={ref}
        className="jy-editor-input"
        aria-label={isDraft ? 'New card text' : 'Card text'}
        aria-invalid={error ? true : undefined}
        value={draft}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={close}
        rows={2}
        placeholder="Type, then Ctrl+Enter"
      />
      {error ? (
        <p className="jy-editor-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="jy-editor-hint" aria-hidden>
          Ctrl+Enter to save · Esc to leave
        </p>
      )}
    </div>
  );
}
