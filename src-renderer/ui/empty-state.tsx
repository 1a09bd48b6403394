// The empty state of a screen or artifact: an icon, a title, what the thing is for, how to
// start, and the actions to begin. The markup and classes match app.css (.empty-state…).
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  readonly title: ReactNode;
  /** Shown in the rounded icon tile; left out when absent. */
  readonly icon?: ReactNode;
  /** What the thing is for, in the larger purpose text. */
  readonly purpose?: ReactNode;
  /** Shown in a "How to start" box under the purpose. */
  readonly howToStart?: ReactNode;
  /** Anything after that: actions, notes, links. */
  readonly children?: ReactNode;
  /** More room around it, for a screen that holds nothing else. */
  readonly large?: boolean;
  /** The accessible name of the section; or use titleId to name it by its title. */
  readonly 'aria-label'?: string;
  /** An id for the title; the section is then labelled by it. */
  readonly titleId?: string;
  /** h2 by default; h1 when the empty state is all the page holds. */
  readonly headingLevel?: 1 | 2;
  /** A section by default; a div where it sits inside another region. */
  readonly as?: 'section' | 'div';
  /** Extra classes after .empty-state. */
  readonly className?: string;
}

export function EmptyState({
  title,
  icon,
  purpose,
  howToStart,
  children,
  large,
  'aria-label': ariaLabel,
  titleId,
  headingLevel = 2,
  as: Tag = 'section',
  className,
}: EmptyStateProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const classes = ['empty-state', large ? 'empty-state-large' : null, className ?? null].filter(Boolean).join(' ');
  return (
    <Tag className={classes} aria-label={ariaLabel} aria-labelledby={titleId}>
      {icon !== undefined ? (
        <div className="empty-state-icon" aria-hidden>
          {icon}
        </div>
      ) : null}
      <Heading id={titleId}>{title}</Heading>
      {purpose !== undefined ? <p className="empty-state-purpose">{purpose}</p> : null}
      {howToStart !== undefined ? (
        <div className="empty-state-start">
          <h3>How to start</h3>
          <p>{howToStart}</p>
        </div>
      ) : null}
      {children}
    </Tag>
  );
}
