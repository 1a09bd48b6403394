// Whole rows for tests, built by the domain's own constructors so they always match their record
// definitions; a test names only the fields it cares about.
import { createLogEntry, type LogEntry } from '../../src-renderer/domain/actions-log';
import { createJourney, type Journey } from '../../src-renderer/domain/journey';
import { createPersona, type Persona } from '../../src-renderer/domain/persona';
import { createSegment, type Segment } from '../../src-renderer/domain/segment';

export function aPersona(workshopId: string, fields: Partial<Persona> = {}): Persona {
  return { ...createPersona(workshopId, fields.name ?? 'Ana', fields.order ?? 0, fields.createdAt ?? 1000), ...fields };
}

export function aSegment(workshopId: string, fields: Partial<Segment> = {}): Segment {
  return { ...createSegment(workshopId, fields.name ?? 'Young families', fields.order ?? 0, fields.createdAt ?? 1000), ...fields };
}

export function aJourney(workshopId: string, fields: Partial<Journey> = {}): Journey {
  return { ...createJourney(workshopId, { name: 'Onboarding', personaId: null, scenario: '' }, 0, 1000), ...fields };
}

export function aLogEntry(workshopId: string, fields: Partial<LogEntry> = {}): LogEntry {
  return { ...createLogEntry(workshopId, { kind: 'action', text: 'Call back', owner: '', due: '' }, null, 1000), ...fields };
}
