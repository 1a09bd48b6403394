// PNG of a slide: its shapes as SVG (svg-render.ts) drawn onto a canvas at a chosen scale, then
// its text drawn on the canvas with the export fonts. An SVG drawn as an image cannot reach the
// page's fonts (it would fall back to the machine's own, which wrap differently and may lack
// Hebrew or Arabic); the canvas can, and it shapes and orders right-to-left text itself.
// Needs a browser (Image, canvas, document.fonts); everything before the drawing is the pure model.
import { baselineOf, textBlocksOf, type Deck, type Slide } from './deck-model';
import { slideSvg, textAnchor } from './svg-render';
import { cssFontFamily, substitute } from './text-measure';

/** Renders the slide at `scale` (1 = 1 px per pt; 2 = double) and returns PNG bytes. */
export async function slidePng(deck: Pick<Deck, 'width' | 'height'> & Partial<Pick<Deck, 'brand'>>, slide: Slide, scale: number): Promise<Uint8Array<ArrayBuffer>> {
  const svg = slideSvg(deck, slide, scale, slide.title, false);
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
    await document.fonts.ready;
    drawText(ctx, slide, canvas.width / deck.width);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The image is too large to create at this scale. Try a smaller scale.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Every line of the slide at the model's positions, with the model's line breaks. */
function drawText(ctx: CanvasRenderingContext2D, slide: Slide, scale: number): void {
  ctx.save();
  ctx.scale(scale, scale);
  ctx.textBaseline = 'alphabetic';
  for (const t of textBlocksOf(slide)) {
    const { x, anchor, dir } = textAnchor(t);
    ctx.font = `${t.bold ? 700 : 400} ${t.size}px ${cssFontFamily}`;
    ctx.fillStyle = t.color;
    ctx.direction = dir;
    ctx.textAlign = anchor === 'middle' ? 'center' : anchor;
    t.lines.forEach((line, i) => {
      if (line) ctx.fillText(substitute(line), x, baselineOf(t, i));
    });
  }
  ctx.restore();
}
