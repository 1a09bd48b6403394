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
  /**
   * Commands that replaced the library wholesale (restoring a snapshot, an import that replaces
   * workshops), in one history of their own that sits across every scope: while one is applied,
   * each scope's steps older than it are out of reach (they describe rows the restore removed or
   * replaced), so whatever screen is open, Undo offers the restore itself. Once it is undone, the
   * library is as those steps left it, and they are reachable again.
   */
  readonly wholesale: Stacks;
  /** Bumped after every successful write; the snapshot scheduler watches it. */
  readonly revision: number;
}

const empty: Stacks = { undo: [], redo: [] };

export const useHistory = create<HistoryState>(() => ({ stacks: {}, wholesale: empty, revision: 0 }));

/** Forgets every history (tests, and a fresh start). */
export function resetHistory(): void {
  useHistory.setState({ stacks: {}, wholesale: empty, revision: 0 });
}

// Order in which commands were recorded, across scopes: decides whether a scope's step is older
// than a wholesale command. A merged typing step takes a new number (it is the newest).
const sequence = new WeakMap<AppliedCommand, number>();
let lastSequence = 0;
function stamp(cmd: AppliedCommand): AppliedCommand {
  sequence.set(cmd, ++lastSequence);
  return cmd;
}
function seqOf(cmd: AppliedCommand | undefined): number {
  return cmd ? (sequence.get(cmd) ?? 0) : -1;
}

interface Next {
  readonly cmd: AppliedCommand;
  /** The step is a wholesale command (it lives in `wholesale`, not in the scope's stacks). */
  readonly wholesale: boolean;
}

/** The step Undo or Redo takes in a scope: the scope's own, or the wholesale command above it. */
function nextStep(s: HistoryState, scope: Scope, direction: 'undo' | 'redo'): Next | null {
  const st = s.stacks[scope] ?? empty;
  const applied = s.wholesale.undo[s.wholesale.undo.length - 1];
  const appliedSeq = seqOf(applied);
  if (direction === 'undo') {
    const top = st.undo[st.undo.length - 1];
    if (top && seqOf(top) > appliedSeq) return { cmd: top, wholesale: false };
    return applied ? { cmd: applied, wholesale: true } : null;
  }
  const top = st.redo[st.redo.length - 1];
  const undone = s.wholesale.redo[s.wholesale.redo.length - 1];
  // Redo goes back the way undo came: the step undone last (the older one) first.
  if (top && seqOf(top) > appliedSeq && (!undone || seqOf(top) < seqOf(undone))) return { cmd: top, wholesale: false };
  return undone ? { cmd: undone, wholesale: true } : null;
}

/** True when a wholesale command newer than `cmd` is applied: `cmd` describes rows it replaced. */
function isBehindWholesale(s: HistoryState, cmd: AppliedCommand): boolean {
  return seqOf(s.wholesale.undo[s.wholesale.undo.length - 1]) > seqOf(cmd);
}

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

export interface ExecuteOptions {
  /**
   * The command replaces the library wholesale (a snapshot restore, an import that replaces
   * workshops): it goes into the history shared by every scope, above all their steps, and
   * every redo is dropped (none of them was made on top of what it wrote).
   */
  readonly wholesale?: boolean;
}

/**
 * Applies a command, stores it, and records it for undo. Resolves to true on success;
 * on failure (quota, disk) tells the user and resolves to false, leaving stored data as it was.
 */
export async function execute(input: CommandInput, options: ExecuteOptions = {}): Promise<boolean> {
  return (await executeCommand(input, options)) !== null;
}

