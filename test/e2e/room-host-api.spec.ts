// Browser mode runs the room for the facilitator's page: the host API on its own origin opens a
// room on 127.0.0.1 (Playwright's server sets CENTRIC_ROOM_HOST), the page's CSP lets it open a
// WebSocket to that room, and closing the room makes its address stop answering.
import { expect, test } from '@playwright/test';

interface RoomInfo {
  port: number;
  joinUrls: string[];
  hostWsUrl: string;
}

test('the page opens a room through the host API, reaches it over a loopback WebSocket, and closes it', async ({ page, request }) => {
  await page.goto('/');
  const call = (action: string, body?: unknown) =>
    page.evaluate(
      async ({ action, body }) => {
        const response = await fetch(`/api/host/room/${action}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      { action, body },
    );

  const opened = await call('open', { workshopId: 'e2e-room', title: 'E2E', people: [] });
  expect(opened.status).toBe(200);
  const info = opened.body as RoomInfo;
  expect(info.joinUrls).toHaveLength(1);
  expect(info.joinUrls[0]).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${info.port}/#t=[A-Za-z0-9_-]{22}$`));

  // The CSP's connect-src allows ws://127.0.0.1:*: the socket opens (no token yet, so nothing more).
  const opens = await page.evaluate(
    (url) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(url);
        ws.onopen = () => {
          ws.close();
          resolve(true);
        };
        ws.onerror = () => resolve(false);
      }),
    info.hostWsUrl,
  );
  expect(opens).toBe(true);

  // Another site's page may not drive the room.
  const foreign = await request.post('/api/host/room/status', { headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json' }, data: {} });
  expect(foreign.status()).toBe(403);

  expect((await call('close')).body).toEqual({ ok: true });
  expect((await call('status')).body).toBeNull();
  await expect(request.get(`http://127.0.0.1:${info.port}/`, { timeout: 5_000 })).rejects.toThrow();
});
