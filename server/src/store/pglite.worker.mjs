// Runs the embedded PostgreSQL (PGlite, WebAssembly) on its own thread, so the database's
// work overlaps with HTTP, JSON and validation on the main thread. Plain JavaScript on
// purpose: a worker must load without the TypeScript loader (tests, tsx, node alike).
// Protocol: {id, op: 'query'|'begin'|'commit'|'rollback'|'exec'|'close'|'fail', sql?, params?, blob?}
// → {id, ok, result | error}. `blob` (bytes) is the file a `COPY … FROM '/dev/blob'` reads;
// `fail` (message in `sql`) stands for a statement db.ts could not post.
// workerData: {dataDir (null = in memory), params: extra start parameters (memory settings)}.
//
// Messages are handled strictly one after another in arrival order, so db.ts can post a
// transaction's statements without waiting for each answer and this thread never idles
// while the main thread is busy. Because statements may arrive before the previous one's
// outcome is known, the transaction's fate is decided here: once a statement inside
// begin…commit failed, `commit` rolls back and fails, whatever kind of error it was.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

// `template` (tests only): a data directory dumped with dumpDataDir, loaded instead of running initdb.
const lite = await PGlite.create({
  dataDir: workerData.dataDir ?? undefined,
  startParams: [...PGlite.defaultStartParams, ...workerData.params],
  ...(workerData.template ? { loadDataDir: new Blob([workerData.template]) } : {}),
});

let inTransaction = false;
/** The first error inside the open transaction, if any. */
let failure = null;

async function run(msg) {
  switch (msg.op) {
    case 'query': {
      const opts = msg.blob ? { blob: new Blob([msg.blob]) } : undefined;
      return { rows: (await lite.query(msg.sql, msg.params, opts)).rows };
    }
    case 'begin':
      await lite.query('begin');
      inTransaction = true;
      failure = null;
      return null;
    case 'commit': {
      inTransaction = false;
      if (!failure) return void (await lite.query('commit'));
      await lite.query('rollback');
      throw Object.assign(new Error(`transaction rolled back: ${failure.message}`), { code: failure.code });
    }
    case 'rollback':
      inTransaction = false;
      await lite.query('rollback');
      return null;
    case 'exec':
      return void (await lite.exec(msg.sql));
    case 'close':
      return void (await lite.close());
    case 'fail':
      throw new Error(msg.sql);
    default:
      throw new Error(`unknown op ${msg.op}`);
  }
}

let queue = Promise.resolve();
parentPort.on('message', (msg) => {
  queue = queue.then(async () => {
    try {
      parentPort.postMessage({ id: msg.id, ok: true, result: (await run(msg)) ?? null });
    } catch (err) {
      if (inTransaction && !failure) failure = err;
      const { message, code, detail, constraint, table, column, severity } = err ?? {};
      parentPort.postMessage({ id: msg.id, ok: false, error: { message: String(message ?? err), code, detail, constraint, table, column, severity } });
    }
  });
});
parentPort.postMessage({ ready: true });
