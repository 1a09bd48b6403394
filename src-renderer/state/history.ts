// Undo/redo history per scope (a workshop, or the library), and the single entry point
// `execute` that every editor calls. Holds session state only: the documents live in Dexie.
import { create } from 'zustand';
import { getDb } from '../db/database';
import { applyCommand, isNoop, mergeCommands, replayChanges, ReplayRefusedError, type AppliedCommand, type CommandInput, type Scope } from '../db/commands';
import { describeStorageError } from '../db/storage-errors';
import { notify } from './notifications';

const MAX_STEPS = 200;
/** Typing in one field within this window becomes one undo step. */
const MERGE_WINDOW_MS = 1500;

interface Stacks {
  readonly undo: readonly AppliedCommand[];
  readonly redo: readonly AppliedCommand[];
}

interface HistoryState {
  readonly stacks: Readonly<Record<Scope, Stacks>>;
  /** Bumped after every successful write; the snapshot scheduler watches it. */
  readonly revision: number;
}

export const useHistory = create<HistoryState>(() => ({ stacks: {}, revision: 0 }));

const empty: Stacks = { undo: [], redo: [] };

// Commands run one at a time so undo order always matches write order.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Listeners called before undo/redo so editors can commit pending typing first. */
const flushers = new Set<() => void>();
export function registerFlusher(flush: () => void): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}
export function flushPendingEdits(): void {
  for (const f of [...flushers]) f();
}

/** Resolves once every command submitted so far is applied (or has failed). */
export function whenApplied(): Promise<void> {
  return queue.then(() => undefined);
}

// A dry run collects the commands an edit submits without applying them (the typing journal
// records what a draft would store). Their promises never settle, so nothing after them runs.
let dryRunInputs: CommandInput[] | null = null;
/** Runs `edit` and returns the commands it submitted synchronously, applying none of them. */
export function dryRun(edit: () => unknown): CommandInput[] {
  const outer = dryRunInputs;
  const inputs: CommandInput[] = [];
  dryRunInputs = inputs;
  try {
    edit();
  } catch {
    return [];
  } finally {
    dryRunInputs = outer;
  }
  return inputs;
}
/** True while an edit is being dry-run: a commit with effects besides its commands skips them then. */
export function isDryRun(): boolean {
  return dryRunInputs !== null;
}

/**
 * Applies a command, stores it, and records it for undo. Resolves to true on success;
 * on failure (quota, disk) tells the user and resolves to false, leaving stored data as it was.
 */
export async function execute(input: CommandInput): Promise<boolean> {
  return (await executeCommand(input)) !== null;
}

/** Like execute, but resolves to the recorded command (for a targeted undo), or null on failure. */
export function executeCommand(input: CommandInput): Promise<AppliedCommand | null> {
  if (dryRunInputs) {
    dryRunInputs.push(input);
    return new Promise(() => undefined);
  }
  // Typing still waiting for its debounce is older than this edit: store it first, so the undo
  // history keeps the order in which the user did things.
  flushPendingEdits();
  return serial(async () => {
    try {
      const cmd = await applyCommand(getDb(), input);
      if (isNoop(cmd)) return cmd;
      useHistory.setState((s) => {
        const st = s.stacks[cmd.scope] ?? empty;
        const top = st.undo[st.undo.length - 1];
        const merge = top && cmd.mergeKey && top.mergeKey === cmd.mergeKey && cmd.at - top.at < MERGE_WINDOW_MS;
        const undo = merge ? [...st.undo.slice(0, -1), mergeCommands(top, cmd)] : [...st.undo, cmd].slice(-MAX_STEPS);
        return { stacks: { ...s.stacks, [cmd.scope]: { undo, redo: [] } }, revision: s.revision + 1 };
      });
      return cmd;
    } catch (err) {
      notify({ kind: 'error', message: `Could not save “${input.label}”. ${describeStorageError(err)}` });
      return null;
    }
  });
}

