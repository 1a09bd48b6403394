// The room on the facilitator's screens: the join card (QR code, raw IPv4 address, join code)
// that latecomers can always find, the room bar with who is connected, and the room panel where
// the facilitator locks input, removes people, picks the journey and closes the room. Text from
// devices (names) is shown as plain text only.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { DoorClosed, Lock, LockOpen, QrCode, Users } from 'lucide-react';
import { authorColour, formatJoinCode, type RosterEntry } from '../../domain/room';
import type { Journey } from '../../domain/journey';
import type { Workshop } from '../../domain/workshop';
import { chooseRoomJourney, closeRoom, openRoom, removeFromRoom, resumeRoom, setRoomLocked } from '../../room/room-controller';
import { useRoom } from '../../room/room-store';
import type { RoomInfo } from '../../host/host-types';
import { notify } from '../../state/notifications';
import { getHost } from '../../host/host';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Dialog } from '../../ui/dialog';
import { assessmentLibrary } from './assessments';
import './room.css';

/** The QR code of a link, drawn as an SVG image (no network, no script). */
export function QrImage({ url, size, label }: { url: string; size: number; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } })
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  return src ? <img className="room-qr" src={src} width={size} height={size} alt={label} /> : <div className="room-qr room-qr-empty" style={{ width: size, height: size }} aria-hidden />;
}

