// What every artifact editor receives from the screen that hosts it (the workshop's artifact
// page, run mode). Shared by the editors and their hosts; it imports no screen, so nothing cycles back.
import type { Workshop } from '../../domain/workshop';

export interface ArtifactEditorProps {
  readonly workshop: Workshop;
  /** The item opened inside the artifact (a persona, a segment), if any. */
  readonly itemId?: string;
}
