// Runs the embedded PostgreSQL (PGlite, WebAssembly) on its own thread, so the database's
// work overlaps with HTTP, JSON and validation on the main thread. Plain JavaScript on
// purpose: a worker must load without the TypeScript loader (tests, tsx, node alike).
// Protocol: {id, op: 'query'|'exec'|'close', sql?, params?} → {id, ok, result | error}.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const lite = await PGlite.create(workerData.dataDir ?? undefined);

parentPort.on('message', async (msg) => {
  try {
    let result = null;
    if (msg.op === 'query') result = { rows: (await lite.query(msg.sql, msg.params)).rows };
    else if (msg.op === 'exec') await lite.exec(msg.sql);
    else if (msg.op === 'close') await lite.close();
    parentPort.postMessage({ id: msg.id, ok: true, result });
  } catch (err) {
    const { message, code, detail, constraint, table, column, severity } = err ?? {};
    parentPort.postMessage({ id: msg.id, ok: false, error: { message: String(message ?? err), code, detail, constraint, table, column, severity } });
  }
});
parentPort.postMessage({ ready: true });
