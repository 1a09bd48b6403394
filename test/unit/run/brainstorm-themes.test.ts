// Revealed ideas grouped into themes and sent on: the pure grouping rules, the theme as a vote
// item, and the commands that send an idea or a theme to the parking lot, a journey cell or the
// roadmap (one undoable command each), plus undo of a round set up and since written into.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/db';
import type { CentricDb } from '../../../src-renderer/db/database';
import { createWorkshop, type Workshop } from '../../../src-renderer/domain/workshop';
import { addIdea, addTheme, brainstormLimits, brainstormRowSchema, createBrainstorm, groupIdea, groupedIdeas, moveTheme, removeTheme, renameTheme, revealIdeas, themeName, type Brainstorm } from '../../../src-renderer/domain/run';
import { voteCatalogue } from '../../../src-renderer/domain/vote-catalogue';
import { createJourney } from '../../../src-renderer/domain/journey';
import { addThemeTo, groupIdeaIn, sendFromBrainstorm, startBrainstorm } from '../../../src-renderer/features/run/run-actions';
import { undo, useHistory } from '../../../src-renderer/state/history';
import { useNotifications } from '../../../src-renderer/state/notifications';

function revealed(texts: string[]): Brainstorm {
  let b = createBrainstorm('w1', null, 'What slows a claim down?', 5, 1000);
  for (const t of texts) b = addIdea(b, t, null, 1001);
  return revealIdeas(b, 2000);
}

describe('grouping revealed ideas into themes', () => {
  it('adds, names, orders and removes themes; removing one leaves its ideas not grouped', () => {
    let b = revealed(['Call back fast', 'One handler', 'Plain letters']);
    const [a, c, d] = b.ideas.map((i) => i.id) as [string, string, string];
    b = addTheme(addTheme(b, 'th-1', 'Speed'), 'th-2');
    b = groupIdea(groupIdea(groupIdea(b, a, 'th-1'), c, 'th-1'), d, 'th-2');
    expect(groupedIdeas(b).themes.map((g) => [themeName(b, g.theme), g.ideas.map((i) => i.text)])).toEqual([
      ['Speed', ['Call back fast', 'One handler']],
      ['Theme 2', ['Plain letters']],
    ]);
    b = renameTheme(moveTheme(b, 'th-2', -1), 'th-2', 'Clarity');
    expect(groupedIdeas(b).themes.map((g) => g.theme.name)).toEqual(['Clarity', 'Speed']);
    b = removeTheme(b, 'th-1');
    expect(groupedIdeas(b).ungrouped.map((i) => i.text)).toEqual(['Call back fast', 'One handler']);
    expect(b.ideas.every((i) => i.themeId !== 'th-1')).toBe(true);
    expect(brainstormRowSchema.safeParse(b).success).toBe(true);
  });

  it('groups nothing before the reveal, under a theme that does not exist, or beyond the most themes', () => {
    const hidden = addIdea(createBrainstorm('w1', null, 'Q', 5, 1), 'secret', null, 2);
    expect(addTheme(hidden, 'th-1')).toBe(hidden);
    let b = revealed(['x']);
    const id = b.ideas[0]!.id;
    b = groupIdea(b, id, 'th-missing');
    expect(b.ideas[0]!.themeId).toBeUndefined();
    for (let i = 0; i < brainstormLimits.themes + 3; i++) b = addTheme(b, `th-${i}`);
    expect(b.themes).toHaveLength(brainstormLimits.themes);
    // An idea pointing at a theme since removed counts as not grouped.
    const stale = { ...b, ideas: [{ ...b.ideas[0]!, themeId: 'gone' }] };
    expect(groupedIdeas(stale).ungrouped).toHaveLength(1);
  });

  it('offers themes as vote items, with how many kept ideas each holds', () => {
    let b = revealed(['a', 'b', 'c']);
    b = addTheme(b, 'th-1', 'Speed');
    b = groupIdea(groupIdea(b, b.ideas[0]!.id, 'th-1'), b.ideas[1]!.id, 'th-1');
    b = { ...b, ideas: b.ideas.map((i, n) => (n === 1 ? { ...i, kept: false } : i)) };
    const cat = voteCatalogue({ journeys: [], cards: [], segments: [], initiatives: [], sessions: [b] });
    expect(cat.options.find((o) => o.source === 'themes')?.count).toBe(1);
    expect(cat.targetsOf(['themes'])).toEqual([{ id: 'th-1', text: 'Speed', origin: 'Theme of 1 idea: What slows a claim down?' }]);
  });
});

