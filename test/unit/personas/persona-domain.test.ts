// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  avatarColors,
  coverageSummary,
  createClaim,
  createPersona,
  defaultAvatarColor,
  describePersonaLinks,
  duplicatePersona,
  evidenceCoverage,
  graphemes,
  insertClaim,
  moveClaim,
  moveClaimById,
  personaInitials,
  personaLimits,
  personaListFields,
  renamePersona,
  validatePersonaText,
  type Claim,
  type EvidenceSource,
  type Persona,
} from '../../../src-renderer/domain/persona';

const NOW = 1_750_000_000_000;
const claim = (text: string, source: EvidenceSource = 'assumption'): Claim => ({ ...createClaim(text, source) });

function persona(patch: Partial<Persona> = {}): Persona {
  return { ...createPersona('w1', 'Ana María', 0, NOW), ...patch };
}

describe('personaInitials', () => {
  it.each([
    ['Ana María', 'AM'],
    ['ana maría duarte', 'AD'],
    ['Ωmega Ζ', 'ΩΖ'],
    ['дмитрий иванов', 'ДИ'],
    ['株式 会社', '株会'],
    ['佐藤健二', '佐'],
    ['Δήμητρα 🚀', 'Δ'],
    ['  Ana  ', 'A'],
    ['🚀', '🚀'],
    ['👩🏽‍🚀 Team', 'T'],
    ['👩🏽‍🚀', '👩🏽‍🚀'],
    ['', '?'],
    ['   ', '?'],
    ['Élodie Ørsted', 'ÉØ'],
    ['e\u0301mile zola', 'E\u0301Z'],
    // Uppercasing "ß" would make two letters; it is kept as it is.
    ['ßara Öz', 'ßÖ'],
  ])('%j → %j', (name, expected) => {
    expect(personaInitials(name)).toBe(expected);
  });

  it('never splits a surrogate pair or a combined character', () => {
    for (const name of ['😀 😃', '𝒜lpha 𝒵eta', 'नमस्ते दुनिया', '한국 사람']) {
      const initials = personaInitials(name);
      expect(initials).toBe(initials.normalize());
      expect(() => encodeURIComponent(initials)).not.toThrow();
    }
    expect(personaInitials('한국 사람')).toBe('한사');
  });

  it('splits graphemes with or without Intl.Segmenter', () => {
    expect(graphemes('a👩🏽‍🚀e\u0301')).toEqual(['a', '👩🏽‍🚀', 'e\u0301']);
    const intl = Intl as { Segmenter?: unknown };
    const saved = intl.Segmenter;
    try {
      delete intl.Segmenter;
      expect(graphemes('a👩🏽‍🚀e\u0301')).toEqual(['a', '👩🏽‍🚀', 'e\u0301']);
      expect(personaInitials('Ωmega Ζ')).toBe('ΩΖ');
    } finally {
      intl.Segmenter = saved;
    }
  });
});

describe('avatar colour', () => {
  it('is deterministic and one of the palette', () => {
    expect(defaultAvatarColor('Ana María')).toBe(defaultAvatarColor('Ana María'));
    expect(avatarColors).toContain(defaultAvatarColor('Δήμητρα 🚀'));
    const spread = new Set(['Ana', 'Bo', 'Chen', 'Dora', 'Emil', 'Farah', 'Göran', 'Hiro'].map(defaultAvatarColor));
    expect(spread.size).toBeGreaterThan(2);
  });

  it('follows a rename only while it is still the default', () => {
    const p = createPersona('w1', 'New persona', 0, NOW);
    const renamed = renamePersona(p, 'Ana');
    expect(renamed.avatar).toEqual({ kind: 'initials', color: defaultAvatarColor('Ana') });
    const other = avatarColors.find((c) => c !== defaultAvatarColor('New persona'))!;
    const custom: Persona = { ...p, avatar: { kind: 'initials', color: other } };
    expect(renamePersona(custom, 'Ana').avatar).toEqual(custom.avatar);
  });
});

describe('createPersona', () => {
  it('starts empty, with initials on a default colour', () => {
    const p = createPersona('w1', 'Ana', 3, NOW);
    expect(p).toMatchObject({ workshopId: 'w1', name: 'Ana', order: 3, createdAt: NOW, segmentId: null, quote: '', context: '' });
    expect(p.avatar).toEqual({ kind: 'initials', color: defaultAvatarColor('Ana') });
    for (const f of personaListFields) expect(p[f]).toEqual([]);
  });
});

describe('evidenceCoverage', () => {
  it('counts evidenced and assumed claims across every list, ignoring empty rows', () => {
    const p = persona({
      goals: [claim('a', 'interview'), claim('b', 'survey'), claim('c')],
      pains: [claim('d', 'analytics'), claim('e'), claim('  ', 'interview')],
      motivations: [claim('f', 'interview')],
    });
    const c = evidenceCoverage(p);
    expect(c).toMatchObject({ total: 6, evidenced: 4, assumed: 2 });
    expect(c.share).toBeCloseTo(4 / 6);
    expect(c.bySource).toEqual({ interview: 2, survey: 1, analytics: 1, assumption: 2 });
    expect(c.byList.goals).toMatchObject({ total: 3, evidenced: 2, assumed: 1 });
    expect(c.byList.pains.share).toBeCloseTo(0.5);
    expect(c.byList.needs).toEqual({ total: 0, evidenced: 0, assumed: 0, share: 0, bySource: { interview: 0, survey: 0, analytics: 0, assumption: 0 } });
    expect(coverageSummary(c)).toBe('67% evidenced · 2 assumptions');
  });

  it('describes empty, all-assumed and all-evidenced personas', () => {
    expect(coverageSummary(evidenceCoverage(persona()))).toBe('No claims yet');
    expect(coverageSummary(evidenceCoverage(persona({ goals: [claim('x')] })))).toBe('0% evidenced · 1 assumption');
    expect(coverageSummary(evidenceCoverage(persona({ goals: [claim('x', 'survey')] })))).toBe('100% evidenced · no assumptions');
  });
});

