// What the facilitator's screens know of the open room (zustand): the room's addresses, who is
// in it, whether input is locked, what was refused, and which cards just arrived (highlighted).
import { create } from 'zustand';
import type { RoomInfo } from '../host/host-types';
import type { RosterEntry } from '../domain/room';

export type RoomPhase = 'closed' | 'opening' | 'open' | 'closing';

export interface RoomState {
  readonly phase: RoomPhase;
  readonly info: RoomInfo | null;
  /** The facilitator's app's own connection to the room server. */
  readonly connected: boolean;
  readonly roster: Readonly<Record<string, RosterEntry>>;
  readonly locked: boolean;
  /** The journey the phones work on. */
  readonly journeyId: string | null;
  /** Entries from devices that were refused (invalid, too long, over a cap), and the last reason. */
  readonly refused: number;
  readonly lastRefusal: string | null;
  /** Card id → when it arrived from a device (ms), for a short highlight on the shared screen. */
  readonly arrivals: Readonly<Record<string, number>>;
  /** Participant id → name, for the author shown on a card (room roster and workshop participants). */
  readonly names: Readonly<Record<string, string>>;
  readonly error: string | null;
}

export const initialRoomState: RoomState = {
  phase: 'closed',
  info: null,
  connected: false,
  roster: {},
  locked: false,
  journeyId: null,
  refused: 0,
  lastRefusal: null,
  arrivals: {},
  names: {},
  error: null,
};

export const useRoom = create<RoomState>(() => initialRoomState);

/** How long a card that just arrived stays highlighted. */
export const ARRIVAL_HIGHLIGHT_MS = 4000;
