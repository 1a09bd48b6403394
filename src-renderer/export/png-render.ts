// PNG of a slide, chart or canvas: its SVG (svg-render.ts) drawn onto a canvas at a chosen
// scale. Needs a browser (Image, canvas); everything before the drawing is the pure model.
import type { Deck, Slide } from './deck-model';
import { slideSvg } from './svg-render';

/** Renders the slide at `scale` (1 = 1 px per pt; 2 = double) and returns PNG bytes. */
export async function slidePng(deck: Pick<Deck, 'width' | 'height'> & Partial<Pick<Deck, 'brand'>>, slide: Slide, scale: number): Promise<Uint8Array<ArrayBuffer>> {
  const svg = slideSvg(deck, slide, scale);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The slide could not be drawn as an image.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(deck.width * scale);
    canvas.height = Math.round(deck.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This window cannot draw images (no 2D canvas).');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The image is too large to create at this scale. Try a smaller scale.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
