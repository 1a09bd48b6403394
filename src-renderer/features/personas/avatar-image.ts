// Turns a picked image file into a small avatar: decoded by the browser, scaled to at most
// 256×256 on a canvas, and stored as a WebP (or JPEG) data URL under the stored-size limit.
import { avatarDataUrlPattern, personaLimits } from '../../domain/persona';
import { getHost } from '../../host/host';

export const AVATAR_MAX_PX = 256;
export const avatarFileFilters = [{ name: 'Image', extensions: ['png', 'jpg', 'jpeg', 'webp'] }] as const;

function mimeOf(name: string): string {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'png') return 'image/png';
  if (ext === 'webp') return 'image/webp';
  return 'image/jpeg';
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function decode(blob: Blob): Promise<CanvasImageSource & { width: number; height: number }> {
  if (typeof createImageBitmap === 'function') return createImageBitmap(blob);
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Scales a decoded image into a data URL within the limit, or throws with a message for people. */
export async function imageFileToAvatar(name: string, base64: string): Promise<string> {
  let source: CanvasImageSource & { width: number; height: number };
  try {
    source = await decode(new Blob([base64ToBytes(base64)], { type: mimeOf(name) }));
  } catch {
    throw new Error(`${name} could not be read as an image. Pick a PNG, JPEG or WebP picture.`);
  }
  if (!source.width || !source.height) throw new Error(`${name} could not be read as an image. Pick a PNG, JPEG or WebP picture.`);
  const scale = Math.min(1, AVATAR_MAX_PX / Math.max(source.width, source.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(source.width * scale));
  canvas.height = Math.max(1, Math.round(source.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This computer could not prepare the picture (no canvas).');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  if ('close' in source && typeof source.close === 'function') source.close();
  for (const quality of [0.86, 0.72, 0.55, 0.4]) {
    for (const type of ['image/webp', 'image/jpeg']) {
      const url = canvas.toDataURL(type, quality);
      // A browser that cannot encode WebP silently returns PNG; try JPEG then.
      if (!url.startsWith(`data:${type};`)) continue;
      if (url.length <= personaLimits.avatarDataUrl && avatarDataUrlPattern.test(url)) return url;
    }
  }
  throw new Error(`${name} is still too large after scaling it down. Pick a simpler picture.`);
}

/** Lets the user pick a picture; resolves to its avatar data URL, or null if they cancelled. */
export async function pickAvatarImage(): Promise<string | null> {
  const file = await getHost().openBinaryFile(avatarFileFilters, personaLimits.avatarFileBytes);
  if (!file) return null;
  return imageFileToAvatar(file.name, file.text);
}
