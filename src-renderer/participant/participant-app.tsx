// The participant page's flow: join code (when the link had no room token), who are you, then the
// room. A phone that joined a room before goes straight back in as the same person, without a
// request (the room may be out of reach right now).
import { useCallback, useEffect, useRef, useState } from 'react';
import { normaliseJoinCode, type RoomAnswer } from '../domain/room';
import type { JoinApi } from './join-api';
import { CodeScreen, MessageScreen, PickScreen } from './join-screens';
import { forgetIdentity, identityForRoomToken, roomTokenFromHash, saveIdentity, type Identity, type StorageLike } from './participant-model';
import type { RoomConnection } from './room-connection';
import { RoomScreen } from './room-screen';
import { useConnectionFacts } from './use-room';

export interface ParticipantAppProps {
  readonly api: JoinApi;
  readonly storage: StorageLike;
  readonly connect: (identity: Identity) => RoomConnection;
  /** The page's fragment at start (`#t=<roomToken>` from the QR code). */
  readonly initialHash: string;
  /** Puts the room token into the address, so a reload finds the room again. */
  readonly rememberToken: (roomToken: string) => void;
}

type Step =
  | { readonly step: 'code'; readonly busy: boolean; readonly error: string | null }
  | { readonly step: 'loading'; readonly roomToken: string }
  | { readonly step: 'failed'; readonly roomToken: string; readonly message: string }
  | { readonly step: 'pick'; readonly roomToken: string; readonly room: RoomAnswer; readonly busy: boolean; readonly error: string | null }
  | { readonly step: 'room'; readonly identity: Identity };

export function ParticipantApp({ api, storage, connect, initialHash, rememberToken }: ParticipantAppProps) {
  const [step, setStep] = useState<Step>(() => {
    const roomToken = roomTokenFromHash(initialHash);
    if (!roomToken) return { step: 'code', busy: false, error: null };
    const known = identityForRoomToken(storage, roomToken);
    return known ? { step: 'room', identity: known } : { step: 'loading', roomToken };
  });

  const loadRoom = useCallback(
    async (roomToken: string) => {
      setStep({ step: 'loading', roomToken });
      const res = await api.room(roomToken);
      setStep(res.ok ? { step: 'pick', roomToken, room: res.value, busy: false, error: null } : { step: 'failed', roomToken, message: res.message });
    },
    [api],
  );

  const started = useRef(false);
  useEffect(() => {
    if (step.step === 'loading' && !started.current) {
      started.current = true;
      void loadRoom(step.roomToken);
    }
  }, [step, loadRoom]);

  const submitCode = async (typed: string) => {
    const code = normaliseJoinCode(typed);
    if (!code) return setStep({ step: 'code', busy: false, error: 'A join code has 6 letters and digits, like KX4-P7M.' });
    setStep({ step: 'code', busy: true, error: null });
    const res = await api.code(code);
    if (!res.ok) return setStep({ step: 'code', busy: false, error: res.message });
    rememberToken(res.value.roomToken);
    const known = identityForRoomToken(storage, res.value.roomToken);
    if (known) setStep({ step: 'room', identity: known });
    else await loadRoom(res.value.roomToken);
  };

  const pick = async (s: Extract<Step, { step: 'pick' }>, person: { participantId?: string; name: string }) => {
    setStep({ ...s, busy: true, error: null });
    const res = await api.enter({ roomToken: s.roomToken, name: person.name, ...(person.participantId ? { participantId: person.participantId } : {}) });
    if (!res.ok) return setStep({ ...s, busy: false, error: res.message });
    const identity: Identity = { roomId: res.value.roomId, roomToken: s.roomToken, participantId: res.value.participantId, token: res.value.token, name: person.name, title: s.room.title };
    saveIdentity(storage, identity);
    setStep({ step: 'room', identity });
  };

  const pickAgain = (identity: Identity) => {
    forgetIdentity(storage, identity.roomId);
    void loadRoom(identity.roomToken);
  };

  switch (step.step) {
    case 'code':
      return <CodeScreen busy={step.busy} error={step.error} onSubmit={(typed) => void submitCode(typed)} />;
    case 'loading':
      return <MessageScreen title="Joining the workshop…" />;
    case 'failed':
      return (
        <MessageScreen
          title="Could not join"
          message={step.message}
          action={{ label: 'Try again', run: () => void loadRoom(step.roomToken) }}
        />
      );
    case 'pick':
      return <PickScreen room={step.room} busy={step.busy} error={step.error} onPick={(person) => void pick(step, person)} />;
    case 'room':
      return <ConnectedRoom key={`${step.identity.roomId}/${step.identity.participantId}`} identity={step.identity} connect={connect} onPickAgain={() => pickAgain(step.identity)} />;
  }
}

function ConnectedRoom({ identity, connect, onPickAgain }: { identity: Identity; connect: ParticipantAppProps['connect']; onPickAgain: () => void }) {
  const [conn, setConn] = useState<RoomConnection | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const c = connect(identity);
    setConn(c);
    let live = true;
    void c.loaded.then(() => live && setLoaded(true));
    return () => {
      live = false;
      c.destroy();
    };
  }, [connect, identity]);
  if (!conn || !loaded) return <MessageScreen title="Opening the workshop…" />;
  return <LiveRoom conn={conn} identity={identity} onPickAgain={onPickAgain} />;
}

function LiveRoom({ conn, identity, onPickAgain }: { conn: RoomConnection; identity: Identity; onPickAgain: () => void }) {
  const facts = useConnectionFacts(conn);
  return <RoomScreen identity={identity} shared={conn.shared} own={conn.own} facts={facts} onNotYou={onPickAgain} onRejoin={onPickAgain} />;
}
