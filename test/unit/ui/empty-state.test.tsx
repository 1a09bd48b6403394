import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { EmptyState } from '../../../src-renderer/ui/empty-state';

afterEach(cleanup);

describe('EmptyState', () => {
  it('renders the icon tile, title, purpose and how-to-start box in the .empty-state markup', () => {
    const { container } = render(
      <EmptyState large aria-label="Personas: nothing yet" icon={<svg data-testid="icon" />} title="No personas yet" purpose="Who we design for" howToStart="Add one">
        <button type="button">Add persona</button>
      </EmptyState>,
    );
    const region = screen.getByRole('region', { name: 'Personas: nothing yet' });
    expect(region.className).toBe('empty-state empty-state-large');
    expect(container.querySelector('.empty-state-icon[aria-hidden]')?.contains(screen.getByTestId('icon'))).toBe(true);
    expect(screen.getByRole('heading', { level: 2, name: 'No personas yet' })).toBeTruthy();
    expect(container.querySelector('.empty-state-purpose')?.textContent).toBe('Who we design for');
    expect(container.querySelector('.empty-state-start h3')?.textContent).toBe('How to start');
    expect(container.querySelector('.empty-state-start p')?.textContent).toBe('Add one');
    expect(region.lastElementChild?.textContent).toBe('Add persona');
  });

  it('is named by its title when given a titleId, and leaves out the parts it is not given', () => {
    const { container } = render(<EmptyState titleId="empty-title" title="Prepare your first workshop" />);
    expect(screen.getByRole('region', { name: 'Prepare your first workshop' })).toBeTruthy();
    expect(container.querySelector('.empty-state-icon, .empty-state-purpose, .empty-state-start')).toBeNull();
  });

  it('can be an h1 in a plain div with extra classes', () => {
    const { container } = render(<EmptyState as="div" className="run-empty" headingLevel={1} title="Not found" />);
    expect(container.firstElementChild?.tagName).toBe('DIV');
    expect(container.firstElementChild?.className).toBe('empty-state run-empty');
    expect(screen.getByRole('heading', { level: 1, name: 'Not found' })).toBeTruthy();
  });
});