describe('sending ideas and themes on', () => {
  let db: CentricDb;
  let w: Workshop;
  beforeEach(async () => {
    useHistory.setState({ stacks: {}, revision: 0 });
    db = freshDb();
    w = createWorkshop({ title: 'Claims day', client: 'Acme', template: null });
    await db.workshops.put(w);
  });

  async function storedRound(texts: string[]): Promise<Brainstorm> {
    const b = { ...revealed(texts), workshopId: w.id };
    await db.sessions.put(b);
    return b;
  }
  const reread = async (id: string) => (await db.sessions.get(id)) as Brainstorm;

  it('sends a theme to a journey cell as one card with its kept ideas, and undo takes card and mark back', async () => {
    const j = createJourney(w.id, { name: 'Claims', personaId: null, scenario: '' }, 0, Date.now());
    await db.journeys.put(j);
    let b = await storedRound(['Call back fast', 'One handler']);
    const themeId = (await addThemeTo(w.id, b, 'Speed', b.ideas[0]!.id))!;
    expect(themeId).toBeTruthy();
    b = await reread(b.id);
    expect(await groupIdeaIn(w.id, b.id, b.ideas[1]!.id, themeId)).toBe(true);
    b = await reread(b.id);
    const stage = j.stages[1]!;
    const lane = j.lanes.find((l) => l.kind === 'opportunities')!;
    expect(await sendFromBrainstorm(w.id, b, { kind: 'theme', id: themeId }, { kind: 'journey', journey: j, stageId: stage.id, laneId: lane.id }, null)).toBe(true);
    const cards = await db.journeyCards.where('journeyId').equals(j.id).toArray();
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ stageId: stage.id, laneId: lane.id, text: 'Speed\n• Call back fast\n• One handler' });
    expect((await reread(b.id)).themes![0]!.sentTo).toBe('Journey: Claims');

    await undo(w.id);
    expect(await db.journeyCards.count()).toBe(0);
    expect((await reread(b.id)).themes![0]!.sentTo).toBeUndefined();
  });

  it('sends an idea to the roadmap as an initiative in the lane chosen, and a theme to the parking lot', async () => {
    const b = await storedRound(['Plain renewal letters', 'Show last year’s price']);
    expect(await sendFromBrainstorm(w.id, b, { kind: 'idea', id: b.ideas[0]!.id }, { kind: 'roadmap', laneId: 'retention', laneName: 'Retention' }, null)).toBe(true);
    const [initiative] = await db.initiatives.toArray();
    expect(initiative).toMatchObject({ title: 'Plain renewal letters', laneId: 'retention', status: 'idea', description: 'From the silent brainstorm “What slows a claim down?”.' });
    expect((await reread(b.id)).ideas[0]!.sentTo).toBe('Roadmap: Retention');

    const themeId = (await addThemeTo(w.id, await reread(b.id), 'Renewal', b.ideas[1]!.id))!;
    expect(await sendFromBrainstorm(w.id, await reread(b.id), { kind: 'theme', id: themeId }, { kind: 'parking' }, null)).toBe(true);
    const [parked] = await db.actions.toArray();
    expect(parked).toMatchObject({ kind: 'parking', text: 'Renewal:\n• Show last year’s price' });
  });

  it('cuts what it sends to the limits of where it goes, never mid-character', async () => {
    const j = createJourney(w.id, { name: 'Claims', personaId: null, scenario: '' }, 0, Date.now());
    await db.journeys.put(j);
    const long = `${'🙂'.repeat(100)} ${'x'.repeat(260)}`.slice(0, brainstormLimits.idea);
    let b = await storedRound([long, long, long]);
    const themeId = (await addThemeTo(w.id, b, 'Long'))!;
    for (const i of b.ideas) await groupIdeaIn(w.id, b.id, i.id, themeId);
    b = await reread(b.id);
    expect(await sendFromBrainstorm(w.id, b, { kind: 'theme', id: themeId }, { kind: 'journey', journey: j, stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id }, null)).toBe(true);
    const [card] = await db.journeyCards.toArray();
    expect([...card!.text].length).toBeLessThanOrEqual(500);
    expect(card!.text.endsWith('…')).toBe(true);
    expect(card!.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('undoing the set-up of a round that participants have since written into is refused, losing nothing', async () => {
    const id = (await startBrainstorm(w.id, null, 'What slows a claim down?', 5))!;
    // An idea arrives from a phone: stored outside the facilitator's undo history.
    const b = await reread(id);
    await db.sessions.put(addIdea(b, 'From a phone', 'p-1', Date.now()));
    useNotifications.setState({ toasts: [] });
    await undo(w.id);
    expect((await reread(id)).ideas.map((i) => i.text)).toEqual(['From a phone']);
    expect(useNotifications.getState().toasts.map((t) => t.message).join(' ')).toMatch(/changed since/);
  });

  it('undoing the set-up of a round nobody has written into takes it back', async () => {
    const id = (await startBrainstorm(w.id, null, 'Q', 5))!;
    expect((await reread(id)).timer.startedAt).not.toBeNull();
    await undo(w.id);
    expect(await db.sessions.get(id)).toBeUndefined();
  });
});

describe('vote items from a journey', () => {
  it('say where each card sits (stage · lane), not the journey name again', () => {
    const journeys = [{ id: 'j1', name: 'Claims', stages: [{ id: 's1', name: 'Report' }], lanes: [{ id: 'l1', name: 'Pain points' }, { id: 'l2', name: '' }] }];
    const cards = [
      { id: 'c1', journeyId: 'j1', text: 'Waiting on hold', stageId: 's1', laneId: 'l1' },
      { id: 'c2', journeyId: 'j1', text: 'No update', stageId: 's1', laneId: 'l2' },
      { id: 'c3', journeyId: 'j1', text: 'Lost', stageId: 'gone', laneId: 'gone' },
    ];
    const cat = voteCatalogue({ journeys, cards, segments: [], initiatives: [], sessions: [] });
    expect(cat.targetsOf(['journey:j1']).map((t) => t.origin)).toEqual(['Report · Pain points', 'Report · Untitled lane', 'Claims']);
  });
});
