// Level of detail on the journey canvas. Below the zoom where card text could be read, cards
// are drawn as plain coloured blocks (no text, marks as coloured bands) and every card stays
// mounted; at and above it, cards are drawn in full and only those on screen are mounted. The
// canvas picks the level with a React Flow store selector that returns a string, so nothing
// re-renders while the zoom moves inside one level: only crossing a level (or a step of the
// far scale) re-renders the canvas, and cards restyle through CSS (journey.css, [data-lod]).

/**
 * Type smaller than this on screen (px) cannot be read: below it the canvas draws blocks, not
 * text. 5 px keeps text in the opening view (fit to width) of a 6-stage journey on a 1280 px
 * wide window (zoom 0.35, 5.3 px type); Zoom to fit on a large journey is far below it.
 */
export const READABLE_PX = 5;

export type Lod = 'near' | 'far';
/**
 * Finer than the level: 'close' is type at least twice READABLE_PX. Between READABLE_PX and that
 * ('near') the canvas keeps culling as it was (see nextCulling), so zooming back and forth
 * around the readable zoom never mounts and unmounts every card on each crossing.
 */
export type Band = 'far' | 'near' | 'close';

export interface LodState {
  readonly lod: Lod;
  readonly band: Band;
  /**
   * Flow pixels per screen pixel, rounded up to a half-octave step (1, 1.41, 2, 2.83 ...), so
   * signs drawn in the far view (selection ring, focus outline, grid lines) keep a steady width
   * on screen. Always 1 in the near view, where they scale with the cards as before.
   */
  readonly px: number;
}

/** The level of detail at this zoom for cards set in `fontSize` (flow px). */
export function lodAt(zoom: number, fontSize: number): LodState {
  if (!(zoom > 0)) return { lod: 'near', band: 'close', px: 1 };
  const typePx = zoom * fontSize;
  if (typePx >= READABLE_PX) return { lod: 'near', band: typePx >= 2 * READABLE_PX ? 'close' : 'near', px: 1 };
  const halfOctaves = Math.max(0, Math.ceil(Math.log2(1 / zoom) * 2 - 1e-9));
  return { lod: 'far', band: 'far', px: Math.round(2 ** (halfOctaves / 2) * 100) / 100 };
}

/** The level as one comparable string, for a store selector (equal strings: no re-render). */
export function lodKey(zoom: number, fontSize: number): string {
  const s = lodAt(zoom, fontSize);
  return `${s.band}:${s.px}`;
}

export function parseLodKey(key: string): LodState {
  const [band, px] = key.split(':');
  const b: Band = band === 'far' || band === 'near' ? band : 'close';
  return { lod: b === 'far' ? 'far' : 'near', band: b, px: Number(px) || 1 };
}

/**
 * Whether React Flow should mount only the cards on screen (with many cards). Close up it keeps
 * the DOM small; in the far view nearly every card is on screen anyway, and culling would
 * re-render the node list on every pan frame and mount and unmount cards at the edges. In the
 * band between, it stays as it was: mounting or unmounting 2,000 cards takes a long frame, paid
 * once on the way out and once on the way in, not on every wobble of the zoom.
 */
export function nextCulling(previous: boolean, band: Band): boolean {
  return band === 'far' ? false : band === 'close' ? true : previous;
}

/** The canvas's zoom range: low enough that Zoom to fit shows every card of a large journey. */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 3;
/** Zoom to fit never enlarges past this. */
export const FIT_MAX_ZOOM = 1.5;
/** Space kept around the journey by Zoom to fit, as a share of the screen. */
const FIT_PAD = 0.03;
/**
 * In the far view stage names stand upright above their columns and lane names to the left of
 * their lanes (journey.css, .jy-far-label), at screen size: Zoom to fit keeps room for them (px,
 * the longest label at the largest step of --jy-px).
 */
export const FAR_LABEL_TOP = 135;
export const FAR_LABEL_LEFT = 240;

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The viewport that shows the whole journey (`content`, flow px) on a `screen` of this size. */
export function fitViewport(content: Size, screen: Size, fontSize: number): { x: number; y: number; zoom: number } {
  const cw = Math.max(1, content.width);
  const ch = Math.max(1, content.height);
  const padX = screen.width * FIT_PAD;
  const padY = screen.height * FIT_PAD;
  const zoomIn = (left: number, top: number) => {
    const z = Math.min((screen.width - left - 2 * padX) / cw, (screen.height - top - 2 * padY) / ch);
    return Math.max(MIN_ZOOM, Math.min(FIT_MAX_ZOOM, z));
  };
  let left = 0;
  let top = 0;
  let zoom = zoomIn(0, 0);
  if (lodAt(zoom, fontSize).lod === 'far') {
    left = FAR_LABEL_LEFT;
    top = FAR_LABEL_TOP;
    zoom = zoomIn(left, top);
  }
  // Centre the journey in the space left once the labels have theirs.
  const x = left + padX + (screen.width - left - 2 * padX - cw * zoom) / 2;
  const y = top + padY + Math.max(0, (screen.height - top - 2 * padY - ch * zoom) / 2);
  return { x, y, zoom };
}

/** Type this size on screen (px) is comfortable to edit. */
export const EDIT_PX = 15;

/**
 * Editing a card (or drafting one) from the far view would open an editor a few pixels wide:
 * the viewport that centres `rect` (flow px) with its type at EDIT_PX, or null when the type
 * is already readable at `zoom` and the view should stay.
 */
export function zoomToRead(rect: { x: number; y: number; width: number; height: number }, screen: Size, fontSize: number, zoom: number): { x: number; y: number; zoom: number } | null {
  if (lodAt(zoom, fontSize).lod === 'near') return null;
  const z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, EDIT_PX / fontSize));
  return { x: screen.width / 2 - (rect.x + rect.width / 2) * z, y: screen.height / 2 - (rect.y + rect.height / 2) * z, zoom: z };
}
