// @vitest-environment node
// The lifecycle roadmap records who owns each stage, one owner or a partnership of owners (the
// readiness check's fourth question); workshops saved before open with no owner and unchanged.
import { describe, expect, it } from 'vitest';
import { defaultRoadmapSettings, readRoadmapSettings, setLaneOwner } from '../../../src-renderer/domain/roadmap';

describe('stage owners', () => {
  it('a workshop saved before stage owners opens with the same lanes and no owner', () => {
    const saved = defaultRoadmapSettings('2027-03-14');
    const read = readRoadmapSettings({ date: '2027-03-14', roadmap: saved });
    expect(read).toEqual(saved);
    expect(read.lanes.every((l) => l.owner === undefined)).toBe(true);
  });

  it('sets one owner or a partnership, and clears it when blank', () => {
    let s = defaultRoadmapSettings('2027-03-14');
    s = setLaneOwner(s, 'retention', 'Head of service & Head of sales');
    expect(s.lanes.find((l) => l.id === 'retention')!.owner).toBe('Head of service & Head of sales');
    expect(readRoadmapSettings({ date: '2027-03-14', roadmap: s })).toEqual(s);
    s = setLaneOwner(s, 'retention', '  ');
    expect(s.lanes.find((l) => l.id === 'retention')).not.toHaveProperty('owner');
    expect(setLaneOwner(s, 'acquisition', 'x'.repeat(500)).lanes[0]!.owner).toHaveLength(120);
  });
});
