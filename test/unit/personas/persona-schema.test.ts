// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createClaim, createPersona, personaLimits, personaRowSchema, type Persona } from '../../../src-renderer/domain/persona';

const valid: Persona = {
  ...createPersona('w1', 'Δήμητρα 🚀', 0, 1_750_000_000_000),
  segmentId: 'seg-1',
  quote: '株式会社',
  goals: [createClaim('Pay rent', 'interview')],
  pains: [createClaim('Fees', 'assumption')],
};

const refuses = (row: unknown) => expect(personaRowSchema.safeParse(row).success).toBe(false);

describe('personaRowSchema', () => {
  it('accepts a valid persona, with initials or a small image', () => {
    expect(personaRowSchema.parse(valid)).toEqual(valid);
    const img = { ...valid, avatar: { kind: 'image', dataUrl: 'data:image/webp;base64,UklGRh4AAABXRUJQ' } };
    expect(personaRowSchema.safeParse(img).success).toBe(true);
    expect(personaRowSchema.safeParse({ ...valid, segmentId: null }).success).toBe(true);
  });

  it('refuses missing, extra and mistyped fields', () => {
    const { quote: _q, ...missing } = valid;
    refuses(missing);
    refuses({ ...valid, extra: 1 });
    refuses({ ...valid, order: '1' });
    refuses({ ...valid, id: 'has spaces' });
    refuses({ ...valid, goals: [{ ...valid.goals[0], source: 'rumour' }] });
    refuses({ ...valid, goals: [{ ...valid.goals[0], extra: true }] });
    refuses({ ...valid, avatar: { kind: 'initials', color: 'red' } });
    refuses({ ...valid, avatar: { kind: 'emoji', value: '🚀' } });
  });

  it('refuses over-long text and too many claims', () => {
    refuses({ ...valid, name: 'x'.repeat(personaLimits.name + 1) });
    expect(personaRowSchema.safeParse({ ...valid, name: '🚀'.repeat(personaLimits.name) }).success).toBe(true);
    refuses({ ...valid, quote: 'x'.repeat(personaLimits.quote + 1) });
    refuses({ ...valid, context: 'x'.repeat(personaLimits.context + 1) });
    refuses({ ...valid, goals: [createClaim('x'.repeat(personaLimits.claim + 1))] });
    refuses({ ...valid, needs: Array.from({ length: personaLimits.claimsPerList + 1 }, () => createClaim('n')) });
  });

  it('refuses avatar images that are not small PNG, JPEG or WebP data URLs', () => {
    const image = (dataUrl: string) => ({ ...valid, avatar: { kind: 'image', dataUrl } });
    refuses(image('data:image/svg+xml;base64,PHN2Zz4='));
    refuses(image('data:image/gif;base64,R0lGOD'));
    refuses(image('https://example.com/a.png'));
    refuses(image('data:image/png;base64,<script>'));
    refuses(image(`data:image/jpeg;base64,${'A'.repeat(personaLimits.avatarDataUrl)}`));
    expect(personaRowSchema.safeParse(image(`data:image/png;base64,${'A'.repeat(1000)}`)).success).toBe(true);
  });
});
