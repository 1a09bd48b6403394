// After the reveal: the facilitator groups the ideas into themes, by dragging an idea onto a
// theme (or onto "New theme"), or with each idea's "Theme" list at the keyboard, names the
// themes, and sends an idea or a whole theme on to the parking lot, a journey lane or the
// roadmap. Every change is one undoable command on the brainstorm row.
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { ArrowLeft, ArrowRight, Send, Trash2 } from 'lucide-react';
import { brainstormLimits, groupedIdeas, moveTheme, themeName, type Brainstorm, type Idea, type IdeaTheme, type Participant } from '../../domain/run';
import { CommitField } from '../../ui/commit-field';
import { addThemeTo, editBrainstorm, groupIdeaIn, removeThemeFrom, renameThemeIn, type SendWhat } from './run-actions';
import { SendDialog } from './send-dialog';

/** The drag payload's type: only ideas of this round can be dropped on its themes. */
const IDEA_TYPE = 'application/x-centric-idea';

export function ThemeBoard({ workshopId, b, participants, stepId }: { workshopId: string; b: Brainstorm; participants: readonly Participant[]; stepId: string | null }) {
  const [sending, setSending] = useState<SendWhat | null>(null);
  const [naming, setNaming] = useState<string | null>(null);
  const { themes, ungrouped } = groupedIdeas(b);
  const full = themes.length >= brainstormLimits.themes;
  const newTheme = async (ideaId?: string) => {
    const id = await addThemeTo(workshopId, b, '', ideaId);
    if (id) setNaming(id);
  };
  const idea = (i: Idea) => (
    <IdeaCard key={i.id} b={b} i={i} who={participants.find((p) => p.id === i.participantId)?.name}
      onKeep={(kept) => void editBrainstorm(workshopId, b.id, kept ? 'Keep idea' : 'Drop idea', (x) => ({ ...x, ideas: x.ideas.map((y) => (y.id === i.id ? { ...y, kept } : y)) }))}
      onTheme={(themeId) => void groupIdeaIn(workshopId, b.id, i.id, themeId)}
      onSend={() => setSending({ kind: 'idea', id: i.id })} />
  );
  return (
    <section aria-label="Revealed ideas" className="theme-board-wrap">
      <p className="muted">
        {b.ideas.length} ideas revealed · {b.ideas.filter((i) => i.kept).length} kept for voting · {themes.length} {themes.length === 1 ? 'theme' : 'themes'}.
        Drag an idea onto a theme to group it (or pick its theme in the list on the card); untick an idea to drop it.
      </p>
      <div className="theme-board">
        <DropColumn label="Not grouped" onDropIdea={(id) => void groupIdeaIn(workshopId, b.id, id, null)}
          header={<h3 className="theme-title">Not grouped <span className="theme-count">{ungrouped.length}</span></h3>}>
          {ungrouped.map(idea)}
        </DropColumn>
        {themes.map((g, index) => (
          <DropColumn key={g.theme.id} label={`Theme: ${themeName(b, g.theme)}`} onDropIdea={(id) => void groupIdeaIn(workshopId, b.id, id, g.theme.id)}
            header={
              <ThemeHeader theme={g.theme} b={b} count={g.ideas.length} first={index === 0} last={index === themes.length - 1} autoFocus={naming === g.theme.id}
                onRename={(name) => renameThemeIn(workshopId, b.id, g.theme.id, name)}
                onMove={(by) => void editBrainstorm(workshopId, b.id, 'Move theme', (x) => moveTheme(x, g.theme.id, by))}
                onRemove={() => void removeThemeFrom(workshopId, b.id, g.theme.id)}
                onSend={() => setSending({ kind: 'theme', id: g.theme.id })} />
            }>
            {g.ideas.length ? g.ideas.map(idea) : <li className="theme-empty muted small">Drop ideas here</li>}
          </DropColumn>
        ))}
        <NewThemeZone disabled={full} onNew={(ideaId) => void newTheme(ideaId)} />
      </div>
      <SendDialog workshopId={workshopId} b={b} what={sending} stepId={stepId} onClose={() => setSending(null)} />
    </section>
  );
}

function dragged(e: DragEvent): boolean {
  return e.dataTransfer.types.includes(IDEA_TYPE);
}

