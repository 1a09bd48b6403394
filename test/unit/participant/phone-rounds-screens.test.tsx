// The phone's scoring and emotion screens in jsdom, with Y.Docs built in the test: a live round
// opens by itself, every choice is a named button, a tap writes the whole sheet into the phone's
// own document only (never the shared one), "Finish" waits for every item, untrusted item text
// is shown as text, and a closed round says so and takes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import * as Y from 'yjs';
import { OWN, SHARED, type DeviceEmotions, type DeviceScores, type PublishedEmotions, type PublishedScoring } from '../../../src-renderer/domain/room';
import { RoomScreen } from '../../../src-renderer/participant/room-screen';
import type { ConnectionFacts, Identity } from '../../../src-renderer/participant/participant-model';

afterEach(cleanup);

const identity: Identity = { roomId: 'room1', roomToken: 'R'.repeat(22), participantId: 'me', token: 'T'.repeat(22), name: 'Ana Lima', title: 'Bike workshop' };
const connected: ConnectionFacts = { socket: 'connected', failedOnce: false, denied: null };
const scoring: PublishedScoring = {
  id: 'sr1',
  title: 'Seven contrasts',
  rule: '',
  choices: [
    { value: 1, label: '1', meaning: 'Inward-looking' },
    { value: 5, label: '5', meaning: 'Customer-centric' },
    { value: 'unknown', label: 'Don’t know', meaning: 'I cannot judge this one' },
  ],
  items: [
    { id: 'one', short: '<img src=x onerror=alert(1)>', text: 'First item', hint: '' },
    { id: 'two', short: 'Second', text: 'Second item', hint: '' },
  ],
  revealed: false,
  done: [],
};
const emotions: PublishedEmotions = { id: 'er1', journeyName: 'Buying a bike', stages: [{ id: 's1', name: 'Aware' }], closed: false, done: [] };

function docs(room: Record<string, unknown>) {
  const shared = new Y.Doc();
  shared.transact(() => {
    shared.getMap(SHARED.room).set('title', 'Bike workshop');
    for (const [k, v] of Object.entries(room)) shared.getMap(SHARED.room).set(k, v);
  });
  const own = new Y.Doc();
  render(<RoomScreen identity={identity} shared={shared} own={own} facts={connected} onNotYou={() => {}} onRejoin={() => {}} now={() => 1234} />);
  return { shared, own };
}

describe('scoring on the phone', () => {
  it('opens by itself, names every choice, writes the whole sheet to the own document and finishes only when complete', () => {
    const { shared, own } = docs({ scoring });
    expect(screen.getByText('Item 1 of 2')).toBeTruthy();
    // Untrusted text is text: the markup shows as characters, no element is made.
    expect(screen.getByRole('heading', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    const group = screen.getByRole('group', { name: 'Your score for <img src=x onerror=alert(1)>' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['1 Inward-looking', '5 Customer-centric', 'Don’t know I cannot judge this one']);
    fireEvent.click(within(group).getByRole('button', { name: '5 Customer-centric' }));
    fireEvent.change(screen.getByLabelText('Evidence or example (optional)'), { target: { value: 'Seen in claims' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(own.getMap<DeviceScores>(OWN.scores).get('sr1')).toMatchObject({ id: 'sr1', answers: { one: 5 }, notes: { one: 'Seen in claims' }, done: false });
    expect(screen.getByText(/Sending…/)).toBeTruthy();
    // Finishing with an item open says what is missing and writes nothing more.
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(screen.getByText('Give every item a score (or “Don’t know”) before you finish.')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: 'Your score for Second' })).getByRole('button', { name: /^Don’t know/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(own.getMap<DeviceScores>(OWN.scores).get('sr1')).toMatchObject({ answers: { one: 5, two: 'unknown' }, done: true });
    // The shared document is never written by the phone.
    expect(JSON.stringify(shared.getMap(SHARED.room).toJSON())).not.toContain('Seen in claims');
    // The facilitator's receipt: no longer sending.
    act(() => own.getMap(OWN.status).set('scores', { id: 'sr1', rev: own.getMap<DeviceScores>(OWN.scores).get('sr1')!.rev }));
    expect(screen.queryByText(/Sending…/)).toBeNull();
  });

  it('after the reveal says scoring is closed and offers no choices', () => {
    docs({ scoring: { ...scoring, revealed: true } });
    fireEvent.click(screen.getByRole('button', { name: 'Score' }));
    expect(screen.getByText(/revealed the spread on the shared screen/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: /^Your score for/ })).toBeNull();
  });
});

describe('the five-employees test on the phone', () => {
  it('an optional last page takes an employee’s department and words, sent with the sheet when finishing', () => {
    const { own } = docs({ scoring: { ...scoring, items: [scoring.items[1]!], employees: true } });
    fireEvent.click(within(screen.getByRole('group', { name: 'Your score for Second' })).getByRole('button', { name: /^1 / }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: 'Five-employees test' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Their department'), { target: { value: 'Finance' } });
    fireEvent.change(screen.getByLabelText('Their answer, in their words'), { target: { value: 'We pick up the phone' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(own.getMap<DeviceScores>(OWN.scores).get('sr1')).toMatchObject({ answers: { two: 1 }, done: true, employee: { department: 'Finance', answer: 'We pick up the phone' } });
  });
});

describe('emotions on the phone', () => {
  it('rates a stage from +3 to −3 with named buttons and writes only the own document', () => {
    const { own } = docs({ emotions });
    const group = screen.getByRole('group', { name: 'How the customer feels at Aware' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual([
      '+3 delighted', '+2 positive', '+1 slightly positive', '0 neutral', '−1 slightly negative', '−2 negative', '−3 very negative',
    ]);
    fireEvent.click(within(group).getByRole('button', { name: '−2 negative' }));
    expect(within(group).getByRole('button', { name: '−2 negative' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(own.getMap<DeviceEmotions>(OWN.emotions).get('er1')).toMatchObject({ ratings: { s1: -2 }, done: true });
  });
});
