// Turns IndexedDB/Dexie failures into one sentence a facilitator understands.
export function describeStorageError(err: unknown): string {
  const name = (err as { name?: string } | null)?.name ?? '';
  const inner = (err as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'The disk or browser storage is full. Free some space; nothing already saved was lost.';
  }
  if (name === 'VersionError' || inner === 'VersionError') {
    return 'The stored data was written by a newer version of Centric.';
  }
  const message = err instanceof Error ? err.message : String(err);
  // A record's count limit (db/commands.ts) already says what and why in a sentence.
  if (name === 'RecordLimitError') return `${message} Nothing was changed.`;
  return `Nothing was changed. (${message})`;
}
