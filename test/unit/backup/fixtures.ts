// Reads the backup fixtures in test/fixtures/backup; shared by the backup tests only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBackupText, type BackupFile } from '../../../src-renderer/db/backup-format';

const dir = fileURLToPath(new URL('../../fixtures/backup/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(dir + name, 'utf8');
}

export function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>;
}

/** A fixture that must parse; fails the test loudly if it does not. */
export function validFixture(name: string): BackupFile {
  const result = parseBackupText(fixtureText(name));
  if (!result.ok) throw new Error(`${name} should be valid: ${result.error}`);
  return result.backup;
}
