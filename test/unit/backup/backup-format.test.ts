// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupLimits,
  backupToText,
  createBackup,
  emptyLibraryData,
  migrateBackup,
  migrations,
  parseBackupText,
  remapIds,
  titleWithSuffix,
  type LibraryData,
  type RawBackup,
} from '../../../src-renderer/db/backup-format';
import { fixtureJson, fixtureText, validFixture } from './fixtures';

/** A valid workshop file, as JSON, changed by `edit`, back to text. */
type FileJson = { tables?: Record<string, Record<string, unknown>[]> } & Record<string, unknown>;
function editedWorkshopFile(edit: (file: FileJson & { tables: Record<string, Record<string, unknown>[]> }) => void): string {
  const file = fixtureJson('workshop-v3.centric') as FileJson & { tables: Record<string, Record<string, unknown>[]> };
  edit(file);
  return JSON.stringify(file);
}

function errorOf(text: string): string {
  const result = parseBackupText(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

describe('writing and reading back', () => {
  it('round-trips a library: createBackup -> text -> parse gives the same data', () => {
    const data = validFixture('library-v3.centric').tables;
    const file = createBackup(data, 'library', '1.2.3', new Date('2026-12-01T08:00:00Z'));
    const result = parseBackupText(backupToText(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBeNull();
    expect(result.backup.tables).toEqual(data);
    expect(result.backup).toMatchObject({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, appVersion: '1.2.3', scope: 'library', exportedAt: '2026-12-01T08:00:00.000Z' });
  });

  it('writes every table, in a stable order, with id first in each row', () => {
    const data = validFixture('library-v3.centric').tables;
    const text = backupToText(createBackup(data, 'library', '1.0.0', new Date(0)));
    const parsed = JSON.parse(text) as { tables: Record<string, Record<string, unknown>[]> };
    expect(Object.keys(parsed)).toEqual(['format', 'formatVersion', 'exportedAt', 'appVersion', 'scope', 'tables']);
    expect(Object.keys(parsed.tables)).toEqual(['workshops', 'personas', 'segments', 'journeys', 'journeyCards', 'initiatives', 'metrics', 'assessments', 'actions', 'participants', 'votes', 'sessions', 'templates', 'settings']);
    expect(Object.keys(parsed.tables.journeyCards![0]!).slice(0, 2)).toEqual(['id', 'workshopId']);
    // Same data, same text: backups diff cleanly.
    const shuffled = { ...data, workshops: data.workshops.map((w) => Object.fromEntries(Object.entries(w).reverse())) } as unknown as LibraryData;
    expect(backupToText(createBackup(shuffled, 'library', '1.0.0', new Date(0)))).toBe(text);
  });

  it('a workshop backup holds one workshop and never templates or settings', () => {
    const lib = validFixture('library-v3.centric').tables;
    const one = { ...lib, workshops: lib.workshops.slice(0, 1) };
    const file = createBackup(one, 'workshop', '1.0.0');
    expect(file.tables.templates).toEqual([]);
    expect(file.tables.settings).toEqual([]);
    expect(() => createBackup(lib, 'workshop', '1.0.0')).toThrow(/exactly one workshop/);
  });

  it('reads the valid fixtures', () => {
    expect(validFixture('workshop-v3.centric').tables.workshops).toHaveLength(1);
    const lib = validFixture('library-v3.centric');
    expect(lib.tables.workshops).toHaveLength(2);
    expect(lib.tables.templates[0]!.template.name).toBe('My quick start');
    expect(lib.tables.settings).toHaveLength(2);
  });

  it('accepts a byte-order mark and counts an emoji as one character', () => {
    const title = '🎯'.repeat(120); // 240 UTF-16 units, 120 characters as people count them
    const text = editedWorkshopFile((f) => {
      f.tables.workshops![0]!.title = title;
    });
    const result = parseBackupText('\ufeff' + text);
    expect(result.ok && result.backup.tables.workshops[0]!.title).toBe(title);
  });
});

describe('refusing bad files, with a message that names the problem', () => {
  it('garbage in the middle of the file', () => {
    expect(errorOf(fixtureText('corrupt.centric'))).toBe('The file is not valid JSON: it may be truncated or damaged.');
  });

  it('a file cut in half', () => {
    expect(errorOf(fixtureText('truncated.centric'))).toBe('The file is not valid JSON: it may be truncated or damaged.');
  });

  it('a picture renamed to .centric', () => {
    expect(errorOf(fixtureText('wrong-type.png.centric'))).toMatch(/^This is not a Centric backup file \(it does not contain JSON text\)/);
  });

  it("another app's JSON file", () => {
    expect(errorOf(fixtureText('other-app.centric'))).toBe('This is not a Centric backup file (format field missing).');
    expect(errorOf('{"format":"excalidraw"}')).toMatch(/not a Centric backup file \(its format is "excalidraw"/);
    expect(errorOf('[1,2,3]')).toMatch(/not a Centric backup file \(it is not a JSON object\)/);
    expect(errorOf('   ')).toBe('The file is empty.');
  });

  it('a file from a newer Centric', () => {
    expect(errorOf(fixtureText('newer-version.centric'))).toBe(
      'This backup was made by a newer version of Centric (format 99). Update Centric to import it.',
    );
  });

  it('a format version that is not a whole number', () => {
    expect(errorOf(editedWorkshopFile((f) => void (f.formatVersion = 1.5)))).toMatch(/^formatVersion: must be a whole number/);
    expect(errorOf(editedWorkshopFile((f) => void (f.formatVersion = '2')))).toMatch(/^formatVersion: must be a whole number/);
  });

  it('a "__proto__" key inside a workshop row, without polluting any prototype', () => {
    const error = errorOf(fixtureText('hostile.centric'));
    expect(error).toBe('Refused: the file contains a "__proto__" key at tables.workshops[0]. It may have been tampered with.');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('"constructor" and "prototype" keys deep inside an artifact row', () => {
    const text = editedWorkshopFile((f) => {
      f.tables.journeys![0]!.stages = [{ id: 'st-1', extra: { constructor: { prototype: { x: 1 } } } }];
    });
    expect(errorOf(text)).toBe('Refused: the file contains a "constructor" key at tables.journeys[0].stages[0].extra. It may have been tampered with.');
  });

  it('absurd nesting, without a stack overflow', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const text = editedWorkshopFile((f) => void (f.tables.personas![0]!.notes = 'PLACEHOLDER')).replace('"PLACEHOLDER"', deep);
    expect(errorOf(text)).toMatch(/^Refused: the file is nested more than 32 levels deep at tables\.personas\[0\]\.notes/);
  });

  it('a file larger than the cap, before parsing it', () => {
    const huge = '{' + ' '.repeat(backupLimits.textMax);
    expect(errorOf(huge)).toMatch(/^The file is larger than 100 MB/);
  });

  it('too many rows in a table', () => {
    const text = editedWorkshopFile((f) => {
      f.tables.actions = Array.from({ length: backupLimits.rowsPerTableMax + 1 }, () => ({}));
    });
    expect(errorOf(text)).toBe('tables.actions: holds 200,001 rows; at most 200,000 are allowed.');
  });

  it('text over 100,000 characters in an artifact row', () => {
    const text = editedWorkshopFile((f) => void (f.tables.personas![0]!.story = 'x'.repeat(100_001)));
    expect(errorOf(text)).toBe('tables.personas[0].story: text is longer than 100,000 characters');
  });

  it('missing or unknown tables', () => {
    expect(errorOf(editedWorkshopFile((f) => void delete f.tables.metrics))).toBe('tables.metrics: is missing; the file is incomplete.');
    expect(errorOf(editedWorkshopFile((f) => void (f.tables.holograms = [])))).toBe('tables.holograms: is not a table Centric knows.');
    expect(errorOf(editedWorkshopFile((f) => void delete (f as FileJson).tables))).toMatch(/^tables: is missing/);
  });

  it('workshop fields that break the rules, each with its location', () => {
    const text = editedWorkshopFile((f) => {
      const w = f.tables.workshops![0]!;
      w.title = 'T'.repeat(121);
      w.date = '2026-02-30';
      delete w.client;
      (w.agenda as Record<string, unknown>[])[1]!.minutes = 600;
      ((w.agenda as Record<string, unknown>[])[1]!.artifacts as Record<string, unknown>[])[0]!.kind = 'hologram';
    });
    const error = errorOf(text);
    expect(error).toContain('tables.workshops[0].title: text is longer than 120 characters');
    expect(error).toContain('tables.workshops[0].date: must be a calendar date written YYYY-MM-DD');
    expect(error).toContain('tables.workshops[0].client: is missing');
    expect(error).toContain('tables.workshops[0].agenda[1].minutes: must be a whole number of minutes from 1 to 480');
    expect(error).toContain('tables.workshops[0].agenda[1].artifacts[0].kind: must be one of assessment, persona');
  });

  it('unknown fields and bad ids on a workshop', () => {
    const error = errorOf(
      editedWorkshopFile((f) => {
        f.tables.workshops![0]!.rooms = ['4.12'];
        f.tables.workshops![0]!.id = 'has spaces/slash';
      }),
    );
    expect(error).toContain('tables.workshops[0]: unknown field "rooms"');
    expect(error).toContain('tables.workshops[0].id: must be an id');
  });

  it('lists at most five problems', () => {
    const text = editedWorkshopFile((f) => {
      f.tables.actions = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}` }));
    });
    const lines = errorOf(text).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('tables.actions[0].workshopId: is missing');
    expect(lines[5]).toBe('… and more problems.');
  });

  it('says "and more" only when there are more', () => {
    const text = editedWorkshopFile((f) => {
      f.tables.actions = Array.from({ length: 5 }, (_, i) => ({ id: `p${i}` }));
    });
    const lines = errorOf(text).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toBe('tables.actions[4].workshopId: is missing');
  });

  it('a persona or segment row is checked against its own schema', () => {
    const text = editedWorkshopFile((f) => {
      (f.tables.personas![0] as Record<string, unknown>).goals = [{ id: 'g1', text: 'Get paid', source: 'rumour' }];
      (f.tables.segments![0] as Record<string, unknown>).potentialValue = -5;
    });
    const error = errorOf(text);
    expect(error).toMatch(/tables\.personas\[0\]\.goals\[0\]\.source/);
    expect(error).toMatch(/tables\.segments\[0\]\.potentialValue/);
  });

  it('a row that belongs to a workshop not in the file', () => {
    const text = editedWorkshopFile((f) => void (f.tables.personas![0]!.workshopId = 'x'));
    expect(errorOf(text)).toBe('tables.personas[0]: belongs to workshop "x" which is not in the file');
  });

  it('an id used twice in one table', () => {
    const text = editedWorkshopFile((f) => {
      f.tables.journeyCards!.push({ ...f.tables.journeyCards![0]! });
    });
    expect(errorOf(text)).toBe('tables.journeyCards: id "jc-1" appears twice');
  });

  it('a workshop backup with two workshops, or with settings', () => {
    const lib = fixtureJson('library-v3.centric');
    expect(errorOf(JSON.stringify({ ...lib, scope: 'workshop' }))).toContain(
      'tables.workshops: a workshop backup must hold exactly one workshop, but holds 2',
    );
  });

  it('an invalid user template, with the template path', () => {
    const lib = fixtureJson('library-v3.centric') as { tables: { templates: { template: { steps: unknown[] } }[] } };
    lib.tables.templates[0]!.template.steps = [];
    expect(errorOf(JSON.stringify(lib))).toBe('tables.templates[0].template: steps: must be a list of 1 to 40 steps');
  });

  it('a bad envelope field', () => {
    const error = errorOf(editedWorkshopFile((f) => void (f.scope = 'everything')));
    expect(error).toBe('scope: must be "workshop" or "library"');
    expect(errorOf(editedWorkshopFile((f) => void (f.exportedAt = 'yesterday')))).toBe('exportedAt: must be a date and time in ISO 8601 form');
  });
});

describe('format versions and migrations', () => {
  it('the migrations cover every version from 1 to the current one, contiguously and once', () => {
    expect(migrations.length).toBe(BACKUP_FORMAT_VERSION - 1);
    migrations.forEach((m, i) => {
      expect(m.from).toBe(i + 1);
      expect(m.to).toBe(i + 2);
    });
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('fails if any migration never runs: migrating the oldest fixture applies every migration, in order', () => {
    const raw = fixtureJson('library-v1.centric') as unknown as RawBackup;
    expect(raw.formatVersion).toBe(1);
    const { file, applied } = migrateBackup(raw);
    expect(applied).toEqual(migrations.map((m) => m.name));
    expect(file.formatVersion).toBe(BACKUP_FORMAT_VERSION);
  });

  it('a current file needs no migration', () => {
    const raw = fixtureJson('library-v3.centric') as unknown as RawBackup;
    expect(migrateBackup(raw).applied).toEqual([]);
  });

  it('facilitation-tables: a v2 file gains empty participants, votes and sessions and is otherwise unchanged', () => {
    const raw = fixtureJson('library-v2.centric') as unknown as RawBackup;
    const { file, applied } = migrateBackup(raw);
    expect(applied).toEqual(['facilitation-tables']);
    expect(file.formatVersion).toBe(3);
    expect(file.tables.participants).toEqual([]);
    expect(file.tables.votes).toEqual([]);
    expect(file.tables.sessions).toEqual([]);
    expect(file.tables.workshops).toEqual(raw.tables.workshops);
    const v3 = fixtureJson('library-v3.centric') as unknown as RawBackup;
    expect(file.tables).toEqual(v3.tables);
  });

  it('dates-as-local-strings: v1 timestamps become the same calendar day, steps gain notes, templates appear', () => {
    const raw = fixtureJson('library-v1.centric') as unknown as RawBackup;
    const before = JSON.stringify(raw);
    const { file } = migrateBackup(raw);
    expect(JSON.stringify(raw)).toBe(before); // input untouched
    const workshops = file.tables.workshops as Record<string, unknown>[];
    expect(workshops.map((w) => w.date)).toEqual(['2026-11-24', '2026-03-03']);
    expect(workshops[0]).toMatchObject({ location: '', objectives: '' });
    for (const w of workshops) for (const s of w.agenda as Record<string, unknown>[]) expect(s.notes).toBe('');
    expect(file.tables.templates).toEqual([]);
  });

  it('a v1 file imports as the current format and says it was migrated', () => {
    const result = parseBackupText(fixtureText('library-v1.centric'));
    if (!result.ok) throw new Error(result.error);
    expect(result.migratedFrom).toBe(1);
    expect(result.backup.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    const v2 = validFixture('library-v3.centric').tables;
    // Apart from what v1 could not hold, the data is the v2 fixture's.
    const strip = (d: LibraryData) => ({
      ...d,
      workshops: d.workshops.map((w) => ({ ...w, location: '', objectives: '', agenda: w.agenda.map((s) => ({ ...s, notes: '' })) })),
      templates: [],
    });
    expect(result.backup.tables).toEqual(strip(v2));
  });

  it('a v1 file with a templates table is refused (v1 had none)', () => {
    const raw = fixtureJson('library-v1.centric') as { tables: Record<string, unknown> };
    raw.tables.templates = [];
    expect(errorOf(JSON.stringify(raw))).toBe('tables.templates: is not a table Centric knows.');
  });

  it('migrateBackup refuses versions it cannot handle', () => {
    expect(() => migrateBackup({ formatVersion: 99, tables: {} })).toThrow(/newer/);
    expect(() => migrateBackup({ formatVersion: 0, tables: {} })).toThrow(/Unknown/);
  });
});

describe('keep both: remapIds', () => {
  it("moves a workshop's run session to the copy's run id, so run mode finds it", () => {
    const data = validFixture('library-v3.centric').tables;
    const wid = data.workshops[0]!.id;
    const withRun = { ...data, sessions: [{ id: `run-${wid}`, workshopId: wid }] } as unknown as typeof data;
    const copy = remapIds(withRun);
    const newWid = copy.workshops[0]!.id;
    expect(newWid).not.toBe(wid);
    expect(copy.sessions[0]!.id).toBe(`run-${newWid}`);
    expect(copy.sessions[0]!.workshopId).toBe(newWid);
  });

  it('gives every workshop and row a fresh id, and references follow', () => {
    const data = validFixture('library-v3.centric').tables;
    const out = remapIds(data);
    const oldIds = new Set([...data.workshops.map((w) => w.id), ...data.personas.map((r) => r.id), ...data.journeyCards.map((r) => r.id)]);
    for (const w of out.workshops) expect(oldIds.has(w.id)).toBe(false);
    const journey = out.journeys[0]!;
    const persona = out.personas.find((p) => p.name === 'Claire, first-time claimant')!;
    const acme = out.workshops.find((w) => w.client === 'Acme Insurance')!;
    expect(acme.title).toBe('Acme claims journey day (imported)');
    expect(journey.workshopId).toBe(acme.id);
    expect(journey.personaId).toBe(persona.id);
    for (const card of out.journeyCards) expect(card.journeyId).toBe(journey.id);
    expect(out.metrics[0]!.initiativeId).toBe(out.initiatives[0]!.id);
    const promoted = out.journeyCards.find((c) => c.text === 'No news for nine days')!;
    expect(out.initiatives[0]!.cardIds).toEqual([promoted.id]);
    expect(promoted.initiativeId).toBe(out.initiatives[0]!.id);
    // Everything else is unchanged.
    expect(out.journeyCards[0]!.stageId).toBe('st-report');
    expect(out.templates).toEqual(data.templates);
    expect(out.settings).toEqual(data.settings);
    // The remapped data is still a valid file.
    const again = parseBackupText(backupToText(createBackup(out, 'library', 'x')));
    expect(again.ok).toBe(true);
  });

  it('keeps titles within the limit', () => {
    const long = 'A'.repeat(120);
    const titled = titleWithSuffix(long, ' (imported)');
    expect(titled).toHaveLength(120);
    expect(titled.endsWith(' (imported)')).toBe(true);
    expect(titleWithSuffix('Short', ' (copy)')).toBe('Short (copy)');
  });

  it('handles empty data', () => {
    expect(remapIds(emptyLibraryData())).toEqual(emptyLibraryData());
  });
});

describe('every artifact table is checked against its row schema from the domain', () => {
  type Rows = Record<string, Record<string, unknown>[]>;
  const ws = 'ws-acme-journey';
  const T = 1764000000000;
  const timer = { startedAt: T, pausedAt: null, pausedMs: 0, addedMinutes: 5 };
  /** One row of each facilitation table, exactly as run mode writes them. */
  function facilitationRows(): Rows {
    return {
      participants: [{ id: 'pt-ana', workshopId: ws, name: 'Ana Lima', department: 'Claims', role: 'Team lead', order: 0, createdAt: T }],
      votes: [{ id: 'vt-1', workshopId: ws, exerciseId: 'ex-vote', participantId: 'pt-ana', targetId: 'jc-2', createdAt: T }],
      sessions: [
        {
          id: `run-${ws}`, workshopId: ws, kind: 'run', startedAt: T, plannedStart: T, currentStepId: 'map-journey',
          timers: { kickoff: { ...timer, pausedAt: T + 60_000 }, 'map-journey': timer }, muted: false,
          focus: { type: 'assessment', id: 'as-readiness', questionId: 'one-truth' }, endedAt: null,
        },
        {
          id: 'ex-vote', workshopId: ws, kind: 'vote', stepId: 'map-journey', question: 'Which moments hurt most?',
          sources: ['journey:j-claims', 'initiatives'], votesPerPerson: 3, topN: 3, tagged: ['jc-2'], activeParticipantId: 'pt-ana', closedAt: null, createdAt: T,
        },
        {
          id: 'ex-ideas', workshopId: ws, kind: 'brainstorm', stepId: null, prompt: 'What gets in the way?', minutes: 5, timer, revealedAt: T + 300_000,
          ideas: [{ id: 'idea-1', text: 'Call back within a day', participantId: 'pt-ana', createdAt: T, kept: true, sentTo: 'Parking lot' }], createdAt: T,
        },
        {
          // Scored on phones and revealed: the sheets are kept without their owners.
          id: 'ex-scoring', workshopId: ws, kind: 'scoring', runId: 'as-readiness', createdAt: T, revealedAt: T + 600_000,
          sheets: [{ participantId: null, rev: 0, answers: { 'one-truth': 'partly', 'clear-goal': 'unknown' }, notes: { 'one-truth': 'Two customer files in claims' }, done: true }],
        },
        {
          id: 'ex-emotions', workshopId: ws, kind: 'emotions', journeyId: 'j-claims', createdAt: T, closedAt: null,
          sheets: [{ participantId: 'pt-ana', rev: 3, ratings: { 's-one': -2 }, done: false }],
        },
      ],
    };
  }
  const withFacilitation = (edit: (t: Rows) => void = () => {}) =>
    editedWorkshopFile((f) => {
      Object.assign(f.tables, facilitationRows());
      edit(f.tables);
    });
  const row = (t: Rows, table: string, i = 0) => t[table]![i]!;

  it('a workshop file with real rows in every table is read as it is', () => {
    const result = parseBackupText(withFacilitation());
    if (!result.ok) throw new Error(result.error);
    const tables = result.backup.tables as unknown as Rows;
    expect(tables.sessions).toEqual(facilitationRows().sessions);
    expect(tables.participants).toEqual(facilitationRows().participants);
    expect(tables.votes).toEqual(facilitationRows().votes);
    const fixture = fixtureJson('workshop-v3.centric') as { tables: Rows };
    for (const table of ['journeys', 'journeyCards', 'initiatives', 'actions']) {
      expect(tables[table]!.length).toBeGreaterThan(0);
      expect(tables[table]).toEqual(fixture.tables[table]);
    }
    // Metrics written before they held a current value gain an empty one, undated.
    expect(tables.metrics!.length).toBeGreaterThan(0);
    expect(tables.metrics).toEqual(fixture.tables.metrics!.map((r) => ({ ...r, current: '', currentDate: '' })));
    // Runs written before the five-employees test was judged three ways gain the two new
    // judgements, unjudged; everything they held is read as it is.
    expect(tables.assessments!.length).toBeGreaterThan(0);
    expect(tables.assessments).toEqual(fixture.tables.assessments!.map((r) => ({ ...r, clarity: null, enthusiasm: null })));
  });

  it("a metric's current value and its date go out in a backup and come back", () => {
    const data = validFixture('library-v3.centric').tables;
    const metric = { ...data.metrics[0]!, current: '2.400.000', currentDate: '2026-11-30' };
    const file = createBackup({ ...data, metrics: [metric, ...data.metrics.slice(1)] }, 'library', '1.2.3', new Date('2026-12-01T08:00:00Z'));
    const result = parseBackupText(backupToText(file));
    if (!result.ok) throw new Error(result.error);
    expect(result.backup.tables.metrics[0]).toMatchObject({ current: '2.400.000', currentDate: '2026-11-30' });
    expect(errorOf(editedWorkshopFile((f) => void (f.tables.metrics![0]!.currentDate = '30.11.2026')))).toContain('tables.metrics[0].currentDate: ');
  });

  it("a persona claim's source goes out in a backup and comes back", () => {
    const data = validFixture('library-v3.centric').tables;
    const persona = data.personas[0]!;
    const goals = [{ id: 'c-cited', text: 'Pay rent on time', source: 'interview' as const, citation: 'Interview 3, March 2026' }];
    const file = createBackup({ ...data, personas: [{ ...persona, goals }, ...data.personas.slice(1)] }, 'library', '1.2.3', new Date('2026-12-01T08:00:00Z'));
    const result = parseBackupText(backupToText(file));
    if (!result.ok) throw new Error(result.error);
    expect(result.backup.tables.personas[0]!.goals).toEqual(goals);
  });

  it('rows from older builds that lack fields the screens fill in are accepted', () => {
    const result = parseBackupText(
      editedWorkshopFile((f) => {
        f.tables.initiatives = [{ id: 'i-old', workshopId: ws, title: 'Only a title' }];
        f.tables.metrics = [{ id: 'm-old', workshopId: ws, name: 'Only a name' }];
        f.tables.assessments = [{ id: 'as-old', workshopId: ws, set: 'audit' }];
        f.tables.actions = [{ id: 'act-old', workshopId: ws, text: 'Only text' }];
      }),
    );
    expect(result.ok).toBe(true);
  });

  const broken: [string, (t: Rows) => void, string][] = [
    // journeys
    ['journeys: a lane kind it does not know', (t) => void ((row(t, 'journeys').lanes as Record<string, unknown>[])[1]!.kind = 'hologram'), 'tables.journeys[0].lanes[1].kind: '],
    ['journeys: a missing scenario', (t) => void delete row(t, 'journeys').scenario, 'tables.journeys[0].scenario: is missing'],
    ['journeys: an over-long name', (t) => void (row(t, 'journeys').name = 'J'.repeat(121)), 'tables.journeys[0].name: text is longer than 120 characters'],
    ['journeys: an old field', (t) => void (row(t, 'journeys').title = 'Claims journey'), 'tables.journeys[0]: unknown field "title"'],
    // journeyCards
    ['journeyCards: a colour that is not a sticky-note colour', (t) => void (row(t, 'journeyCards', 1).color = 'magenta'), 'tables.journeyCards[1].color: '],
    ['journeyCards: an emotion beyond +3', (t) => void (row(t, 'journeyCards', 1).emotion = 7), 'tables.journeyCards[1].emotion: '],
    ['journeyCards: a missing lane', (t) => void delete row(t, 'journeyCards').laneId, 'tables.journeyCards[0].laneId: is missing'],
    ['journeyCards: over-long text', (t) => void (row(t, 'journeyCards').text = 'x'.repeat(501)), 'tables.journeyCards[0].text: text is longer than 500 characters'],
    // initiatives
    ['initiatives: a status it does not know', (t) => void (row(t, 'initiatives').status = 'someday'), 'tables.initiatives[0].status: '],
    ['initiatives: effort off the 1-5 scale', (t) => void (row(t, 'initiatives').effort = 9), 'tables.initiatives[0].effort: must be a whole number from 1 to 5'],
    ['initiatives: an over-long title', (t) => void (row(t, 'initiatives').title = 'T'.repeat(201)), 'tables.initiatives[0].title: text is longer than 200 characters'],
    ['initiatives: an end before the start', (t) => void Object.assign(row(t, 'initiatives'), { start: '2027-03-01', end: '2027-01-01' }), 'tables.initiatives[0].end: is before the start date'],
    ['initiatives: a date that is no calendar day', (t) => void Object.assign(row(t, 'initiatives'), { start: '2027-02-30', end: null }), 'tables.initiatives[0].start: must be a calendar date'],
    ['initiatives: an old field', (t) => void (row(t, 'initiatives').sourceCardId = 'jc-2'), 'tables.initiatives[0]: unknown field "sourceCardId"'],
    // metrics
    ['metrics: a unit it does not know', (t) => void (row(t, 'metrics').unit = 'furlongs'), 'tables.metrics[0].unit: '],
    ['metrics: a baseline stored as a number', (t) => void (row(t, 'metrics').baseline = 12), 'tables.metrics[0].baseline: '],
    ['metrics: an over-long target', (t) => void (row(t, 'metrics').target = '9'.repeat(31)), 'tables.metrics[0].target: text is longer than 30 characters'],
    ['metrics: a missing workshop', (t) => void delete row(t, 'metrics').workshopId, 'tables.metrics[0].workshopId: is missing'],
    // assessments
    ['assessments: a question set it does not know', (t) => void (row(t, 'assessments').set = 'horoscope'), 'tables.assessments[0].set: '],
    ['assessments: an answer that is no answer', (t) => void ((row(t, 'assessments').answers as Record<string, Record<string, unknown>>)['one-truth']!.group = 'maybe'), 'tables.assessments[0].answers.one-truth.group: '],
    ['assessments: a missing set', (t) => void delete row(t, 'assessments').set, 'tables.assessments[0].set: is missing'],
    ['assessments: an over-long commitment', (t) => void ((row(t, 'assessments').commitments as Record<string, unknown>[])[0]!.text = 'c'.repeat(401)), 'tables.assessments[0].commitments[0].text: text is longer than 400 characters'],
    ['assessments: a target above 100 %', (t) => void (row(t, 'assessments').targets = { 'one-truth': 140 }), 'tables.assessments[0].targets.one-truth: must be a percentage from 0 to 100'],
    // actions
    ['actions: a kind it does not know', (t) => void (row(t, 'actions').kind = 'todo'), 'tables.actions[0].kind: '],
    ['actions: a due date in words', (t) => void (row(t, 'actions').due = 'next week'), 'tables.actions[0].due: must be empty or a date written YYYY-MM-DD'],
    ['actions: over-long text', (t) => void (row(t, 'actions').text = 'a'.repeat(601)), 'tables.actions[0].text: text is longer than 600 characters'],
    ['actions: done that is not true or false', (t) => void (row(t, 'actions').done = 'yes'), 'tables.actions[0].done: '],
    // participants
    ['participants: an over-long name', (t) => void (row(t, 'participants').name = 'N'.repeat(81)), 'tables.participants[0].name: text is longer than 80 characters'],
    ['participants: a missing role', (t) => void delete row(t, 'participants').role, 'tables.participants[0].role: is missing'],
    ['participants: an unknown field', (t) => void (row(t, 'participants').email = 'ana@example.com'), 'tables.participants[0]: unknown field "email"'],
    // votes
    ['votes: a missing target', (t) => void delete row(t, 'votes').targetId, 'tables.votes[0].targetId: is missing'],
    ['votes: a participant that is no id', (t) => void (row(t, 'votes').participantId = 'Ana Lima'), 'tables.votes[0].participantId: must be an id'],
    // sessions
    ['sessions: a kind it does not know', (t) => void (row(t, 'sessions').kind = 'hologram'), 'tables.sessions[0].kind: must be "run", "vote", "brainstorm", "scoring" or "emotions"'],
    ['sessions: a projector focus it does not know', (t) => void (row(t, 'sessions').focus = { type: 'dance' }), 'tables.sessions[0].focus.type: '],
    ['sessions: a negative pause', (t) => void (((row(t, 'sessions').timers as Record<string, Record<string, unknown>>).kickoff!).pausedMs = -1), 'tables.sessions[0].timers.kickoff.pausedMs: '],
    ['sessions: a vote with more top items than allowed', (t) => void (row(t, 'sessions', 1).topN = 11), 'tables.sessions[1].topN: must be a whole number from 1 to 10'],
    ['sessions: a vote source it does not know', (t) => void (row(t, 'sessions', 1).sources = ['horoscopes']), 'tables.sessions[1].sources[0]: must be "journey:<id>", "needs", "initiatives", "ideas" or "themes"'],
    ['sessions: an over-long idea', (t) => void ((row(t, 'sessions', 2).ideas as Record<string, unknown>[])[0]!.text = 'i'.repeat(281)), 'tables.sessions[2].ideas[0].text: text is longer than 280 characters'],
    ['sessions: an idea grouped under a theme id that is not an id', (t) => void ((row(t, 'sessions', 2).ideas as Record<string, unknown>[])[0]!.themeId = 42), 'tables.sessions[2].ideas[0].themeId: '],
    ['sessions: an over-long theme name', (t) => void (row(t, 'sessions', 2).themes = [{ id: 'theme-1', name: 't'.repeat(81) }]), 'tables.sessions[2].themes[0].name: text is longer than 80 characters'],
    ['sessions: a brainstorm without a timer', (t) => void delete row(t, 'sessions', 2).timer, 'tables.sessions[2].timer: is missing'],
  ];
  for (const [name, edit, message] of broken) {
    it(`refuses ${name}`, () => {
      const error = errorOf(withFacilitation(edit));
      expect(error.split('\n').some((line) => line.startsWith(message))).toBe(true);
    });
  }

  it('every artifact table has at least one refused case above', () => {
    const tables = new Set(broken.map(([name]) => name.split(':')[0]));
    expect([...tables].sort()).toEqual(
      ['actions', 'assessments', 'initiatives', 'journeyCards', 'journeys', 'metrics', 'participants', 'sessions', 'votes'].sort(),
    );
  });
});