/** "http://192.168.1.5:41234": what people type if they cannot scan. */
export const shownAddress = (joinUrl: string) => joinUrl.replace(/\/?#.*$/, '');

/** The QR code, the address and the join code, as large as `size` asks. */
export function RoomJoinCard({ info, size = 'normal' }: { info: RoomInfo; size?: 'normal' | 'large' }) {
  const url = info.joinUrls[0] ?? '';
  return (
    <section className={`room-join room-join-${size}`} aria-label="Join the room">
      <QrImage url={url} size={size === 'large' ? 420 : 180} label="QR code: scan with your phone's camera to join" />
      <div className="room-join-text">
        <p className="room-join-step">Scan the code, or open</p>
        <p className="room-join-address" aria-label="Address">
          {shownAddress(url)}
        </p>
        <p className="room-join-step">and type the code</p>
        <p className="room-join-code" aria-label="Join code">
          {formatJoinCode(info.code)}
        </p>
        {info.joinUrls.length > 1 ? (
          <p className="room-join-other">
            On another network: {info.joinUrls.slice(1, 4).map(shownAddress).join(' · ')}
          </p>
        ) : null}
      </div>
    </section>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** Who is in the room: a chip per person, with their colour, and whether they are connected. */
export function PresenceStrip({ roster }: { roster: Readonly<Record<string, RosterEntry>> }) {
  const people = Object.entries(roster).filter(([, e]) => !e.removed);
  const online = people.filter(([, e]) => e.online > 0).length;
  return (
    <div className="room-presence" role="group" aria-label={`${online} of ${people.length} participants connected`}>
      {people.slice(0, 24).map(([id, e]) => (
        <span key={id} className={`room-person${e.online > 0 ? ' room-person-online' : ''}`} title={`${e.name}${e.online > 0 ? '' : ' (not connected)'}`} style={{ background: authorColour(id) }}>
          {initials(e.name)}
          <span className="visually-hidden">
            {e.name}
            {e.online > 0 ? ', connected' : ', not connected'}
          </span>
        </span>
      ))}
      {people.length > 24 ? <span className="room-person-more">+{people.length - 24}</span> : null}
      <span className="room-presence-count" aria-hidden>
        {online} connected
      </span>
    </div>
  );
}

/**
 * After a reload of this window, the room the host still runs for this workshop comes back (its
 * sync stores what the phones send). Every screen a room can be used from calls it: the workshop
 * (through RoomButton) and run mode, where silent brainstorms and dot votes take input from phones.
 */
export function useRoomResume(workshopId: string): void {
  useEffect(() => {
    void resumeRoom(workshopId, assessmentLibrary.sets);
  }, [workshopId]);
}

/** Sidebar entry: opens the room, or shows that it is open. */
export function RoomButton({ workshop }: { workshop: Workshop }) {
  const phase = useRoom((s) => s.phase);
  const mine = useRoom((s) => s.info?.workshopId === workshop.id);
  const error = useRoom((s) => s.error);
  useRoomResume(workshop.id);
  useEffect(() => {
    if (error) notify({ kind: 'error', message: error });
  }, [error]);
  if (phase === 'open' && mine) return null;
  return (
    <button type="button" className="sidebar-button sidebar-room" onClick={() => void openRoom(workshop, assessmentLibrary.sets)} disabled={phase === 'opening' || phase === 'closing'}>
      <Users size={16} aria-hidden /> {phase === 'opening' ? 'Opening the room…' : 'Open the room'}
    </button>
  );
}

/** Across the top of the workshop while its room is open. */
export function RoomBar({ workshop, journeys }: { workshop: Workshop; journeys: readonly Journey[] }) {
  const info = useRoom((s) => (s.info?.workshopId === workshop.id ? s.info : null));
  const roster = useRoom((s) => s.roster);
  const locked = useRoom((s) => s.locked);
  const connected = useRoom((s) => s.connected);
  const refused = useRoom((s) => s.refused);
  const [panel, setPanel] = useState(false);
  const [big, setBig] = useState(false);
  if (!info) return null;
  return (
    <div className="room-bar" role="region" aria-label="Room">
      <span className={`room-status${connected ? ' room-status-on' : ''}`}>{connected ? 'Room open' : 'Room: connecting…'}</span>
      <span className="room-bar-join">
        <span className="room-bar-address">{shownAddress(info.joinUrls[0] ?? '')}</span>
        <span className="room-bar-code" aria-label={`Join code ${formatJoinCode(info.code)}`}>
          {formatJoinCode(info.code)}
        </span>
      </span>
      <PresenceStrip roster={roster} />
      {locked ? <span className="room-locked-note">Input paused</span> : null}
      {refused > 0 ? <span className="room-refused-note">{refused === 1 ? '1 entry refused' : `${refused} entries refused`}</span> : null}
      <span className="room-bar-actions">
        <button type="button" className="btn btn-small" onClick={() => setBig(true)}>
          <QrCode size={16} aria-hidden /> Show join code
        </button>
        <button type="button" className="btn btn-small" aria-pressed={locked} onClick={() => void setRoomLocked(!locked).catch((e: Error) => notify({ kind: 'error', message: e.message }))}>
          {locked ? <LockOpen size={16} aria-hidden /> : <Lock size={16} aria-hidden />} {locked ? 'Unlock input' : 'Lock input'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setPanel(true)}>
          <Users size={16} aria-hidden /> Room
        </button>
      </span>
      {big ? (
        <div className="room-big" role="dialog" aria-modal="true" aria-label="Join the room" onKeyDown={(e) => e.key === 'Escape' && setBig(false)}>
          <RoomJoinCard info={info} size="large" />
          <button type="button" className="btn btn-primary room-big-close" autoFocus onClick={() => setBig(false)}>
            Back to the workshop
          </button>
        </div>
      ) : null}
      <RoomPanel open={panel} onClose={() => setPanel(false)} info={info} journeys={journeys} />
    </div>
  );
}

function RoomPanel({ open, onClose, info, journeys }: { open: boolean; onClose: () => void; info: RoomInfo; journeys: readonly Journey[] }) {
  const roster = useRoom((s) => s.roster);
  const journeyId = useRoom((s) => s.journeyId);
  const lastRefusal = useRoom((s) => s.lastRefusal);
  const refused = useRoom((s) => s.refused);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const [closing, setClosing] = useState(false);
  const people = Object.entries(roster);
  return (
    <>
      <Dialog
        title="The room"
        open={open}
        onClose={onClose}
        wide
        footer={
          <button type="button" className="btn btn-danger" onClick={() => setClosing(true)}>
            <DoorClosed size={16} aria-hidden /> Close the room
          </button>
        }
      >
        <div className="room-panel">
          <RoomJoinCard info={info} />
          <div className="room-panel-side">
            <label className="field">
              <span className="field-label">Journey on the phones</span>
              <select className="field-input" value={journeyId ?? ''} onChange={(e) => chooseRoomJourney(e.target.value)} disabled={journeys.length === 0}>
                {journeys.length === 0 ? <option value="">No journey yet</option> : null}
                {journeys.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.name}
                  </option>
                ))}
              </select>
            </label>
            <h3 className="room-panel-heading">People ({people.filter(([, e]) => !e.removed).length})</h3>
            {people.length === 0 ? <p className="room-panel-empty">Nobody has joined yet.</p> : null}
            <ul className="room-people">
              {people.map(([id, e]) => (
                <li key={id} className="room-people-row">
                  <span className="room-person room-person-online" style={{ background: authorColour(id) }} aria-hidden>
                    {initials(e.name)}
                  </span>
                  <span className="room-people-name">{e.name}</span>
                  <span className="room-people-state">{e.removed ? 'Removed' : e.online > 0 ? 'Connected' : 'Not connected'}</span>
                  {e.removed ? null : (
                    <button type="button" className="btn btn-small" aria-label={`Remove ${e.name} from the room`} onClick={() => setRemoving({ id, name: e.name })}>
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {refused > 0 ? (
              <p className="room-panel-refused" role="status">
                {refused} {refused === 1 ? 'entry' : 'entries'} from phones refused. Last: {lastRefusal}
              </p>
            ) : null}
          </div>
        </div>
      </Dialog>
      <ConfirmDialog
        title={removing ? `Remove ${removing.name} from the room?` : ''}
        open={removing !== null}
        onClose={() => setRemoving(null)}
        confirmLabel="Remove"
        danger
        onConfirm={async () => {
          if (!removing) return;
          await removeFromRoom(removing.id).catch((e: Error) => {
            notify({ kind: 'error', message: e.message });
          });
        }}
      >
        <p>Their phone loses access at once. The cards they added stay on the journey.</p>
      </ConfirmDialog>
      <ConfirmDialog
        title="Close the room?"
        open={closing}
        onClose={() => setClosing(false)}
        confirmLabel="Close the room"
        danger
        onConfirm={() => {
          onClose();
          return closeRoom();
        }}
      >
        <p>Phones are disconnected and the link and code stop working. Everything added so far stays in the workshop.</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * The join card in a corner of the presenter window while the room is open, so latecomers can
 * always join. The presenter window is a window of its own: it asks the host every few seconds.
 */
export function RoomJoinCorner({ workshopId }: { workshopId: string }) {
  const [info, setInfo] = useState<RoomInfo | null>(null);
  useEffect(() => {
    let live = true;
    const look = () =>
      getHost()
        .room.status()
        .then((i) => live && setInfo(i && i.workshopId === workshopId ? i : null))
        .catch(() => live && setInfo(null));
    void look();
    const timer = setInterval(() => void look(), 3000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [workshopId]);
  if (!info) return null;
  const url = info.joinUrls[0] ?? '';
  return (
    <aside className="room-corner" aria-label="Join the room">
      <QrImage url={url} size={150} label="QR code: scan with your phone's camera to join" />
      <p className="room-corner-address">{shownAddress(url)}</p>
      <p className="room-corner-code">{formatJoinCode(info.code)}</p>
    </aside>
  );
}