/** Like execute, but resolves to the recorded command (for a targeted undo), or null on failure. */
export function executeCommand(input: CommandInput, options: ExecuteOptions = {}): Promise<AppliedCommand | null> {
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
      if (options.wholesale) {
        stamp(cmd);
        useHistory.setState((s) => ({
          stacks: Object.fromEntries(Object.entries(s.stacks).map(([scope, st]) => [scope, { undo: st.undo, redo: [] }])),
          wholesale: { undo: [...s.wholesale.undo, cmd].slice(-MAX_STEPS), redo: [] },
          revision: s.revision + 1,
        }));
        return cmd;
      }
      useHistory.setState((s) => {
        const st = s.stacks[cmd.scope] ?? empty;
        const top = st.undo[st.undo.length - 1];
        // Typing never merges into a step made before a restore: that step is out of reach now.
        const merge = top && cmd.mergeKey && top.mergeKey === cmd.mergeKey && cmd.at - top.at < MERGE_WINDOW_MS && !isBehindWholesale(s, top);
        const undo = merge ? [...st.undo.slice(0, -1), stamp(mergeCommands(top, cmd))] : [...st.undo, stamp(cmd)].slice(-MAX_STEPS);
        // A new edit ends every redo of a wholesale command too (it was not made on top of it),
        // and with it the redo of every step that was made on top of that command.
        let stacks = s.stacks;
        let wholesale = s.wholesale;
        if (wholesale.redo.length > 0) {
          const undoneSince = Math.min(...wholesale.redo.map(seqOf));
          stacks = Object.fromEntries(
            Object.entries(stacks).map(([scope, other]) => [scope, { undo: other.undo, redo: other.redo.filter((c) => seqOf(c) < undoneSince) }]),
          );
          wholesale = { undo: wholesale.undo, redo: [] };
        }
        return { stacks: { ...stacks, [cmd.scope]: { undo, redo: [] } }, wholesale, revision: s.revision + 1 };
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
    const next = nextStep(useHistory.getState(), scope, direction);
    if (!next) return null;
    const { cmd, wholesale } = next;
    try {
      await replayChanges(getDb(), cmd.changes, direction);
    } catch (err) {
      if (err instanceof ReplayRefusedError) {
        // It can never apply again (what it needs is gone), and left on the stack it would
        // block every older step: take it off and say so.
        if (wholesale) dropWholesale(cmd);
        else if (await workshopOfScopeGone(scope, cmd)) {
          // Deleted elsewhere (another window): every step of its history refers to it, so
          // none can run again; they all go at once, not one refusal per key press.
          clearHistory(scope);
          notify({ kind: 'error', message: `${refusedMessage(direction, cmd.label, err)} The workshop is gone, so its whole history was cleared.` });
          return null;
        } else dropCommand(scope, cmd);
        notify({ kind: 'error', message: refusedMessage(direction, cmd.label, err) });
        return null;
      }
      notify({ kind: 'error', message: `Could not ${direction} “${cmd.label}”. ${describeStorageError(err)}` });
      return null;
    }
    const move = (cur: Stacks): Stacks =>
      direction === 'undo'
        ? { undo: cur.undo.filter((c) => c !== cmd), redo: [...cur.redo, cmd] }
        : { undo: [...cur.undo, cmd], redo: cur.redo.filter((c) => c !== cmd) };
    useHistory.setState((s) =>
      wholesale
        ? { wholesale: move(s.wholesale), revision: s.revision + 1 }
        : { stacks: { ...s.stacks, [scope]: move(s.stacks[scope] ?? empty) }, revision: s.revision + 1 },
    );
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
    const state = useHistory.getState();
    const st = state.stacks[cmd.scope] ?? empty;
    const index = st.undo.indexOf(cmd);
    if (index === -1) {
      notify({ kind: 'info', message: `“${cmd.label}” has already been undone.` });
      return false;
    }
    if (isBehindWholesale(state, cmd)) {
      const since = state.wholesale.undo[state.wholesale.undo.length - 1]!;
      notify({ kind: 'error', message: `“${cmd.label}” cannot be undone now: “${since.label}” replaced the library since. Undo that first.` });
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

/** True when `scope` is a workshop's history (the command changed that workshop's rows) and the workshop no longer exists. */
async function workshopOfScopeGone(scope: Scope, cmd: AppliedCommand): Promise<boolean> {
  const ofWorkshop = cmd.changes.some((c) => (c.table === 'workshops' && c.key === scope) || (c.before ?? c.after)?.['workshopId'] === scope);
  return ofWorkshop && (await getDb().workshops.get(scope)) === undefined;
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

/** Removes a wholesale command from its history. */
function dropWholesale(cmd: AppliedCommand): void {
  useHistory.setState((s) => ({ wholesale: { undo: s.wholesale.undo.filter((c) => c !== cmd), redo: s.wholesale.redo.filter((c) => c !== cmd) } }));
}

export function undo(scope: Scope): Promise<AppliedCommand | null> {
  return step(scope, 'undo');
}
export function redo(scope: Scope): Promise<AppliedCommand | null> {
  return step(scope, 'redo');
}

/** The step Undo or Redo would take in a scope now (null: nothing to do). */
export function nextCommand(scope: Scope, direction: 'undo' | 'redo'): AppliedCommand | null {
  return nextStep(useHistory.getState(), scope, direction)?.cmd ?? null;
}

/** Label of the next undo / redo in a scope, for menus and tooltips. */
export function useUndoRedoLabels(scope: Scope): { undo: string | null; redo: string | null } {
  return {
    undo: useHistory((s) => nextStep(s, scope, 'undo')?.cmd.label ?? null),
    redo: useHistory((s) => nextStep(s, scope, 'redo')?.cmd.label ?? null),
  };
}

/** Drops a scope's history (e.g. after its workshop is deleted). */
export function clearHistory(scope: Scope): void {
  useHistory.setState((s) => {
    const { [scope]: _gone, ...rest } = s.stacks;
    return { stacks: rest };
  });
}
