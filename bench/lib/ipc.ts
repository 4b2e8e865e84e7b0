import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import serverRuntime from '../../scripts/server-runtime.json' with { type: 'json' };

/** A request from the orchestrator to a child, answered by a {@link Reply} with the same id. */
export interface Request {
  id: number;
  type: string;
  [key: string]: unknown;
}
export interface Reply {
  replyTo: number;
  ok: boolean;
  data?: unknown;
  error?: string;
}

const children = new Set<ChildProcess>();
let nextId = 1;

/** A bench child process: the server under test, or a pool of clients. */
export interface Child {
  proc: ChildProcess;
  /** Sends a request and resolves with the child's answer. */
  call<T = unknown>(type: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** Asks the child to stop, and kills it if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Forks a bench server child (the real server, `hub-server.ts`, or the naive one it is compared with) as `npm start` runs the server: with the
 * allocator settings and Node flags of scripts/server-runtime.json (the bench's own environment wins).
 */
export function spawnServer(env: Record<string, string>, entry: 'hub-server.ts' | 'naive-server.ts' = 'hub-server.ts'): Child {
  const inherited = Object.fromEntries(Object.entries(serverRuntime.env).filter(([k]) => process.env[k] === undefined));
  return spawnChild(entry, { ...inherited, ...env }, serverRuntime.nodeFlags);
}

/** Forks `bench/<entry>` under tsx with an IPC channel; the child exits when this process dies. */
export function spawnChild(entry: string, env: Record<string, string> = {}, nodeFlags: string[] = []): Child {
  const file = fileURLToPath(new URL(`../${entry}`, import.meta.url));
  const proc = fork(file, [], {
    execArgv: [
      ...nodeFlags,
      '--import',
      'tsx',
      '--max-old-space-size=4096',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      // e.g. `--heapsnapshot-signal=SIGUSR2`, to look inside a child while it runs
      ...(process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  proc.on('message', (msg: Reply) => {
    const p = msg && typeof msg.replyTo === 'number' ? pending.get(msg.replyTo) : undefined;
    if (!p) return;
    pending.delete(msg.replyTo);
    if (msg.ok) p.resolve(msg.data);
    else p.reject(new Error(`${entry}: ${msg.error}`));
  });
  proc.once('exit', (code, signal) => {
    for (const p of pending.values()) p.reject(new Error(`${entry} exited (${signal ?? code})`));
    pending.clear();
  });
  return {
    proc,
    call<T>(type: string, args: Record<string, unknown> = {}, timeoutMs = 180_000) {
      return new Promise<T>((resolve, reject) => {
        if (!proc.connected) return reject(new Error(`${entry} is not running`));
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${entry}: no answer to ${type} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (v) => (clearTimeout(timer), resolve(v as T)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        proc.send({ id, type, ...args } satisfies Request);
      });
    },
    async stop(graceMs = 10_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      if (proc.connected) proc.send({ id: 0, type: 'stop' } satisfies Request);
      else proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Kills every child still running; safe to call more than once and from exit handlers. */
export function killAllChildren(): void {
  for (const proc of children) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
}

/**
 * Child side: answers the orchestrator's requests with `handlers`; `stop` runs `onStop` and
 * exits, and so does losing the parent, so no child outlives a crashed or killed orchestrator.
 */
export function serveRequests(handlers: Record<string, (req: Request) => unknown>, onStop: () => Promise<void>): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 8_000);
    force.unref();
    try {
      await onStop();
    } finally {
      process.exit(0);
    }
  };
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('message', (req: Request) => {
    if (req.type === 'stop') return void stop();
    const handler = handlers[req.type];
    const reply = (r: Omit<Reply, 'replyTo'>) => process.connected && process.send!({ replyTo: req.id, ...r } satisfies Reply);
    if (!handler) return reply({ ok: false, error: `unknown request ${req.type}` });
    Promise.resolve()
      .then(() => handler(req))
      .then(
        (data) => reply({ ok: true, data }),
        (err: unknown) => reply({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      );
  });
}