async function step(scope: Scope, direction: 'undo' | 'redo'): Promise<AppliedCommand | null> {
  flushPendingEdits();
  return serial(async () => {
    const st = useHistory.getState().stacks[scope] ?? empty;
    const from = direction === 'undo' ? st.undo : st.redo;
    const cmd = from[from.length - 1];
    if (!cmd) return null;
    try {
      await replayChanges(getDb(), cmd.changes, direction);
    } catch (err) {
      if (err instanceof ReplayRefusedError) {
        // It can never apply again (what it needs is gone), and left on the stack it would
        // block every older step: take it off and say so.
        dropCommand(scope, cmd);
        notify({ kind: 'error', message: refusedMessage(direction, cmd.label, err) });
        return null;
      }
      notify({ kind: 'error', message: `Could not ${direction} “${cmd.label}”. ${describeStorageError(err)}` });
      return null;
    }
    useHistory.setState((s) => {
      const cur = s.stacks[scope] ?? empty;
      const next: Stacks =
        direction === 'undo'
          ? { undo: cur.undo.slice(0, -1), redo: [...cur.redo, cmd] }
          : { undo: [...cur.undo, cmd], redo: cur.redo.slice(0, -1) };
      return { stacks: { ...s.stacks, [scope]: next }, revision: s.revision + 1 };
    });
    return cmd;
  });
}

/**
 * Undoes one particular command (e.g. from a "Deleted … Undo" toast) even if later commands
 * followed it, provided none of them touched the same rows; otherwise says why it cannot.
 */
export function undoCommand(cmd: AppliedCommand): Promise<boolean> {
  flushPendingEdits();
  return serial(async () => {
    const st = useHistory.getState().stacks[cmd.scope] ?? empty;
    const index = st.undo.indexOf(cmd);
    if (index === -1) {
      notify({ kind: 'info', message: `“${cmd.label}” has already been undone.` });
      return false;
    }
    const touched = new Set(cmd.changes.map((c) => `${c.table}\u0000${c.key}`));
    const later = st.undo.slice(index + 1);
    if (later.some((l) => l.changes.some((c) => touched.has(`${c.table}\u0000${c.key}`)))) {
      notify({ kind: 'error', message: `“${cmd.label}” cannot be undone on its own: later edits changed the same items. Use Undo repeatedly instead.` });
      return false;
    }
    try {
      await replayChanges(getDb(), cmd.changes, 'undo');
    } catch (err) {
      if (err instanceof ReplayRefusedError) {
        dropCommand(cmd.scope, cmd);
        notify({ kind: 'error', message: refusedMessage('undo', cmd.label, err) });
        return false;
      }
      notify({ kind: 'error', message: `Could not undo “${cmd.label}”. ${describeStorageError(err)}` });
      return false;
    }
    useHistory.setState((s) => {
      const cur = s.stacks[cmd.scope] ?? empty;
      return { stacks: { ...s.stacks, [cmd.scope]: { undo: cur.undo.filter((c) => c !== cmd), redo: cur.redo } }, revision: s.revision + 1 };
    });
    return true;
  });
}

function refusedMessage(direction: 'undo' | 'redo', label: string, err: ReplayRefusedError): string {
  return `Cannot ${direction} “${label}”: ${err.message} Nothing was changed, and the step was taken off the ${direction} list.`;
}

/** Removes one command from both stacks of its scope. */
function dropCommand(scope: Scope, cmd: AppliedCommand): void {
  useHistory.setState((s) => {
    const cur = s.stacks[scope] ?? empty;
    return { stacks: { ...s.stacks, [scope]: { undo: cur.undo.filter((c) => c !== cmd), redo: cur.redo.filter((c) => c !== cmd) } } };
  });
}

export function undo(scope: Scope): Promise<AppliedCommand | null> {
  return step(scope, 'undo');
}
export function redo(scope: Scope): Promise<AppliedCommand | null> {
  return step(scope, 'redo');
}

/** Label of the next undo / redo in a scope, for menus and tooltips. */
export function useUndoRedoLabels(scope: Scope): { undo: string | null; redo: string | null } {
  const st = useHistory((s) => s.stacks[scope]);
  return {
    undo: st?.undo[st.undo.length - 1]?.label ?? null,
    redo: st?.redo[st.redo.length - 1]?.label ?? null,
  };
}

/** Drops a scope's history (e.g. after a workshop is replaced by an import). */
export function clearHistory(scope: Scope): void {
  useHistory.setState((s) => {
    const { [scope]: _gone, ...rest } = s.stacks;
    return { stacks: rest };
  });
}
