import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents, SubscribeResult } from '../shared/contracts/live.js';
import type { Alert } from '../shared/schemas/alert.js';
import { toCapXml } from '../shared/cap/build-cap.js';
import { removeTempDir, tempDir } from './lib/cleanup.js';
import { nowMs, sleep } from './lib/clock.js';
import { Histogram } from './lib/histogram.js';
import { INGEST_KEY, login } from './lib/http.js';
import { spawnServer, type Child } from './lib/ipc.js';

/** Knobs of the alert-to-desks run. */
export interface AlertDesksOptions {
  /** Open desks: live sockets of duty officers subscribed to `alerts`. */
  desks: number;
  /** CAP alerts posted, one after another. */
  alerts: number;
  /** Pause between two alerts, so each is measured on its own. */
  gapMs: number;
}

/** What one run measured. */
export interface AlertDesksResult {
  desks: number;
  desksConnected: number;
  alertsAccepted: number;
  expectedDeliveries: number;
  delivered: number;
  /** From the start of the CAP POST to the alert's arrival on a desk, ms; null when not all arrived. */
  latencyMs: { p50: number | null; p99: number | null; max: number };
  /** The CAP POST itself (stored and committed, 202), ms. */
  acceptMs: { p50: number | null; p99: number | null };
}

type Desk = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Starts the real server in its own process, opens `desks` stock socket.io-client sockets as
 * the duty officer subscribed to `alerts`, posts CAP alerts one by one and times each one's
 * arrival on every desk from the moment its POST started (the conservative end: the clock runs
 * through parsing, the durable commit and the hub's batching).
 */
export async function runAlertDesks(o: AlertDesksOptions, log: (msg: string) => void): Promise<AlertDesksResult> {
  const dataDir = tempDir('cockpit-bench-alerts-');
  let srv: Child | undefined;
  const desks: Desk[] = [];
  try {
    srv = spawnServer({ BENCH_DATA_DIR: dataDir });
    const { url } = await srv.call<{ url: string }>('start');
    const token = await login(url, 'duty');
    const postedAt = new Map<string, number>();
    const hist = new Histogram();
    let delivered = 0;
    const opened = await Promise.allSettled(
      Array.from({ length: o.desks }, async () => {
        const desk: Desk = connect(`${url}/live`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
        desks.push(desk);
        desk.on('live:delta', (d) => {
          const t = nowMs();
          if (d.topic !== 'alerts') return;
          for (const a of d.items as Alert[]) {
            const t0 = postedAt.get(a.sourceId);
            if (t0 === undefined) continue;
            hist.add(t - t0);
            delivered++;
          }
        });
        await new Promise<void>((resolve, reject) => {
          desk.once('connect', () => resolve());
          desk.once('connect_error', reject);
        });
        const ack = (await desk.timeout(30_000).emitWithAck('live:subscribe', { topics: ['alerts'] })) as Ack<SubscribeResult>;
        if (!ack.ok) throw new Error(ack.error.message);
      }),
    );
    const connected = opened.filter((r) => r.status === 'fulfilled').length;
    log(`  alerts: ${connected}/${o.desks} desks subscribed`);

    const accept = new Histogram();
    let accepted = 0;
    const run = Date.now().toString(36);
    for (let i = 0; i < o.alerts; i++) {
      const identifier = `bench-${run}-${i}`;
      const body = toCapXml({
        sourceId: identifier,
        sender: 'qxt-441700@gd.cma.gov.cn',
        sent: new Date().toISOString(),
        category: 'rainstorm',
        event: '暴雨红色预警信号',
        level: 'red',
        headline: `暴雨红色预警 ${i}`,
        areas: [{ areaDesc: '江城区', geocodes: [{ valueName: 'adcode', value: '441702' }] }],
      });
      const t0 = nowMs();
      postedAt.set(identifier, t0);
      const res = await fetch(`${url}/api/v1/ingest/cap`, { method: 'POST', headers: { authorization: `Bearer ${INGEST_KEY}`, 'content-type': 'application/cap+xml' }, body });
      await res.text();
      if (res.status === 202) {
        accepted++;
        accept.add(nowMs() - t0);
      } else log(`  alerts: CAP POST answered ${res.status}`);
      await sleep(o.gapMs);
    }
    await sleep(2000); // late arrivals still count, as slow ones
    const expected = accepted * connected;
    const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
    return {
      desks: o.desks,
      desksConnected: connected,
      alertsAccepted: accepted,
      expectedDeliveries: expected,
      delivered,
      latencyMs: { p50: round(hist.quantile(0.5, expected)), p99: round(hist.quantile(0.99, expected)), max: Math.round(hist.max) },
      acceptMs: { p50: round(accept.quantile(0.5)), p99: round(accept.quantile(0.99)) },
    };
  } finally {
    for (const d of desks) d.close();
    await srv?.stop().catch(() => undefined);
    removeTempDir(dataDir);
  }
}
