// Shared by the end-to-end tests of the room: the open room's details as the page's host API
// gives them, and a phone (a 360 px touch browser context) that records every WebSocket frame it
// receives, so a test can prove what it was never sent.
import type { Browser, BrowserContext, Page } from '@playwright/test';

export interface RoomInfo {
  roomId: string;
  joinUrls: string[];
  code: string;
}

/** The open room, from the facilitator's page (browser mode's host API). */
export async function roomStatus(page: Page): Promise<RoomInfo> {
  return page.evaluate(async () => {
    const res = await fetch('/api/host/room/status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return (await res.json()) as RoomInfo;
  });
}

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Every WebSocket frame this phone received, as text (binary frames as latin1: the texts in these tests are ASCII). */
  received: () => string;
}

export async function phone(browser: Browser): Promise<Phone> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(typeof payload === 'string' ? payload : payload.toString('latin1'))));
  return { context, page, received: () => frames.join('\n') };
}

/** Everything a phone keeps in IndexedDB (its Yjs documents), as latin1 text. */
export async function storedOnPhone(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const values = await new Promise<unknown[]>((ok, fail) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => ok(r.result as unknown[]);
          r.onerror = () => fail(r.error);
        });
        for (const v of values) out.push(v instanceof Uint8Array ? Array.from(v, (b) => String.fromCharCode(b)).join('') : JSON.stringify(v));
      }
      db.close();
    }
    return out.join('\n');
  });
}
