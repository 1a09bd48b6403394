// The phone's room screen: who and where you are, whether the room hears you, the published
// journey one stage at a time, and this phone's undo. Writes go only to the phone's own document.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { capText } from '../domain/text';
import {
  addCardProblem,
  cardInputProblem,
  colourIndex,
  deletedCard,
  editedCard,
  newCard,
  pushUndo,
  readOwn,
  readShared,
  roomStatus,
  stageLanes,
  statusText,
  undoneCard,
  viewCaps,
  writeOwnCards,
  type ConnectionFacts,
  type Identity,
  type UndoStep,
} from './participant-model';
import { LaneSection, type LaneActions } from './lane-view';
import { BrainstormView } from './brainstorm-view';
import { VotePanel } from './vote-view';
import { ScoreView } from './score-view';
import { EmotionView } from './emotion-view';
import { useDocVersion } from './use-room';

export interface RoomScreenProps {
  readonly identity: Identity;
  readonly shared: Y.Doc;
  readonly own: Y.Doc;
  readonly facts: ConnectionFacts;
  readonly onNotYou: () => void;
  readonly onRejoin: () => void;
  /** Clock for createdAt (tests pass a fixed one). */
  readonly now?: () => number;
}

/** What the phone shows: a live exercise or the journey. */
type View = 'round' | 'vote' | 'scoring' | 'emotions' | 'journey';

