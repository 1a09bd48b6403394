// The facilitator's app in the room: the only writer of the workshop's tables. It connects to the
// room server over loopback with its own token, reads every participant's document, stores what
// they add (each entry checked by the mirror against the card's one definition, through the
// command layer, outside the facilitator's undo history), and publishes the journey the room
// works on (stages, lanes, cards) into the shared document, read-only for phones. Every entry is
// keyed by its card id and revision, so replays after reconnects or a reload of this window
// never duplicate or roll back anything.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { liveQuery, type Subscription } from 'dexie';
import type * as Y from 'yjs';
import { applyCommand, deleteOp, putOp, updateOp, type Op } from '../db/commands';
import { getDb, type CentricDb } from '../db/database';
import type { Journey, JourneyCard } from '../domain/journey';
import { liveBrainstorm, liveVote, mirrorDeviceCard, mirrorDeviceDots, mirrorDeviceIdea, publishBrainstorm, publishVote, publishCard, publishJourney, samePublishedCard, withIdeas, type IdeaDecision } from '../domain/room-mirror';
import { OWN, SHARED, participantDocName, roomLimits, sharedDocName, type DeviceCard, type DotsReceipt, type PublishedCard, type RefusalNote, type PublishedEmotions, type PublishedScoring, type RosterEntry, type SheetReceipt } from '../domain/room';
import type { AssessmentSet } from '../domain/artifacts';
import type { AssessmentSetDef } from '../domain/assessment';
import { liveRound, type EmotionRound, type ScoringRound } from '../domain/phone-rounds';
import { mirrorDeviceEmotions, mirrorDeviceScores, publishEmotions, publishScoring, withSheet, type SheetDecision } from '../domain/room-rounds';
import type { Brainstorm, Participant } from '../domain/run';
import { voteCatalogue } from '../domain/vote-catalogue';
import type { Vote, VoteExercise } from '../domain/voting';
import type { RoomInfo } from '../host/host-types';
import { useHistory } from '../state/history';
import { ARRIVAL_HIGHLIGHT_MS, useRoom } from './room-store';

class Stale extends Error {}

/** Entries written in one command at most. */
const MAX_BATCH = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function rosterEntry(v: unknown): RosterEntry | null {
  if (!isObject(v) || typeof v.name !== 'string' || typeof v.online !== 'number' || typeof v.removed !== 'boolean' || typeof v.joinedAt !== 'number') return null;
  return { name: v.name.slice(0, roomLimits.name), online: v.online, removed: v.removed, joinedAt: v.joinedAt };
}

export interface RoomSyncOptions {
  readonly info: RoomInfo;
  readonly workshopId: string;
  readonly journeyId: string | null;
  readonly db?: CentricDb;
  /** Node tests and benchmarks pass `ws`. */
  readonly WebSocketPolyfill?: unknown;
  /** The workshop's participants changed: the join page should offer these. */
  readonly onPeople?: (people: { id: string; name: string }[]) => void;
  /** The assessment question sets (loaded by the app's screens), to check scores from phones against. */
  readonly assessmentSets?: Partial<Record<AssessmentSet, AssessmentSetDef>>;
}

export class RoomSync {
  private readonly db: CentricDb;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly shared: HocuspocusProvider;
  private readonly own = new Map<string, HocuspocusProvider>();
  private queue: Promise<void> = Promise.resolve();
  private journeyId: string | null;
  private journey: Journey | null = null;
  private cards: JourneyCard[] = [];
  private cardSub: Subscription | null = null;
  private peopleSub: Subscription | null = null;
  private roundSub: Subscription | null = null;
  private voteSub: Subscription | null = null;
  private phoneRoundSub: Subscription | null = null;
  /** The workshop's silent brainstorm rounds as stored (live read). */
  private rounds: Brainstorm[] = [];
  private roundsRead = false;
  /** Refusals already noted (participant, entry, rev): a replay after a reconnect does not repeat them. */
  private noted = new Set<string>();
  private stopped = false;
  /** Authored cards as last published, to notice the facilitator removing or restoring one. */
  private authored = new Map<string, JourneyCard>();
  /** Resolves once the first read of the journey and its cards is in. */
  private readonly firstRead: Promise<void>;
  private markRead: () => void = () => undefined;

