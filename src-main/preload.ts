// Owns the sandboxed preload: publishes window.centric and nothing else.
// Must never expose ipcRenderer or Node APIs; the sandbox lets it require only 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './preload-bridge';

contextBridge.exposeInMainWorld('centric', createBridge(ipcRenderer, process.platform));