/** Where an idea of this round can be dropped: the handlers, and whether one is over it now. */
function useIdeaDrop(onDropIdea: (ideaId: string) => void, enabled = true) {
  const [over, setOver] = useState(false);
  const handlers = {
    onDragOver: (e: DragEvent) => {
      if (!enabled || !dragged(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      setOver(false);
      const id = e.dataTransfer.getData(IDEA_TYPE);
      if (!enabled || !id) return;
      e.preventDefault();
      onDropIdea(id);
    },
  };
  return { over, handlers };
}

function DropColumn({ label, header, children, onDropIdea }: { label: string; header: ReactNode; children: ReactNode; onDropIdea: (ideaId: string) => void }) {
  const { over, handlers } = useIdeaDrop(onDropIdea);
  return (
    <section className={`theme-column${over ? ' theme-column-over' : ''}`} aria-label={label} {...handlers}>
      {header}
      <ul className="theme-ideas">{children}</ul>
    </section>
  );
}

function NewThemeZone({ disabled, onNew }: { disabled: boolean; onNew: (ideaId?: string) => void }) {
  const { over, handlers } = useIdeaDrop((id) => onNew(id), !disabled);
  return (
    <div className={`theme-new${over ? ' theme-column-over' : ''}`} {...handlers}>
      <button type="button" className="btn" disabled={disabled} onClick={() => onNew()}>New theme</button>
      <p className="muted small">{disabled ? `At most ${brainstormLimits.themes} themes.` : 'or drop an idea here to start a theme with it'}</p>
    </div>
  );
}

function ThemeHeader({ theme, b, count, first, last, autoFocus, onRename, onMove, onRemove, onSend }: {
  theme: IdeaTheme; b: Brainstorm; count: number; first: boolean; last: boolean; autoFocus: boolean;
  onRename: (name: string) => Promise<boolean>; onMove: (by: -1 | 1) => void; onRemove: () => void; onSend: () => void;
}) {
  const name = themeName(b, theme);
  const head = useRef<HTMLElement>(null);
  // A theme just made asks for its name at once (it may have mounted before it was marked new).
  useEffect(() => {
    if (autoFocus) head.current?.querySelector('input')?.focus();
  }, [autoFocus]);
  return (
    <header className="theme-head" ref={head}>
      <div className="theme-name-row">
        <CommitField label={`Name of ${name}`} hideLabel value={theme.name} placeholder={name} maxLength={brainstormLimits.theme} className="theme-name" onCommit={(v) => onRename(v.trim())} />
        <span className="theme-count" aria-label={`${count} ${count === 1 ? 'idea' : 'ideas'}`}>{count}</span>
      </div>
      <div className="theme-actions">
        <button type="button" className="icon-button" aria-label={`Move ${name} left`} disabled={first} onClick={() => onMove(-1)}><ArrowLeft size={14} aria-hidden /></button>
        <button type="button" className="icon-button" aria-label={`Move ${name} right`} disabled={last} onClick={() => onMove(1)}><ArrowRight size={14} aria-hidden /></button>
        <button type="button" className="btn btn-small" aria-label={`Send theme ${name} to…`} onClick={onSend}><Send size={14} aria-hidden /> Send to…</button>
        <button type="button" className="icon-button icon-button-danger" aria-label={`Remove ${name} (its ideas stay, not grouped)`} onClick={onRemove}><Trash2 size={14} aria-hidden /></button>
      </div>
      {theme.sentTo ? <span className="badge">Sent to {theme.sentTo}</span> : null}
    </header>
  );
}

function IdeaCard({ b, i, who, onKeep, onTheme, onSend }: { b: Brainstorm; i: Idea; who?: string; onKeep: (kept: boolean) => void; onTheme: (themeId: string | null) => void; onSend: () => void }) {
  const themes = b.themes ?? [];
  const current = i.themeId && themes.some((t) => t.id === i.themeId) ? i.themeId : '';
  return (
    <li className={`idea-card${i.kept ? '' : ' idea-card-dropped'}`} draggable
      onDragStart={(e) => { e.dataTransfer.setData(IDEA_TYPE, i.id); e.dataTransfer.setData('text/plain', i.text); e.dataTransfer.effectAllowed = 'move'; }}>
      <p className="idea-text-revealed">{i.text}</p>
      <div className="idea-meta">
        <label className="idea-keep">
          <input type="checkbox" checked={i.kept} onChange={(e) => onKeep(e.target.checked)} aria-label={`Keep “${i.text}”`} /> Keep
        </label>
        {who ? <span className="muted small">{who}</span> : null}
        <button type="button" className="icon-button" aria-label={`Send “${i.text}” to…`} title="Send to the parking lot, a journey or the roadmap" onClick={onSend}>
          <Send size={16} aria-hidden />
        </button>
      </div>
      {themes.length ? (
        <select className="field-input idea-theme" aria-label={`Theme for “${i.text}”`} value={current} onChange={(e) => onTheme(e.target.value || null)}>
          <option value="">Not grouped</option>
          {themes.map((t) => <option key={t.id} value={t.id}>{themeName(b, t)}</option>)}
        </select>
      ) : null}
      {i.sentTo ? <span className="badge">Sent to {i.sentTo}</span> : null}
    </li>
  );
}
