// The claim list from the keyboard, against a real (in-memory) database: Enter adds a claim
// below and focuses it, Alt+ArrowDown moves a claim with focus following, Backspace in an empty
// claim removes it and focuses the one before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { freshDb } from '../../helpers/db';
import type { CentricDb } from '../../../src-renderer/db/database';
import { useHistory } from '../../../src-renderer/state/history';
import { createClaim, createPersona, type Persona } from '../../../src-renderer/domain/persona';
import { createWorkshop } from '../../../src-renderer/domain/workshop';
import { ClaimList } from '../../../src-renderer/features/personas/claim-list';
import { usePersona } from '../../../src-renderer/features/personas/persona-queries';

let db: CentricDb;
beforeEach(() => {
  db = freshDb();
  useHistory.setState({ stacks: {}, revision: 0 });
});
afterEach(cleanup);

function Harness({ workshopId, id }: { workshopId: string; id: string }) {
  const p = usePersona(workshopId, id);
  return p ? <ClaimList persona={p} field="goals" /> : null;
}

async function setup(goals: string[]) {
  const w = createWorkshop({ title: 'W', client: 'C', template: null });
  const p: Persona = { ...createPersona(w.id, 'Ana', 0, 1), goals: goals.map((t) => createClaim(t)) };
  await db.workshops.put(w);
  await db.personas.put(p);
  render(<Harness workshopId={w.id} id={p.id} />);
  await screen.findByRole('list', { name: 'Goals' });
  const stored = async () => (await db.personas.get(p.id))!.goals.map((c) => c.text);
  return { stored };
}

const goal = (n: number) => screen.getByRole('textbox', { name: `Goal ${n}` }) as HTMLInputElement;
const goals = () => screen.getAllByRole('textbox', { name: /^Goal \d+$/ });

describe('ClaimList keyboard', () => {
  it('Enter adds a goal below and focuses it', async () => {
    const { stored } = await setup(['Pay rent', 'Save']);
    act(() => goal(1).focus());
    fireEvent.keyDown(goal(1), { key: 'Enter' });
    await waitFor(() => expect(goals()).toHaveLength(3));
    await waitFor(() => expect(document.activeElement).toBe(goal(2)));
    expect(goal(2).value).toBe('');
    expect(goal(3).value).toBe('Save');
    expect(await stored()).toEqual(['Pay rent', '', 'Save']);
  });

  it('Enter stores the typing first, then adds', async () => {
    const { stored } = await setup(['Pay']);
    act(() => goal(1).focus());
    fireEvent.change(goal(1), { target: { value: 'Pay rent on time' } });
    fireEvent.keyDown(goal(1), { key: 'Enter' });
    await waitFor(() => expect(goals()).toHaveLength(2));
    expect(await stored()).toEqual(['Pay rent on time', '']);
  });

  it('keys typed right after Enter, before the new goal appears, go into the new goal', async () => {
    const { stored } = await setup(['Pay rent']);
    act(() => goal(1).focus());
    fireEvent.keyDown(goal(1), { key: 'Enter' });
    // Still in the first goal: the new one is being stored. Without the type-ahead these keys
    // would edit "Pay rent".
    // Another Enter before the new goal appears starts one more below it.
    for (const key of ['S', 'a', 'w', 'Backspace', 'v', 'e', 'Enter', 'F', 'u', 'n']) {
      const handled = !fireEvent.keyDown(goal(1), { key });
      expect(handled).toBe(true);
    }
    await waitFor(() => expect(goals()).toHaveLength(3));
    await waitFor(() => expect(goal(2).value).toBe('Save'));
    await waitFor(() => expect(goal(3).value).toBe('Fun'));
    expect(goal(1).value).toBe('Pay rent');
    await waitFor(() => expect(document.activeElement).toBe(goal(3)));
    await waitFor(async () => expect(await stored()).toEqual(['Pay rent', 'Save', 'Fun']), { timeout: 3000 });
  });

  it('a claim keeps where it comes from: the source is stored, and an empty one is left out', async () => {
    const { stored } = await setup(['Pay rent']);
    const source = screen.getByRole('textbox', { name: 'Source of goal 1' }) as HTMLInputElement;
    fireEvent.change(source, { target: { value: 'Interview 3, March 2026' } });
    fireEvent.blur(source);
    const first = async () => (await db.personas.toArray())[0]!.goals[0]!;
    await waitFor(async () => expect((await first()).citation).toBe('Interview 3, March 2026'));
    fireEvent.change(source, { target: { value: '' } });
    fireEvent.blur(source);
    await waitFor(async () => expect('citation' in (await first())).toBe(false));
    expect(await stored()).toEqual(['Pay rent']);
  });

  it('Alt+ArrowDown moves the goal and focus follows', async () => {
    const { stored } = await setup(['a', 'b', 'c']);
    act(() => goal(1).focus());
    fireEvent.keyDown(goal(1), { key: 'ArrowDown', altKey: true });
    await waitFor(async () => expect(await stored()).toEqual(['b', 'a', 'c']));
    await waitFor(() => expect(goal(2).value).toBe('a'));
    await waitFor(() => expect(document.activeElement).toBe(goal(2)));
    fireEvent.keyDown(goal(2), { key: 'ArrowUp', altKey: true });
    await waitFor(async () => expect(await stored()).toEqual(['a', 'b', 'c']));
    await waitFor(() => expect(document.activeElement).toBe(goal(1)));
  });

  it('Backspace in an empty goal removes it and focuses the one before', async () => {
    const { stored } = await setup(['a', '', 'c']);
    act(() => goal(2).focus());
    fireEvent.keyDown(goal(2), { key: 'Backspace' });
    await waitFor(async () => expect(await stored()).toEqual(['a', 'c']));
    await waitFor(() => expect(document.activeElement).toBe(goal(1)));
    // Backspace in a goal with text is ordinary editing.
    fireEvent.keyDown(goal(1), { key: 'Backspace' });
    expect(await stored()).toEqual(['a', 'c']);
  });

  it('names every control for assistive technology', async () => {
    await setup(['a', 'b']);
    for (const name of ['Evidence for goal 2', 'Remove goal 2', 'Drag to reorder goal 2', 'Add goal']) {
      expect(screen.getByRole(name === 'Evidence for goal 2' ? 'combobox' : 'button', { name })).toBeTruthy();
    }
  });
});
