// Entry of the participant page (served by the room server to phones on the room's network).
// It may import only domain/, ui/tokens and this folder (lint enforces it): no app screens, no
// library database, so the page stays small and holds nothing of the facilitator's data.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'virtual:participant-tokens.css';
import './participant.css';
import { joinApi } from './join-api';
import { ParticipantApp } from './participant-app';
import { openRoomConnection } from './room-connection';

/** The page's storage, or a memory stand-in when the browser refuses it (private mode): joining still works for this visit. */
function pageStorage(): Storage {
  try {
    const probe = '__centric_probe__';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    const items = new Map<string, string>();
    return {
      get length() {
        return items.size;
      },
      key: (i: number) => [...items.keys()][i] ?? null,
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
      clear: () => items.clear(),
    };
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ParticipantApp
      api={joinApi}
      storage={pageStorage()}
      connect={openRoomConnection}
      initialHash={location.hash}
      rememberToken={(roomToken) => history.replaceState(null, '', `#t=${roomToken}`)}
    />
  </StrictMode>,
);
