// Keeps the open room's identity in a file (Electron: the user-data folder), so a room survives
// a crash of the app: opening the same workshop's room again gives the same link and code, and
// phones reconnect with the tokens they hold. The file holds secrets (tokens): readable by the
// user only, written whole (temp file + rename), removed when the room is closed. What is read
// back is checked (parseSavedRoom); anything else is ignored and a new room opens.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseSavedRoom, type RoomPersistence } from './room-server';

export function fileRoomPersistence(path: string): RoomPersistence {
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return null;
      }
      if (text.length > 200_000) return null;
      try {
        return parseSavedRoom(JSON.parse(text));
      } catch {
        return null;
      }
    },
    save(room) {
      if (!room) {
        rmSync(path, { force: true });
        return;
      }
      const temp = `${path}.tmp`;
      writeFileSync(temp, JSON.stringify(room), { mode: 0o600 });
      renameSync(temp, path);
    },
  };
}
