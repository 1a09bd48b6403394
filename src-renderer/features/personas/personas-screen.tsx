// The persona artifact: the gallery, or one persona's editor when the route names it.
import type { ArtifactEditorProps } from '../shared/artifact-editor-props';
import { PersonaGallery } from './persona-gallery';
import { PersonaEditor } from './persona-editor';
import './personas.css';

export function PersonasScreen({ workshop, itemId }: ArtifactEditorProps) {
  return itemId ? <PersonaEditor key={itemId} workshop={workshop} personaId={itemId} /> : <PersonaGallery workshop={workshop} />;
}