describe('list editing', () => {
  const list = ['a', 'b', 'c', 'd'];
  it('moveClaim moves one item and keeps the others in order', () => {
    expect(moveClaim(list, 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveClaim(list, 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveClaim(list, 1, 2)).toEqual(['a', 'c', 'b', 'd']);
  });
  it('moveClaim clamps the target and ignores a missing source', () => {
    expect(moveClaim(list, 0, 99)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveClaim(list, 2, -5)).toEqual(['c', 'a', 'b', 'd']);
    expect(moveClaim(list, 7, 0)).toBe(list);
    expect(moveClaim(list, 2, 2)).toBe(list);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });
  it('moveClaimById finds the claim where it is now', () => {
    const claims = [claim('a'), claim('b'), claim('c')];
    expect(moveClaimById(claims, claims[2]!.id, 0).map((c) => c.text)).toEqual(['c', 'a', 'b']);
    expect(moveClaimById(claims, 'gone', 0)).toBe(claims);
  });
  it('insertClaim refuses a full list', () => {
    const full = Array.from({ length: personaLimits.claimsPerList }, (_, i) => claim(String(i)));
    expect(insertClaim(full, 0, claim('one more'))).toBe(full);
    expect(insertClaim([claim('a')], 5, claim('b')).map((c) => c.text)).toEqual(['a', 'b']);
  });
});

describe('duplicatePersona', () => {
  const source = persona({
    id: 'p1',
    segmentId: 'seg1',
    quote: 'Ωραία',
    goals: [claim('a', 'interview'), claim('b')],
    pains: [claim('c', 'survey')],
  });

  it('gives the persona and every claim a fresh id, and keeps the content', () => {
    const copy = duplicatePersona(source, 'w1', 5, NOW + 1);
    expect(copy.id).not.toBe(source.id);
    const oldIds = new Set([...source.goals, ...source.pains].map((c) => c.id));
    for (const c of [...copy.goals, ...copy.pains]) expect(oldIds.has(c.id)).toBe(false);
    expect(copy.goals.map(({ text, source: s }) => [text, s])).toEqual([
      ['a', 'interview'],
      ['b', 'assumption'],
    ]);
    expect(copy).toMatchObject({ quote: 'Ωραία', order: 5, createdAt: NOW + 1, workshopId: 'w1' });
  });

  it('keeps the segment and says "(copy)" within the same workshop', () => {
    const copy = duplicatePersona(source, 'w1', 1, NOW);
    expect(copy.segmentId).toBe('seg1');
    expect(copy.name).toBe('Ana María (copy)');
  });

  it('drops the segment and keeps the name in another workshop', () => {
    const copy = duplicatePersona(source, 'w2', 0, NOW);
    expect(copy.segmentId).toBeNull();
    expect(copy.workshopId).toBe('w2');
    expect(copy.name).toBe('Ana María');
  });

  it('keeps the name when "(copy)" would make it too long', () => {
    const long = persona({ name: 'x'.repeat(personaLimits.name) });
    expect(duplicatePersona(long, 'w1', 0, NOW).name).toBe(long.name);
  });
});

describe('validatePersonaText', () => {
  it('refuses over-long text with a message, counting code points', () => {
    expect(validatePersonaText('name', 'x'.repeat(80))).toBeNull();
    expect(validatePersonaText('name', 'x'.repeat(81))).toBe('Name is limited to 80 characters.');
    expect(validatePersonaText('quote', '🚀'.repeat(300))).toBeNull();
    expect(validatePersonaText('quote', '🚀'.repeat(301))).toBe('Quote is limited to 300 characters.');
    expect(validatePersonaText('context', 'y'.repeat(1001))).toBe('Context is limited to 1,000 characters.');
    expect(validatePersonaText('claim', 'z'.repeat(301), 'Goal 2')).toBe('Goal 2 is limited to 300 characters.');
  });
  it('needs a name', () => {
    expect(validatePersonaText('name', '  ')).toBe('A persona needs a name.');
    expect(validatePersonaText('quote', '')).toBeNull();
  });
});

describe('describePersonaLinks', () => {
  it('names every link', () => {
    expect(describePersonaLinks('Ana', 'Young families', ['Onboarding'])).toBe(
      'Ana is linked to the segment “Young families” and the journey “Onboarding”. Deleting Ana removes those links.',
    );
    expect(describePersonaLinks('Ana', null, ['Onboarding', 'Renewal', 'Claims'])).toBe(
      'Ana is linked to the journeys “Onboarding”, “Renewal” and “Claims”. Deleting Ana removes those links.',
    );
    expect(describePersonaLinks('Ana', 'Young families', [])).toBe(
      'Ana is linked to the segment “Young families”. Deleting Ana removes that link.',
    );
    expect(describePersonaLinks('Ana', null, [])).toBeNull();
  });
});
