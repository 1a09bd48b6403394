// The room server's join API as the phone calls it (POST /api/code, /api/room, /api/enter on the
// page's own origin). Every answer is checked before use; an error answer's message is shown to
// the person as the server wrote it (capped), never as markup.
import { z } from 'zod';
import { roomLimits, tokenPattern, type EnterAnswer, type RoomAnswer } from '../domain/room';
import { capText } from '../domain/text';

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const token = z.string().regex(tokenPattern);
const codeAnswerSchema = z.object({ roomToken: token });
const roomAnswerSchema = z.object({
  roomId: id,
  title: z.string().max(2000),
  people: z.array(z.object({ id, name: z.string().min(1).max(roomLimits.name) })).max(500),
});
const enterAnswerSchema = z.object({ roomId: id, participantId: id, token });
const errorSchema = z.object({ error: z.string() });

export const unreachableMessage = "Cannot reach the room. Check that this phone is on the room's Wi-Fi, then try again.";

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

async function post<T>(path: string, body: unknown, schema: z.ZodType<T>, fetchFn: Fetch): Promise<ApiResult<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 15_000);
  try {
    const res = await fetchFn(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: controller.signal,
      credentials: 'omit',
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text.length <= 256 * 1024 ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) {
      const err = errorSchema.safeParse(json);
      if (err.success && err.data.error.trim()) return { ok: false, message: capText(err.data.error, 300) };
      return { ok: false, message: res.status === 429 ? 'Too many tries. Wait a minute, then try again.' : `The room answered with an error (${res.status}).` };
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: 'The room sent an answer this page cannot read.' };
  } catch {
    return { ok: false, message: unreachableMessage };
  } finally {
    clearTimeout(timer);
  }
}

const defaultFetch: Fetch = (input, init) => fetch(input, init);

export const joinApi = {
  code: (code: string, f: Fetch = defaultFetch) => post('/api/code', { code }, codeAnswerSchema, f),
  room: (roomToken: string, f: Fetch = defaultFetch): Promise<ApiResult<RoomAnswer>> => post('/api/room', { roomToken }, roomAnswerSchema, f),
  enter: (req: { roomToken: string; name: string; participantId?: string }, f: Fetch = defaultFetch): Promise<ApiResult<EnterAnswer>> =>
    post('/api/enter', req, enterAnswerSchema, f),
};
export type JoinApi = typeof joinApi;
