// @vitest-environment node
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { fakeHost } from '../../helpers/db';
import { openDatabase } from '../../../src-renderer/db/open-database';

describe('opening the library', () => {
  it('refuses a database from a newer Centric and leaves it untouched', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const future = new Dexie(name);
    future.version(7).stores({ workshops: 'id', things: 'id' });
    await future.open();
    await future.table('workshops').put({ id: 'w1', title: 'From the future' });
    future.close();
    const host = fakeHost();
    const res = await openDatabase(host, name);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toMatch(/newer version of Centric/);
    expect(host.snapshots).toHaveLength(0);
    const check = new Dexie(name);
    await check.open();
    expect(check.verno).toBe(7);
    expect(await check.table('workshops').get('w1')).toEqual({ id: 'w1', title: 'From the future' });
    check.close();
  });

  it('snapshots a version-1 library before upgrading it', async () => {
    const name = `old-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      workshops: 'id, updatedAt',
      personas: 'id, workshopId',
      segments: 'id, workshopId',
      journeys: 'id, workshopId',
      journeyCards: 'id, workshopId, journeyId',
      initiatives: 'id, workshopId',
      metrics: 'id, workshopId',
      assessments: 'id, workshopId',
      actions: 'id, workshopId',
      settings: 'key',
    });
    await v1.open();
    await v1.table('workshops').put({
      id: 'w1',
      title: 'Old',
      client: 'Acme',
      date: Date.UTC(2025, 5, 30),
      templateId: null,
      templateName: 'Blank',
      agenda: [{ id: 's1', title: 'Intro', minutes: 10, instructions: 'Hi', prompts: [], artifacts: [] }],
      createdAt: 1,
      updatedAt: 2,
    });
    v1.close();
    const host = fakeHost();
    const res = await openDatabase(host, name);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.upgradedFrom).toBe(1);
    expect(host.snapshots).toHaveLength(1);
    expect(host.snapshots[0]!.reason).toMatch(/version 1/);
    const snap = JSON.parse(host.snapshots[0]!.data);
    expect(snap.formatVersion).toBe(1);
    expect(snap.tables.workshops[0].date).toBe(Date.UTC(2025, 5, 30));
    const w = await res.db.workshops.get('w1');
    expect(w!.date).toBe('2025-06-30');
    expect(w!.agenda[0]!.notes).toBe('');
    expect(await res.db.templates.count()).toBe(0);
    res.db.close();
  });
});
