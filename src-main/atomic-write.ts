// Owns writing a file so readers see either the old or the new content, never half of it.
// Must never leave its temporary file behind, whether the write succeeds or fails.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';

/** Writes next to the target (same folder, same volume) so the final rename is atomic. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    // 'wx' refuses to follow or clobber anything already at the temp name.
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      // Durable by default: the bytes are on disk before the rename makes them visible.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Turns a Node file-system error into a sentence a workshop facilitator can act on. */
export function describeWriteError(error: unknown, name: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Not enough disk space to save ${name}.`;
    case 'EACCES':
    case 'EPERM':
      return `Centric is not allowed to save ${name} in that folder. Choose another folder.`;
    case 'EROFS':
      return `Cannot save ${name}: that drive is read-only.`;
    case 'ENOENT':
      return `Cannot save ${name}: the folder no longer exists.`;
    case 'EBUSY':
      return `Cannot save ${name}: the file is open in another program.`;
    case 'ENAMETOOLONG':
      return `Cannot save ${name}: the file name or path is too long.`;
    default:
      return `Could not save ${name}${code ? ` (${code})` : ''}.`;
  }
}