export function RoomScreen({ identity, shared, own, facts, onNotYou, onRejoin, now = Date.now }: RoomScreenProps) {
  const sharedVersion = useDocVersion(shared);
  const ownVersion = useDocVersion(own);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the version stands for the document's content
  const sharedView = useMemo(() => readShared(shared), [shared, sharedVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the version stands for the document's content
  const ownView = useMemo(() => readOwn(own), [own, ownVersion]);
  const me = identity.participantId;
  const status = roomStatus(facts, sharedView, me);
  const journey = sharedView.journey;
  const [pickedStage, setPickedStage] = useState<string | null>(null);
  const stage = journey?.stages.find((s) => s.id === pickedStage) ?? journey?.stages[0] ?? null;
  const [undo, setUndo] = useState<UndoStep[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  // A new silent brainstorm round or dot vote opens on its own (once each); the phone can go back to the journey.
  const round = sharedView.brainstorm;
  const vote = sharedView.vote;
  const scoring = sharedView.scoring;
  const emotions = sharedView.emotions;
  const [view, setView] = useState<{ opened: readonly string[]; pick: View }>({ opened: [], pick: 'journey' });
  // A refusal belongs to what the phone was doing: a new exercise opening, or Dismiss, puts it away.
  const [seenRefusal, setSeenRefusal] = useState<number | null>(null);
  const opens = (key: string, p: View) => {
    setView({ opened: [...view.opened, key].slice(-20), pick: p });
    setNotice(null);
    setSeenRefusal(ownView.refused?.at ?? null);
  };
  if (round && !round.revealed && !view.opened.includes(`round:${round.id}`)) opens(`round:${round.id}`, 'round');
  else if (vote && !vote.closed && !view.opened.includes(`vote:${vote.id}`)) opens(`vote:${vote.id}`, 'vote');
  else if (scoring && !scoring.revealed && !view.opened.includes(`scoring:${scoring.id}`)) opens(`scoring:${scoring.id}`, 'scoring');
  else if (emotions && !emotions.closed && !view.opened.includes(`emotions:${emotions.id}`)) opens(`emotions:${emotions.id}`, 'emotions');
  const shown: View =
    view.pick === 'round' && round ? 'round' : view.pick === 'vote' && vote ? 'vote' : view.pick === 'scoring' && scoring ? 'scoring' : view.pick === 'emotions' && emotions ? 'emotions' : 'journey';
  const pick = (p: View) => {
    setView((v) => ({ ...v, pick: p }));
    setNotice(null);
  };

  const ended = status === 'closed' || status === 'removed';
  const canWrite = !ended && !sharedView.locked;
  const lanes = useMemo(() => (stage ? stageLanes(sharedView, ownView, me, stage.id) : []), [sharedView, ownView, me, stage]);

  const record = (step: UndoStep, message: string) => {
    setUndo((u) => pushUndo(u, step));
    setNotice(message);
  };
  const actions: LaneActions = {
    add(laneId, text) {
      if (!canWrite || !journey || !stage) return 'Cards cannot be added right now.';
      const problem = cardInputProblem(text) ?? addCardProblem(ownView);
      if (problem) return problem;
      const card = newCard({ journeyId: journey.id, stageId: stage.id, laneId }, text, now());
      writeOwnCards(own, [card]);
      record({ cardId: card.id, before: null, label: 'Undo add' }, 'Card added.');
      return null;
    },
    edit(cardId, text) {
      const prev = ownView.cards.get(cardId);
      if (!canWrite || !prev || prev.removed || prev.deleted) return 'This card cannot be edited any more.';
      const problem = cardInputProblem(text);
      if (problem) return problem;
      if (text === prev.text) return null;
      writeOwnCards(own, [editedCard(prev, text)]);
      record({ cardId, before: prev, label: 'Undo edit' }, 'Card saved.');
      return null;
    },
    remove(cardId) {
      const prev = ownView.cards.get(cardId);
      if (!canWrite || !prev || prev.removed || prev.deleted) return;
      writeOwnCards(own, [deletedCard(prev)]);
      record({ cardId, before: prev, label: 'Undo delete' }, 'Card deleted.');
    },
  };
  const lastUndo = undo.at(-1);
  const runUndo = () => {
    if (!lastUndo || !canWrite) return;
    const next = undoneCard(ownView.cards.get(lastUndo.cardId), lastUndo);
    setUndo((u) => u.slice(0, -1));
    if (!next) return setNotice('That card was removed by the facilitator: there is nothing to undo.');
    writeOwnCards(own, [next]);
    setNotice('Undone.');
  };

  const colour = colourIndex(me);
  return (
    <div className={`room status-${status}`}>
      <header className="room-header">
        <h1 className="title">{capText(sharedView.title || identity.title || 'Workshop', viewCaps.name)}</h1>
        <div className="me">
          <span className={`me-name author-${colour}`}>
            <span className="dot" aria-hidden="true" />
            {capText(identity.name, viewCaps.name)}
          </span>
          <button type="button" className="link" onClick={onNotYou}>
            Not you?
          </button>
        </div>
        <p className={`status ${status}`} role="status">
          <span className="status-dot" aria-hidden="true" />
          {statusText[status]}
        </p>
      </header>

      {status === 'closed' && (
        <div className="banner ended">
          <p>The facilitator has closed this room. Your cards stay on this phone.</p>
          <button type="button" className="button secondary" onClick={onRejoin}>
            Join again
          </button>
        </div>
      )}
      {sharedView.locked && !ended && (
        <p className="banner paused" role="alert">
          The facilitator has paused input
        </p>
      )}
      {ownView.refused && ownView.refused.at !== seenRefusal && (
        <div className="banner refused">
          <p role="alert">{capText(ownView.refused.message, viewCaps.message)}</p>
          <button type="button" className="button small" onClick={() => setSeenRefusal(ownView.refused?.at ?? null)}>
            Dismiss
          </button>
        </div>
      )}

      {(round || vote || scoring || emotions) && (
        <nav className="views" aria-label="What to work on">
          {round && (
            <button type="button" className="view-tab" aria-pressed={shown === 'round'} onClick={() => pick('round')}>
              Brainstorm
            </button>
          )}
          {vote && (
            <button type="button" className="view-tab" aria-pressed={shown === 'vote'} onClick={() => pick('vote')}>
              Vote
            </button>
          )}
          {scoring && (
            <button type="button" className="view-tab" aria-pressed={shown === 'scoring'} onClick={() => pick('scoring')}>
              Score
            </button>
          )}
          {emotions && (
            <button type="button" className="view-tab" aria-pressed={shown === 'emotions'} onClick={() => pick('emotions')}>
              Emotions
            </button>
          )}
          <button type="button" className="view-tab" aria-pressed={shown === 'journey'} onClick={() => pick('journey')}>
            Journey
          </button>
        </nav>
      )}

      {shown === 'round' && round ? (
        <BrainstormView round={round} own={ownView} ownDoc={own} me={me} canWrite={canWrite} now={now} onNotice={setNotice} />
      ) : shown === 'vote' && vote ? (
        <VotePanel vote={vote} own={ownView} ownDoc={own} canWrite={canWrite} onNotice={setNotice} />
      ) : shown === 'scoring' && scoring ? (
        <ScoreView key={scoring.id} scoring={scoring} own={ownView} ownDoc={own} me={me} canWrite={canWrite} onNotice={setNotice} />
      ) : shown === 'emotions' && emotions ? (
        <EmotionView key={emotions.id} round={emotions} own={ownView} ownDoc={own} me={me} canWrite={canWrite} onNotice={setNotice} />
      ) : !journey || !stage ? (
        <p className="waiting">Waiting for the facilitator to share the journey.</p>
      ) : (
        <>
          <h2 className="journey-name">{capText(journey.name, viewCaps.name)}</h2>
          <StageTabs stages={journey.stages} current={stage.id} onPick={setPickedStage} label={capText(journey.name, viewCaps.name)} />
          <div role="tabpanel" id={`panel-${stage.id}`} aria-labelledby={`tab-${stage.id}`} className="stage-panel">
            {lanes.map((lane) => (
              <LaneSection key={`${stage.id}/${lane.laneId}`} lane={lane} canWrite={canWrite} actions={actions} />
            ))}
          </div>
        </>
      )}

      <footer className={`undo-bar${lastUndo || notice ? '' : ' idle'}`}>
        <p className="notice" role="status">
          {notice}
        </p>
        {lastUndo && (
          <button type="button" className="button secondary" disabled={!canWrite} onClick={runUndo}>
            {lastUndo.label}
          </button>
        )}
      </footer>
    </div>
  );
}

function StageTabs(props: { stages: readonly { id: string; name: string }[]; current: string; onPick: (id: string) => void; label: string }) {
  const refs = useRef(new Map<string, HTMLButtonElement>());
  // The picked stage's tab comes fully into view (a tab half off the edge may have been tapped).
  const current = props.current;
  useEffect(() => {
    refs.current.get(current)?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  const move = (e: KeyboardEvent, index: number) => {
    const last = props.stages.length - 1;
    const to = e.key === 'ArrowRight' ? Math.min(last, index + 1) : e.key === 'ArrowLeft' ? Math.max(0, index - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (to === null) return;
    e.preventDefault();
    const id = props.stages[to]!.id;
    props.onPick(id);
    refs.current.get(id)?.focus();
  };
  return (
    <div className="stages" role="tablist" aria-label={`Stages of ${props.label}`}>
      {props.stages.map((s, i) => (
        <button
          key={s.id}
          ref={(el) => {
            if (el) refs.current.set(s.id, el);
            else refs.current.delete(s.id);
          }}
          type="button"
          role="tab"
          id={`tab-${s.id}`}
          aria-selected={s.id === props.current}
          aria-controls={s.id === props.current ? `panel-${s.id}` : undefined}
          tabIndex={s.id === props.current ? 0 : -1}
          className="stage-tab"
          onClick={() => props.onPick(s.id)}
          onKeyDown={(e) => move(e, i)}
        >
          {capText(s.name, viewCaps.name)}
        </button>
      ))}
    </div>
  );
}
