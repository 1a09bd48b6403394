// The room server's contract with its two hosts (Electron's main process through IPC, and the
// browser-mode server scripts/serve.mjs through a loopback-only HTTP API) and, through them, with
// the facilitator's renderer (src-renderer/host). Types and request schemas only.
import { z } from 'zod';

/** What the facilitator's app needs to run a room (never shown to participants except joinUrls and code). */
export interface RoomInfo {
  readonly roomId: string;
  readonly workshopId: string;
  /** Port the room server listens on (all interfaces in the app; 127.0.0.1 in tests). */
  readonly port: number;
  /** The link for the QR code, one per IPv4 address of this machine (first: the likeliest room network). */
  readonly joinUrls: readonly string[];
  /** Six characters, e.g. "KX4P7M" (formatJoinCode shows "KX4-P7M"). */
  readonly code: string;
  /** The room token in the join link (128 bits). */
  readonly roomToken: string;
  /** The facilitator's app's own token: reads and writes every document of this room. */
  readonly hostToken: string;
  /** Where the facilitator's app connects (always loopback). */
  readonly hostWsUrl: string;
  readonly locked: boolean;
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const roomOpenRequestSchema = z
  .object({
    workshopId: id,
    title: z.string().max(200),
    /** The workshop's participants, offered on the join page. */
    people: z.array(z.object({ id, name: z.string().min(1).max(80) }).strict()).max(500),
  })
  .strict();
export type RoomOpenRequest = z.infer<typeof roomOpenRequestSchema>;

export const roomRevokeRequestSchema = z.object({ participantId: id }).strict();
export const roomLockRequestSchema = z.object({ locked: z.boolean() }).strict();
/** Keeps the join page's list of people in step with the workshop's participants. */
export const roomPeopleRequestSchema = z.object({ people: roomOpenRequestSchema.shape.people }).strict();
