// Owns user-chosen files: the save and open dialogs and the reads/writes that follow them.
// Must never write to a path the user did not pick in a dialog, and never in place.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  BrowserWindow,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { MAX_FILE_BYTES, type IpcRequest, type IpcResults } from './ipc-contract';
import { describeWriteError, writeFileAtomic } from './atomic-write';

/** Electron's dialog module, narrowed to what we use so tests can stand in for the user. */
export interface FileDialogs {
  showSaveDialog(owner: BrowserWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(owner: BrowserWindow | null, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** A suggested name only pre-fills the dialog; separators would let it steer the folder. */
export function safeFileName(name: string): string {
  const cleaned = Array.from(name, (ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/^\.+/, '')
    .trim();
  return cleaned || 'Untitled';
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export async function saveWithDialog(
  dialogs: FileDialogs,
  owner: BrowserWindow | null,
  request: IpcRequest<'file:save'>,
): Promise<IpcResults['file:save']> {
  const result = await dialogs.showSaveDialog(owner, {
    defaultPath: safeFileName(request.suggestedName),
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return { saved: false };
  const name = basename(result.filePath);
  try {
    await writeFileAtomic(result.filePath, request.data);
  } catch (error) {
    throw new Error(describeWriteError(error, name), { cause: error });
  }
  return { saved: true, name };
}

export async function openWithDialog(
  dialogs: FileDialogs,
  owner: BrowserWindow | null,
  request: IpcRequest<'file:open'>,
): Promise<IpcResults['file:open']> {
  const result = await dialogs.showOpenDialog(owner, { properties: ['openFile'], filters: request.filters });
  const path = result.filePaths[0];
  if (result.canceled || !path) return null;
  const name = basename(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new Error(`Could not open ${name}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`, { cause: error });
  }
  // Checked before reading so a huge file never lands in memory.
  const limit = request.maxBytes ?? MAX_FILE_BYTES;
  if (size > limit) {
    throw new Error(`${name} is too large to open (${megabytes(size)}; Centric opens files up to ${megabytes(limit)}).`);
  }
  let text: string;
  try {
    if (request.encoding === 'base64') return { name, text: (await readFile(path)).toString('base64') };
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Could not open ${name}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`, { cause: error });
  }
  // Editors on Windows like to add a byte-order mark that JSON.parse rejects.
  return { name, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}
