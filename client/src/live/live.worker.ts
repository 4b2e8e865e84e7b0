import { caseViews } from './cases/index.js';
import { LiveLink } from './link.js';
import type { FromLink, ToLink } from './protocol.js';

/** The dedicated worker's global scope, as this worker uses it (the project's types are the page's, `DOM`). */
const scope = self as unknown as { postMessage(msg: FromLink): void; onmessage: ((e: MessageEvent<ToLink>) => void) | null };

/** The live worker: the page's Socket.IO connection and its cases, off the page's main thread (see link.ts). */
const link = new LiveLink((msg) => scope.postMessage(msg), caseViews);
scope.onmessage = (e) => link.handle(e.data);