  constructor(private readonly opts: RoomSyncOptions) {
    this.db = opts.db ?? getDb();
    this.journeyId = opts.journeyId;
    this.firstRead = new Promise((r) => (this.markRead = r));
    this.socket = new HocuspocusProviderWebsocket({
      url: opts.info.hostWsUrl,
      ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {}),
    });
    this.shared = this.provider(sharedDocName(opts.info.roomId));
    this.shared.on('status', ({ status }: { status: string }) => useRoom.setState({ connected: status === 'connected' }));
    const roster = this.shared.document.getMap(SHARED.roster);
    roster.observe(() => this.onRoster(roster));
    const room = this.shared.document.getMap(SHARED.room);
    room.observe(() => useRoom.setState({ locked: room.get('locked') === true }));
    this.shared.on('synced', () => {
      this.onRoster(roster);
      // Live exercises are published once this window's copy is in step with the server.
      this.publishRound();
      this.publishVote();
      this.publishPhoneRounds();
    });
    this.watchJourney();
    this.watchPeople();
    this.watchRounds();
    this.watchVote();
    this.watchPhoneRounds();
  }

  private provider(name: string): HocuspocusProvider {
    const p = new HocuspocusProvider({ websocketProvider: this.socket, name, token: this.opts.info.hostToken });
    p.attach();
    return p;
  }

  /** The journey the phones work on. */
  setJourney(journeyId: string | null): void {
    if (journeyId === this.journeyId) return;
    this.journeyId = journeyId;
    this.watchJourney();
  }

  /** Resolves when everything received so far has been stored (tests, benchmarks). */
  settled(): Promise<void> {
    return this.queue;
  }

  stop(): void {
    this.stopped = true;
    this.cardSub?.unsubscribe();
    this.peopleSub?.unsubscribe();
    this.roundSub?.unsubscribe();
    this.voteSub?.unsubscribe();
    this.phoneRoundSub?.unsubscribe();
    for (const p of this.own.values()) p.destroy();
    this.own.clear();
    this.shared.destroy();
    this.socket.destroy();
  }

  // --- Who is in the room --------------------------------------------------------------------

  private onRoster(roster: Y.Map<unknown>): void {
    const entries: Record<string, RosterEntry> = {};
    for (const [id, v] of roster.entries()) {
      const e = rosterEntry(v);
      if (e && Object.keys(entries).length < roomLimits.participants * 2) entries[id] = e;
    }
    useRoom.setState({ roster: entries });
    for (const id of Object.keys(entries)) {
      if (!this.own.has(id)) this.follow(id);
    }
    this.enqueue(() => this.addNewPeople(entries));
  }

  /** People who typed a new name become participants of the workshop (same id as in the room). */
  private async addNewPeople(entries: Record<string, RosterEntry>): Promise<void> {
    const ws = this.opts.workshopId;
    const known = new Set((await this.db.participants.where('workshopId').equals(ws).toArray()).map((p) => p.id));
    const now = Date.now();
    const fresh = Object.entries(entries).filter(([id]) => !known.has(id));
    if (fresh.length === 0) return;
    const rows: Participant[] = fresh.map(([id, e], i) => ({ id, workshopId: ws, name: e.name.trim() || 'Participant', department: '', role: '', order: known.size + i, createdAt: now }));
    await applyCommand(this.db, { label: 'Participants joined the room', scope: ws, ops: rows.map((r) => putOp('participants', r)) }).catch((err: unknown) => this.refuse(null, null, err instanceof Error ? err.message : 'A participant could not be added.'));
  }

  private follow(participantId: string): void {
    const p = this.provider(participantDocName(this.opts.info.roomId, participantId));
    this.own.set(participantId, p);
    const cards = p.document.getMap(OWN.cards);
    const ideas = p.document.getMap(OWN.ideas);
    cards.observe((event) => {
      // Our own writes (removed flags) are not input.
      if (event.transaction.origin === this) return;
      for (const key of event.keysChanged) this.want(participantId, key, 'card');
    });
    ideas.observe((event) => {
      for (const key of event.keysChanged) this.want(participantId, key, 'idea');
    });
    const dots = p.document.getMap(OWN.dots);
    dots.observe((event) => {
      for (const key of event.keysChanged) this.want(participantId, key, 'dots');
    });
    const scores = p.document.getMap(OWN.scores);
    scores.observe((event) => {
      for (const key of event.keysChanged) this.want(participantId, key, 'scores');
    });
    const emotions = p.document.getMap(OWN.emotions);
    emotions.observe((event) => {
      for (const key of event.keysChanged) this.want(participantId, key, 'emotions');
    });
    p.on('synced', () => {
      for (const key of dots.keys()) this.want(participantId, key, 'dots');
      for (const key of scores.keys()) this.want(participantId, key, 'scores');
      for (const key of emotions.keys()) this.want(participantId, key, 'emotions');
      for (const key of cards.keys()) this.want(participantId, key, 'card');
      for (const key of ideas.keys()) this.want(participantId, key, 'idea');
    });
  }

  // --- Storing what devices add ----------------------------------------------------------------

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.stopped) return;
      try {
        await task();
      } catch (err) {
        console.warn('Room: an entry from a device could not be stored.', err);
      }
    });
  }

  /** Entries changed since the last batch (participant id + kind + entry id → the three). */
  private wanted = new Map<string, Wanted>();
  private draining = false;

  /**
   * Entries are stored in batches: whatever arrived while the previous batch was being written
   * goes in one command (one transaction, one re-read, one redraw), so a busy room does not
   * queue up one write per card. Each entry is read from its document when its batch starts, so
   * several quick edits of one card become one write of the newest.
   */
  private want(participantId: string, key: string, kind: Wanted['kind']): void {
    this.wanted.set(wantedKey({ participantId, key, kind }), { participantId, key, kind });
    if (this.draining) return;
    this.draining = true;
    this.enqueue(async () => {
      try {
        while (this.wanted.size > 0 && !this.stopped) {
          const batch = [...this.wanted.values()].slice(0, MAX_BATCH);
          for (const b of batch) this.wanted.delete(wantedKey(b));
          const cards = batch.filter((b) => b.kind === 'card');
          const ideas = batch.filter((b) => b.kind === 'idea');
          if (cards.length) await this.applyBatch(cards);
          if (ideas.length) await this.applyIdeas(ideas);
          for (const d of batch.filter((b) => b.kind === 'dots')) await this.applyDots(d);
          for (const d of batch.filter((b) => b.kind === 'scores' || b.kind === 'emotions')) await this.applySheet(d);
        }
      } finally {
        this.draining = false;
      }
    });
  }

  private async applyBatch(batch: readonly { participantId: string; key: string }[]): Promise<void> {
    await this.firstRead;
    const ws = this.opts.workshopId;
    const storedRows = await this.db.journeyCards.bulkGet(batch.map((b) => b.key));
    // The journey as this batch leaves it: later entries of the batch see earlier ones.
    const cards = new Map(this.cards.map((c) => [c.id, c]));
    const ops: Op[] = [];
    const arrived: string[] = [];
    const refusals: { participantId: string; key: string; message: string }[] = [];
    const names = new Set<string>();
    const touched = new Set<string>();
    // Counted and listed once per batch, kept up to date as entries apply (not rescanned per entry).
    const ownCounts = new Map<string, number>();
    for (const c of cards.values()) if (c.author) ownCounts.set(c.author.participantId, (ownCounts.get(c.author.participantId) ?? 0) + 1);
    let list: JourneyCard[] | null = null;
    const cardList = () => (list ??= [...cards.values()]);
    const count = (id: string | undefined, by: number) => {
      if (id) ownCounts.set(id, (ownCounts.get(id) ?? 0) + by);
    };
    batch.forEach(({ participantId, key }, i) => {
      const entry = this.own.get(participantId)?.document.getMap(OWN.cards).get(key);
      if (entry === undefined) return;
      const stored = cards.get(key) ?? storedRows[i];
      if (stored && stored.workshopId !== ws) return refusals.push({ participantId, key, message: 'That card belongs to someone else.' });
      const decision = mirrorDeviceCard(entry, { participantId, journey: this.journey, stored, cards: cardList(), ownCount: ownCounts.get(participantId) ?? 0 });
      if (decision.kind === 'skip') return;
      if (decision.kind === 'refuse') return refusals.push({ participantId, key: decision.cardId ?? key, message: decision.message });
      names.add(useRoom.getState().roster[participantId]?.name ?? 'a participant');
      if (decision.kind === 'delete') {
        touched.add(decision.id);
        count(cards.get(decision.id)?.author?.participantId, -1);
        cards.delete(decision.id);
        list = null;
        ops.push(deleteOp('journeyCards', decision.id));
        return;
      }
      const row = decision.row;
      touched.add(row.id);
      if (decision.created) {
        count(participantId, 1);
        list?.push(row);
      } else list = null;
      cards.set(row.id, row);
      arrived.push(row.id);
      if (decision.created) ops.push(putOp('journeyCards', row));
      else
        ops.push(
          updateOp('journeyCards', row.id, (cur) => {
            // Checked again inside the transaction: a newer revision may have been stored meanwhile.
            if (!cur.author || cur.author.participantId !== participantId || cur.author.rev >= row.author!.rev) throw new Stale();
            return row;
          }),
        );
    });
    for (const r of refusals) this.refuse(r.participantId, r.key, r.message);
    if (ops.length === 0) return;
    const label = names.size === 1 ? `Cards from ${[...names][0]}` : 'Cards from the room';
    try {
      await applyCommand(this.db, { label, scope: ws, touchWorkshop: ws, ops });
    } catch (err) {
      // One bad entry (a newer revision stored meanwhile, a limit) must not hold back the others.
      if (batch.length > 1) {
        for (const b of batch) await this.applyBatch([b]);
        return;
      }
      if (err instanceof Stale) return;
      const only = batch[0]!;
      this.refuse(only.participantId, only.key, err instanceof Error ? err.message : 'The card could not be stored.');
      return;
    }
    // Stored: published to the room at once, before this window redraws (the live read that
    // follows publishes the same cards again, which changes nothing).
    if (this.journey) {
      // Onto the cards as the live read has them now (the facilitator may have edited meanwhile).
      const next = this.cards.filter((c) => !touched.has(c.id));
      for (const id of touched) {
        const row = cards.get(id);
        if (row && row.journeyId === this.journey.id) next.push(row);
      }
      this.cards = next;
      this.publish();
    }
    const now = Date.now();
    useRoom.setState((s) => ({ arrivals: { ...pruned(s.arrivals), ...Object.fromEntries(arrived.map((id) => [id, now])) } }));
    // The snapshot schedule watches the revision: cards from phones are edits like any other.
    useHistory.setState((s) => ({ revision: s.revision + 1 }));
  }

  /**
   * Ideas for silent brainstorm rounds: all of a batch that go into one round are written in one
   * update of its row (checked against the sessions table's definition), outside the
   * facilitator's undo history. The room learns only the new counts.
   */
  private async applyIdeas(batch: readonly Wanted[]): Promise<void> {
    const ws = this.opts.workshopId;
    const stored = await this.db.sessions.where('workshopId').equals(ws).toArray();
    const rounds = new Map(stored.filter((r): r is Brainstorm => r.kind === 'brainstorm').map((r) => [r.id, r]));
    const live = liveBrainstorm([...rounds.values()]);
    const perRound = new Map<string, { decisions: Exclude<IdeaDecision, { kind: 'skip' | 'refuse' }>[]; entries: Wanted[]; names: Set<string> }>();
    const counted = new Map<string, number>();
    for (const w of batch) {
      const entry: unknown = this.own.get(w.participantId)?.document.getMap(OWN.ideas).get(w.key);
      if (entry === undefined) continue;
      const roundId = typeof entry === 'object' && entry !== null ? (entry as { brainstormId?: unknown }).brainstormId : undefined;
      const round = typeof roundId === 'string' ? rounds.get(roundId) : undefined;
      const countKey = `${w.participantId}\u0000${round?.id ?? ''}`;
      const ownCount = counted.get(countKey) ?? round?.ideas.filter((i) => i.participantId === w.participantId).length ?? 0;
      const decision = mirrorDeviceIdea(entry, { participantId: w.participantId, round, liveId: live?.id ?? null, ownCount });
      if (decision.kind === 'skip') continue;
      if (decision.kind === 'refuse') {
        const rev = typeof entry === 'object' && entry !== null ? String((entry as { rev?: unknown }).rev).slice(0, 20) : '';
        const once = `${w.participantId}\u0000${w.key}\u0000${rev}`;
        if (!this.noted.has(once)) {
          this.noted.add(once);
          this.refuse(w.participantId, decision.ideaId ?? w.key, decision.message);
        }
        continue;
      }
      if (decision.kind === 'put' && decision.created) counted.set(countKey, ownCount + 1);
      const group = perRound.get(round!.id) ?? { decisions: [], entries: [], names: new Set<string>() };
      group.decisions.push(decision);
      group.entries.push(w);
      group.names.add(useRoom.getState().roster[w.participantId]?.name ?? 'a participant');
      perRound.set(round!.id, group);
    }
    for (const [roundId, group] of perRound) {
      try {
        await applyCommand(this.db, {
          label: group.names.size === 1 ? `Ideas from ${[...group.names][0]}` : 'Ideas from the room',
          scope: ws,
          touchWorkshop: ws,
          ops: [
            updateOp('sessions', roundId, (cur) => {
              // Decided against the row as read above; written onto the row as stored now (the
              // facilitator may have kept, dropped or revealed meanwhile).
              if (cur.kind !== 'brainstorm' || cur.revealedAt !== null) throw new Stale();
              const next = withIdeas(cur, group.decisions);
              if (!next) throw new Error('The ideas could not be stored.');
              return next;
            }),
          ],
        });
      } catch (err) {
        if (group.entries.length > 1) {
          for (const w of group.entries) await this.applyIdeas([w]);
          continue;
        }
        const only = group.entries[0]!;
        this.refuse(only.participantId, only.key, err instanceof Stale ? 'The round has closed: your idea was not added.' : err instanceof Error ? err.message : 'The idea could not be stored.');
        continue;
      }
      useHistory.setState((s) => ({ revision: s.revision + 1 }));
    }
  }

  /**
   * One participant's dots in one vote: the facilitator's app enforces the budget, the items and
   * the round; the voter is the document's owner, so a second device of the same person changes
   * the same dots. Stored as Vote rows outside the facilitator's undo history.
   */
  private async applyDots(w: Wanted): Promise<void> {
    const doc = this.own.get(w.participantId)?.document;
    const entry: unknown = doc?.getMap(OWN.dots).get(w.key);
    if (!doc || entry === undefined) return;
    const ws = this.opts.workshopId;
    const db = this.db;
    const [sessions, votes, journeys, cards, segments, initiatives] = await Promise.all([
      db.sessions.where('workshopId').equals(ws).toArray(),
      db.votes.where('workshopId').equals(ws).toArray(),
      db.journeys.where('workshopId').equals(ws).toArray(),
      db.journeyCards.where('workshopId').equals(ws).toArray(),
      db.segments.where('workshopId').equals(ws).toArray(),
      db.initiatives.where('workshopId').equals(ws).toArray(),
    ]);
    const exercises = sessions.filter((r): r is VoteExercise => r.kind === 'vote');
    const exercise = exercises.find((e) => e.id === w.key);
    const live = liveVote(exercises);
    const targets = exercise ? voteCatalogue({ journeys, cards, segments, initiatives, sessions }).targetsOf(exercise.sources) : [];
    const stored = votes.filter((v) => v.exerciseId === w.key && v.participantId === w.participantId);
    const decision = mirrorDeviceDots(entry, { participantId: w.participantId, exercise, liveId: live?.id ?? null, targets, stored, now: Date.now() });
    const rev = typeof entry === 'object' && entry !== null ? Number((entry as { rev?: unknown }).rev) : NaN;
    const receipt = () => {
      if (!Number.isInteger(rev)) return;
      const note: DotsReceipt = { id: w.key, rev };
      doc.transact(() => doc.getMap(OWN.status).set('dots', note), this);
    };
    if (decision.kind === 'same') return receipt();
    if (decision.kind === 'refuse') {
      const once = `${w.participantId}\u0000dots\u0000${w.key}\u0000${rev}`;
      if (!this.noted.has(once)) {
        this.noted.add(once);
        this.refuse(w.participantId, w.key, decision.message);
      }
      return;
    }
    const name = useRoom.getState().roster[w.participantId]?.name ?? 'a participant';
    try {
      await applyCommand(db, {
        label: `Dots from ${name}`,
        scope: ws,
        touchWorkshop: ws,
        ops: [
          // The vote must still be open when the dots are written.
          updateOp('sessions', w.key, (cur) => {
            if (cur.kind !== 'vote' || cur.closedAt !== null) throw new Stale();
            return cur;
          }),
          ...decision.puts.map((v: Vote) => putOp('votes', v)),
          ...decision.deletes.map((id) => deleteOp('votes', id)),
        ],
      });
    } catch (err) {
      this.refuse(w.participantId, w.key, err instanceof Stale ? 'Voting has closed: your dots were not changed.' : err instanceof Error ? err.message : 'Your dots could not be stored.');
      return;
    }
    receipt();
    useHistory.setState((s) => ({ revision: s.revision + 1 }));
  }

  /**
   * One participant's whole sheet in a round answered on phones (scores of an assessment, emotion
   * per stage): checked against the round, its set or journey and the sessions table's
   * definition, then stored in the round's row in place of their earlier sheet, outside the
   * facilitator's undo history. A receipt in their document tells the phone it arrived (and
   * recognises a replay once the reveal has made the sheets anonymous).
   */
  private async applySheet(w: Wanted): Promise<void> {
    const kind = w.kind === 'scores' ? 'scores' : 'emotions';
    const doc = this.own.get(w.participantId)?.document;
    const entry: unknown = doc?.getMap(OWN[kind]).get(w.key);
    if (!doc || entry === undefined) return;
    const ws = this.opts.workshopId;
    const db = this.db;
    const rawReceipt: unknown = doc.getMap(OWN.status).get(kind);
    const receipt: SheetReceipt | null =
      isObject(rawReceipt) && typeof rawReceipt.id === 'string' && typeof rawReceipt.rev === 'number' ? { id: rawReceipt.id, rev: rawReceipt.rev } : null;
    const rev = isObject(entry) ? Number(entry.rev) : NaN;
    const sessions = await db.sessions.where('workshopId').equals(ws).toArray();
    let decision: SheetDecision<ScoringRound['sheets'][number] | EmotionRound['sheets'][number]>;
    if (!isObject(entry) || entry.id !== w.key) {
      decision = { kind: 'refuse', message: kind === 'scores' ? 'Your scores could not be read and were not stored.' : 'Your ratings could not be read and were not stored.' };
    } else if (kind === 'scores') {
      const rounds = sessions.filter((r): r is ScoringRound => r.kind === 'scoring');
      const round = rounds.find((r) => r.id === w.key);
      const run = round ? await db.assessments.get(round.runId) : undefined;
      const set = run && run.workshopId === ws ? this.opts.assessmentSets?.[run.set] : undefined;
      decision = mirrorDeviceScores(entry, { participantId: w.participantId, round, liveId: liveRound(rounds)?.id ?? null, receipt, set });
    } else {
      const rounds = sessions.filter((r): r is EmotionRound => r.kind === 'emotions');
      const round = rounds.find((r) => r.id === w.key);
      const journey = round ? await db.journeys.get(round.journeyId) : undefined;
      decision = mirrorDeviceEmotions(entry, { participantId: w.participantId, round, liveId: liveRound(rounds)?.id ?? null, receipt, journey: journey?.workshopId === ws ? journey : undefined });
    }
    const writeReceipt = () => {
      if (!Number.isInteger(rev) || (receipt?.id === w.key && receipt.rev >= rev)) return;
      const note: SheetReceipt = { id: w.key, rev };
      doc.transact(() => doc.getMap(OWN.status).set(kind, note), this);
    };
    if (decision.kind === 'same') return writeReceipt();
    if (decision.kind === 'refuse') {
      const once = `${w.participantId}\u0000${kind}\u0000${w.key}\u0000${rev}`;
      if (!this.noted.has(once)) {
        this.noted.add(once);
        this.refuse(w.participantId, w.key, decision.message);
      }
      return;
    }
    const sheet = decision.sheet;
    const name = useRoom.getState().roster[w.participantId]?.name ?? 'a participant';
    try {
      await applyCommand(db, {
        label: kind === 'scores' ? `Scores from ${name}` : `Emotions from ${name}`,
        scope: ws,
        touchWorkshop: ws,
        ops: [
          updateOp('sessions', w.key, (cur) => {
            // Decided against the row as read above; written onto the row as stored now (the
            // facilitator may have revealed meanwhile).
            if (cur.kind === 'scoring' && kind === 'scores' && cur.revealedAt === null) {
              const next = withSheet(cur, sheet as ScoringRound['sheets'][number]);
              if (!next) throw new Error('Your scores could not be stored.');
              return next;
            }
            if (cur.kind === 'emotions' && kind === 'emotions' && cur.closedAt === null) {
              const next = withSheet(cur, sheet as EmotionRound['sheets'][number]);
              if (!next) throw new Error('Your ratings could not be stored.');
              return next;
            }
            throw new Stale();
          }),
        ],
      });
    } catch (err) {
      const closed = kind === 'scores' ? 'Scoring has closed: your scores were not stored.' : 'The emotion round has closed: your ratings were not stored.';
      this.refuse(w.participantId, w.key, err instanceof Stale ? closed : err instanceof Error ? err.message : closed);
      return;
    }
    writeReceipt();
    useHistory.setState((s) => ({ revision: s.revision + 1 }));
  }

  private refuse(participantId: string | null, cardId: string | null, message: string): void {
    useRoom.setState((s) => ({ refused: s.refused + 1, lastRefusal: message }));
    const doc = participantId ? this.own.get(participantId)?.document : undefined;
    if (!doc) return;
    const note: RefusalNote = { cardId: cardId ?? '', message, at: Date.now() };
    doc.transact(() => doc.getMap(OWN.status).set('refused', note), this);
  }

  // --- Publishing what the room sees ----------------------------------------------------------

  private watchJourney(): void {
    this.cardSub?.unsubscribe();
    const id = this.journeyId;
    const db = this.db;
    this.cardSub = liveQuery(async () => {
      if (!id) return { journey: null, cards: [] as JourneyCard[] };
      const [journey, cards] = await Promise.all([db.journeys.get(id), db.journeyCards.where('journeyId').equals(id).toArray()]);
      return { journey: journey && journey.workshopId === this.opts.workshopId ? journey : null, cards };
    }).subscribe({
      next: ({ journey, cards }) => {
        this.journey = journey;
        this.cards = journey ? cards : [];
        this.publish();
        this.markRead();
      },
      error: (err: unknown) => console.warn('Room: could not read the journey.', err),
    });
  }

  private publish(): void {
    const doc = this.shared.document;
    const room = doc.getMap(SHARED.room);
    const cards = doc.getMap<PublishedCard>(SHARED.cards);
    const journey = this.journey;
    doc.transact(() => {
      const pj = journey ? publishJourney(journey) : null;
      if (JSON.stringify(room.get('journey') ?? null) !== JSON.stringify(pj)) room.set('journey', pj);
      const next = new Map(this.cards.map((c) => [c.id, publishCard(c)]));
      for (const key of [...cards.keys()]) if (!next.has(key)) cards.delete(key);
      for (const [key, c] of next) {
        const cur = cards.get(key);
        if (!cur || !samePublishedCard(cur, c)) cards.set(key, c);
      }
    }, this);
    this.noteRemovals();
  }

  /**
   * A participant's card the facilitator deleted is marked removed in their document (so no
   * replay brings it back and the phone stops offering it); undoing the deletion clears the mark.
   */
  private noteRemovals(): void {
    const now = new Map(this.cards.filter((c) => c.author).map((c) => [c.id, c]));
    const setRemoved = (card: JourneyCard, removed: boolean) => {
      const doc = this.own.get(card.author!.participantId)?.document;
      if (!doc) return;
      const map = doc.getMap<DeviceCard>(OWN.cards);
      const entry = map.get(card.id);
      if (!entry || entry.deleted || entry.rev !== card.author!.rev || Boolean(entry.removed) === removed) return;
      const { removed: _drop, ...rest } = entry;
      void _drop;
      doc.transact(() => map.set(card.id, removed ? { ...rest, removed: true } : rest), this);
    };
    if (this.journey) {
      for (const [id, card] of this.authored) if (!now.has(id)) setRemoved(card, true);
      for (const [id, card] of now) if (!this.authored.has(id)) setRemoved(card, false);
    }
    this.authored = now;
  }

  /** The live silent brainstorm round, as the room may see it: prompt, clock, counts; never the ideas. */
  private watchRounds(): void {
    const ws = this.opts.workshopId;
    const db = this.db;
    this.roundSub = liveQuery(() => db.sessions.where('workshopId').equals(ws).toArray()).subscribe({
      next: (rows) => {
        this.rounds = rows.filter((r): r is Brainstorm => r.kind === 'brainstorm');
        this.roundsRead = true;
        this.publishRound();
      },
      error: (err: unknown) => console.warn('Room: could not read the brainstorm rounds.', err),
    });
  }

  private publishRound(): void {
    // See publishPhoneRounds: nothing is written before this window's copy is in step.
    if (!this.roundsRead || !this.shared.synced) return;
    const room = this.shared.document.getMap(SHARED.room);
    const live = liveBrainstorm(this.rounds);
    const next = live ? publishBrainstorm(live) : null;
    if (JSON.stringify(room.get('brainstorm') ?? null) === JSON.stringify(next)) return;
    this.shared.document.transact(() => room.set('brainstorm', next), this);
  }

  /** The live dot vote, as the room may see it: its items and who is done; never anyone's dots until it closes. */
  private watchVote(): void {
    const ws = this.opts.workshopId;
    const db = this.db;
    this.voteSub = liveQuery(async () => {
      const sessions = await db.sessions.where('workshopId').equals(ws).toArray();
      const ex = liveVote(sessions.filter((r): r is VoteExercise => r.kind === 'vote'));
      if (!ex) return null;
      const [votes, journeys, cards, segments, initiatives] = await Promise.all([
        db.votes.where('workshopId').equals(ws).toArray(),
        db.journeys.where('workshopId').equals(ws).toArray(),
        db.journeyCards.where('workshopId').equals(ws).toArray(),
        db.segments.where('workshopId').equals(ws).toArray(),
        db.initiatives.where('workshopId').equals(ws).toArray(),
      ]);
      return publishVote(ex, voteCatalogue({ journeys, cards, segments, initiatives, sessions }).targetsOf(ex.sources), votes);
    }).subscribe({
      next: (next) => {
        this.vote = next;
        this.publishVote();
      },
      error: (err: unknown) => console.warn('Room: could not read the dot vote.', err),
    });
  }

  /**
   * The live rounds answered on phones, as the room may see them: an assessment's items and an
   * emotion round's stages, and who has finished; never a score or a rating.
   */
  private watchPhoneRounds(): void {
    const ws = this.opts.workshopId;
    const db = this.db;
    this.phoneRoundSub = liveQuery(async () => {
      const sessions = await db.sessions.where('workshopId').equals(ws).toArray();
      const scoring = liveRound(sessions.filter((r): r is ScoringRound => r.kind === 'scoring'));
      const emotions = liveRound(sessions.filter((r): r is EmotionRound => r.kind === 'emotions'));
      const [run, journey] = await Promise.all([scoring ? db.assessments.get(scoring.runId) : undefined, emotions ? db.journeys.get(emotions.journeyId) : undefined]);
      const set = run && run.workshopId === ws ? this.opts.assessmentSets?.[run.set] : undefined;
      return {
        scoring: scoring && set ? publishScoring(scoring, set) : null,
        emotions: emotions && journey && journey.workshopId === ws ? publishEmotions(emotions, journey) : null,
      };
    }).subscribe({
      next: (next) => {
        this.phoneRounds = next;
        this.publishPhoneRounds();
      },
      error: (err: unknown) => console.warn('Room: could not read the rounds answered on phones.', err),
    });
  }

  /** The rounds as last read, published once this window's copy of the shared document is in step with the server. */
  private phoneRounds: { scoring: PublishedScoring | null; emotions: PublishedEmotions | null } | null = null;

  private publishPhoneRounds(): void {
    const next = this.phoneRounds;
    // Written before the first sync after a reload, a value would race the one the server
    // holds from before the reload (both written without seeing the other), and could lose.
    if (!next || !this.shared.synced) return;
    const room = this.shared.document.getMap(SHARED.room);
    this.shared.document.transact(() => {
      if (JSON.stringify(room.get('scoring') ?? null) !== JSON.stringify(next.scoring)) room.set('scoring', next.scoring);
      if (JSON.stringify(room.get('emotions') ?? null) !== JSON.stringify(next.emotions)) room.set('emotions', next.emotions);
    }, this);
  }

  /** The live vote as last read (undefined: not read yet). */
  private vote: ReturnType<typeof publishVote> | null | undefined = undefined;

  private publishVote(): void {
    const next = this.vote;
    if (next === undefined || !this.shared.synced) return;
    const room = this.shared.document.getMap(SHARED.room);
    if (JSON.stringify(room.get('vote') ?? null) === JSON.stringify(next)) return;
    this.shared.document.transact(() => room.set('vote', next), this);
  }

  private watchPeople(): void {
    const ws = this.opts.workshopId;
    const db = this.db;
    let last = '';
    this.peopleSub = liveQuery(() => db.participants.where('workshopId').equals(ws).toArray()).subscribe({
      next: (people) => {
        const list = people
          .filter((p) => p.name.trim())
          .sort((a, b) => a.order - b.order)
          .slice(0, 500)
          .map((p) => ({ id: p.id, name: p.name.trim().slice(0, roomLimits.name) }));
        const key = JSON.stringify(list);
        if (key === last) return;
        last = key;
        this.opts.onPeople?.(list);
      },
      error: (err: unknown) => console.warn('Room: could not read the participants.', err),
    });
  }
}

interface Wanted {
  readonly participantId: string;
  readonly key: string;
  readonly kind: 'card' | 'idea' | 'dots' | 'scores' | 'emotions';
}
const wantedKey = (w: Wanted) => `${w.participantId}\u0000${w.kind}\u0000${w.key}`;

function pruned(arrivals: Readonly<Record<string, number>>): Record<string, number> {
  const cutoff = Date.now() - ARRIVAL_HIGHLIGHT_MS;
  return Object.fromEntries(Object.entries(arrivals).filter(([, at]) => at > cutoff));
}
