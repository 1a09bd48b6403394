// The draft behind every typed field: what the user types is kept locally and stored 300 ms
// after the last keystroke, on blur, before undo/redo and before any newer edit (through the
// history's flushers), and when the field unmounts. Until it is stored, each keystroke is also
// journaled synchronously (state/draft-recorder.ts), so closing the window right after typing
// loses nothing. Text that fails validation is never stored and never cut; the field shows the
// message instead. With a `keepKey`, such text also survives leaving the screen: it is kept for
// the session and shown again in the field when it comes back, and a message says it is not saved.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDraftRecorder, type KnownRow } from '../state/draft-recorder';
import { registerFlusher } from '../state/history';
import { notify } from '../state/notifications';

/** Drafts that could not be stored when their field went away, by keep key (this session only). */
const keptDrafts = new Map<string, string>();

/** The drafts kept from fields that were left with text that cannot be stored (for tests and diagnostics). */
export function keptDraftCount(): number {
  return keptDrafts.size;
}

export const TYPING_DEBOUNCE_MS = 300;

export type DraftCheck<T> = { readonly value: T } | { readonly error: string };

export interface DraftOptions<T> {
  /** The stored value as text; followed while the user is not editing (undo, other windows). */
  readonly stored: string;
  /** Turns the draft into a storable value, or says what is wrong with it. */
  readonly check: (draft: string) => DraftCheck<T>;
  /**
   * Stores the value by submitting its command(s) synchronously (before any await). It is also
   * dry-run on focus and keystrokes to journal the typing (commands captured, not applied), so
   * any other effect must be skipped while `isDryRun()` (state/history), or pass `journal: false`.
   */
  readonly commit: (value: T) => unknown;
  /** Journal the typing until it is stored (default true). */
  readonly journal?: boolean;
  /**
   * The rows the commit writes, as the screen already holds them: the journal uses them until
   * its own read arrives, so keystrokes made right after the field opens are journaled at once.
   */
  readonly rows?: () => readonly KnownRow[];
  /** Skip the commit when the draft equals the stored text (default true). */
  readonly skipUnchanged?: boolean;
  /**
   * Store 300 ms after the last keystroke (default true). Off for a draft that only exists once
   * committed (a new journey card): it is then stored by flush alone (blur, before undo, unmount).
   */
  readonly autosave?: boolean;
  /**
   * Identifies the field across visits (e.g. a claim id, or the route and label). When the field
   * goes away holding text that cannot be stored (too long, a required name emptied), the text is
   * kept under this key and shown again when the field returns, and the user is told.
   */
  readonly keepKey?: string;
}

export interface Draft {
  readonly draft: string;
  readonly error: string | null;
  readonly onChange: (text: string) => void;
  /** Stores a pending, valid draft now. */
  readonly flush: () => void;
  /** Drops a pending draft without storing it (e.g. the item is being removed). */
  readonly cancel: () => void;
  /** Stores a pending draft, then shows it in its tidy form (e.g. "1.2M" as "1,200,000"). */
  readonly flushAndTidy: (tidy: (draft: string) => string) => void;
  /** Call on focus: gets the journal ready before the first keystroke. */
  readonly prepare: () => void;
}

export function useDraft<T>({ stored, check, commit, skipUnchanged = true, autosave = true, journal = true, rows, keepKey }: DraftOptions<T>): Draft {
  // A draft kept from an earlier visit comes back as the field's unsaved text, with its message.
  const [kept] = useState(() => (keepKey === undefined ? undefined : keptDrafts.get(keepKey)));
  const [draft, setDraft] = useState(kept ?? stored);
  const [error, setError] = useState<string | null>(() => {
    if (kept === undefined) return null;
    const result = check(kept);
    return 'error' in result ? result.error : null;
  });
  const dirty = useRef(kept !== undefined);
  const draftRef = useRef(kept ?? stored);
  const keepKeyRef = useRef(keepKey);
  keepKeyRef.current = keepKey;
  const storedRef = useRef(stored);
  storedRef.current = stored;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const checkRef = useRef(check);
  checkRef.current = check;
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const recorder = useDraftRecorder();
  const journalRef = useRef(journal);
  journalRef.current = journal;
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  useEffect(() => {
    if (!dirty.current) {
      setDraft(stored);
      draftRef.current = stored;
    }
  }, [stored]);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(() => {
    clearTimer();
    if (!dirty.current) return;
    const result = checkRef.current(draftRef.current);
    if ('error' in result) return;
    dirty.current = false;
    if (keepKeyRef.current !== undefined) keptDrafts.delete(keepKeyRef.current);
    if (!(skipUnchanged && draftRef.current === storedRef.current)) {
      recorder.committing();
      commitRef.current(result.value);
    }
    recorder.settle(() => dirty.current);
  }, [skipUnchanged, recorder]);

  const cancel = useCallback(() => {
    clearTimer();
    dirty.current = false;
    if (keepKeyRef.current !== undefined) keptDrafts.delete(keepKeyRef.current);
    recorder.discard();
  }, [recorder]);

  const prepare = useCallback(() => {
    const result = checkRef.current(storedRef.current);
    if (journalRef.current && !('error' in result)) recorder.prepare(() => commitRef.current(result.value));
  }, [recorder]);

  useEffect(() => registerFlusher(flush), [flush]);
  useEffect(() => () => flush(), [flush]);
  // Leaving with text that cannot be stored: keep it for the field's return and say so, rather
  // than dropping it silently. (Runs after the flush above, which stores any valid draft.)
  useEffect(
    () => () => {
      const key = keepKeyRef.current;
      if (key === undefined || !dirty.current) return;
      const result = checkRef.current(draftRef.current);
      if (!('error' in result)) return;
      keptDrafts.set(key, draftRef.current);
      notify({ kind: 'error', message: `Not saved: ${result.error} Your text is kept in the field until you fix it.` });
    },
    [],
  );

  const onChange = useCallback(
    (text: string) => {
      setDraft(text);
      draftRef.current = text;
      dirty.current = true;
      const result = checkRef.current(text);
      setError('error' in result ? result.error : null);
      clearTimer();
      // Journaled as a flush would store it now: nothing while the text is not valid.
      if (journalRef.current) {
        if (rowsRef.current) recorder.know(rowsRef.current());
        recorder.record('error' in result ? null : () => commitRef.current(result.value));
      }
      if (autosave && !('error' in result)) timer.current = setTimeout(flush, TYPING_DEBOUNCE_MS);
    },
    [flush, recorder, autosave],
  );

  const flushAndTidy = useCallback(
    (tidy: (draft: string) => string) => {
      flush();
      if (dirty.current) return;
      draftRef.current = tidy(draftRef.current);
      setDraft(draftRef.current);
    },
    [flush],
  );

  return { draft, error, onChange, flush, cancel, flushAndTidy, prepare };
}
