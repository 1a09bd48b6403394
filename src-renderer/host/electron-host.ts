// Host capabilities over the preload bridge (window.centric). Main validates every request.
import type { CentricBridge } from '../../src-main/ipc-contract';
import type { Host } from './host-types';

export function createElectronHost(bridge: CentricBridge): Host {
  return {
    kind: 'electron',
    appVersion: () => bridge.invoke('app:version', undefined),
    saveFile: (req) =>
      bridge.invoke('file:save', {
        suggestedName: req.suggestedName,
        data: req.data,
        filters: req.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      }),
    openFile: (filters) =>
      bridge.invoke('file:open', { filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) }),
    openBinaryFile: (filters, maxBytes) =>
      bridge.invoke('file:open', {
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        encoding: 'base64',
        maxBytes,
      }),
    writeSnapshot: async (s) => {
      await bridge.invoke('snapshot:write', { id: s.id, reason: s.reason, data: s.data, keep: s.keep });
    },
    listSnapshots: () => bridge.invoke('snapshot:list', undefined),
    readSnapshot: (id) => bridge.invoke('snapshot:read', { id }),
    openWindow: async (route) => {
      await bridge.invoke('window:open', { route });
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    // Electron's storage lives in the user-data folder and is not evicted.
    requestPersistentStorage: async () => true,
    room: {
      open: (req) => bridge.invoke('room:open', { workshopId: req.workshopId, title: req.title, people: req.people.map((p) => ({ id: p.id, name: p.name })) }),
      close: async () => {
        await bridge.invoke('room:close', undefined);
      },
      status: () => bridge.invoke('room:status', undefined),
      revoke: async (participantId) => {
        await bridge.invoke('room:revoke', { participantId });
      },
      lock: async (locked) => {
        await bridge.invoke('room:lock', { locked });
      },
      people: async (people) => {
        await bridge.invoke('room:people', { people: people.map((p) => ({ id: p.id, name: p.name })) });
      },
    },
  };
}
