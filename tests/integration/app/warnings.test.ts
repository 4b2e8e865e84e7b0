import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { liveClient, pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { startReceiver } from '../../helpers/webhook-receiver.js';
import { waitFor } from '../simulator/fake-server.js';
import { CITY_WARNING_SENDER, type Alert } from '../../../shared/schemas/alert.js';
import type { WarningMessage, WebhookDelivery } from '../../../shared/schemas/warning.js';
import { parseCap } from '../../../server/src/ingest/cap.adapter.js';

type User = 'leader' | 'duty' | 'grid' | 'admin';

async function call(srv: TestServer, user: User, method: string, path: string, body?: unknown) {
  const res = await fetch(`${srv.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await srv.token(user)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: { code: string; message: string } } };
}

const content = (over: Record<string, unknown> = {}) => ({
  level: 'orange',
  category: 'typhoon',
  districts: ['441702', '441704'],
  headline: '阳江市发布台风橙色预警',
  description: '受台风影响，预计未来24小时沿海将出现10级以上大风。',
  instruction: '停止户外作业，渔船回港避风。',
  expires: new Date(Date.now() + 6 * 3_600_000).toISOString(),
  ...over,
});

/** Drafts as duty, approves as leader; returns the published message. */
async function publish(srv: TestServer, over: Record<string, unknown> = {}, exercise = false): Promise<WarningMessage> {
  const d = await call(srv, 'duty', 'POST', '/api/v1/warnings', { content: content(over), exercise });
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  const a = await call(srv, 'leader', 'POST', `/api/v1/warnings/${String(d.body.id)}/approve`);
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  return a.body as unknown as WarningMessage;
}

async function addReceiver(srv: TestServer, rcv: { url: string; setSecret(s: string): void }, over: Record<string, unknown> = {}) {
  const r = await call(srv, 'admin', 'POST', '/api/v1/admin/webhooks', { name: 'test receiver', url: rcv.url, ...over });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  rcv.setSecret(r.body.secret as string);
  return (r.body.receiver as { id: string }).id;
}

const deliveries = async (srv: TestServer, receiver: string) => (await call(srv, 'admin', 'GET', `/api/v1/admin/webhooks/deliveries?receiver=${receiver}`)).body.items as WebhookDelivery[];

const engines = [
  { name: 'PGlite', pg: false },
  { name: 'PostgreSQL', pg: true },
];

describe.each(engines)('warnings published out ($name)', ({ pg }) => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>> | null = null;
  const env = { WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_RETRY_MAX_MS: '200', WEBHOOK_TIMEOUT_MS: '400' };
  const port = pg ? 8250 : 8240;

  beforeAll(async () => {
    schema = pg ? await pgSchema() : null;
    srv = await startTestServer({ databaseUrl: schema?.url, env });
  });
  afterAll(async () => {
    await srv?.close();
    await schema?.drop();
  });

  it('needs a second person: the drafter may not approve, a leader signs it out as CAP 1.2 to the alert store, the feed and a signed webhook', async () => {
    const rcv = await startReceiver(port);
    try {
      await addReceiver(srv, rcv);
      const d = await call(srv, 'duty', 'POST', '/api/v1/warnings', { content: content() });
      expect(d.body.state).toBe('pending');
      const own = await call(srv, 'duty', 'POST', `/api/v1/warnings/${String(d.body.id)}/approve`);
      expect(own.status).toBe(403); // duty lacks warnings:approve
      const admin = await call(srv, 'admin', 'POST', '/api/v1/warnings', { content: content() });
      const selfApproval = await call(srv, 'admin', 'POST', `/api/v1/warnings/${String(admin.body.id)}/approve`);
      expect(selfApproval.status).toBe(403);
      expect(selfApproval.body.error?.code).toBe('own_draft');

      const m = (await call(srv, 'leader', 'POST', `/api/v1/warnings/${String(d.body.id)}/approve`)).body as unknown as WarningMessage;
      expect(m).toMatchObject({ state: 'published', decidedBy: 'leader', sender: CITY_WARNING_SENDER });
      // On the screens like any alert.
      const alert = (await (await srv.get(`/api/v1/alerts/${m.alertId}`)).json()) as Alert;
      expect(alert).toMatchObject({ sender: CITY_WARNING_SENDER, sourceId: m.id, category: 'typhoon', level: 'orange', exercise: false, districts: ['441702', '441704'] });
      // In the feed, with its message at its own URL.
      const feed = await (await fetch(`${srv.url}/cap/feed.atom`)).text();
      expect(feed).toContain(`/cap/messages/${m.id}.xml`);
      const xmlRes = await fetch(`${srv.url}/cap/messages/${m.id}.xml`);
      expect(xmlRes.headers.get('content-type')).toMatch(/^application\/cap\+xml/);
      const xml = await xmlRes.text();
      expect(parseCap(xml)).toMatchObject({ sender: CITY_WARNING_SENDER, sourceId: m.id, status: 'Actual', msgType: 'Alert', level: 'orange', category: 'typhoon' });
      // Delivered, signed, exactly that XML.
      expect(await waitFor(() => rcv.received.length === 1, 5000)).toBe(true);
      expect(rcv.received[0]).toMatchObject({ signed: true, body: xml, messageRef: `${CITY_WARNING_SENDER},${m.id},${m.sent}` });
    } finally {
      await rcv.close();
    }
  });

  it('updates and cancels with references, each approved; a rejected draft publishes nothing', async () => {
    const m = await publish(srv);
    const up = await call(srv, 'duty', 'POST', `/api/v1/warnings/${m.id}/update`, { content: content({ level: 'red', headline: '升级为台风红色预警' }) });
    expect(up.status).toBe(201);
    const twice = await call(srv, 'duty', 'POST', `/api/v1/warnings/${m.id}/update`, { content: content() });
    expect(twice.body.error?.code).toBe('draft_pending');
    const u = (await call(srv, 'admin', 'POST', `/api/v1/warnings/${String(up.body.id)}/approve`)).body as unknown as WarningMessage;
    const uxml = await (await fetch(`${srv.url}/cap/messages/${u.id}.xml`)).text();
    expect(parseCap(uxml)).toMatchObject({ msgType: 'Update', references: [`${CITY_WARNING_SENDER},${m.id},${m.sent!.replace('.000Z', '-00:00')}`] });
    expect(u.alertId).toBe(m.alertId);
    expect(((await (await srv.get(`/api/v1/alerts/${m.alertId}`)).json()) as Alert).level).toBe('red');

    const c = await call(srv, 'duty', 'POST', `/api/v1/warnings/${m.id}/cancel`, { reason: '台风已登陆减弱' });
    const rejected = await call(srv, 'leader', 'POST', `/api/v1/warnings/${String(c.body.id)}/reject`, { reason: '' });
    expect(rejected.status).toBe(422);
    const r = await call(srv, 'leader', 'POST', `/api/v1/warnings/${String(c.body.id)}/reject`, { reason: '请补充解除依据' });
    expect(r.body).toMatchObject({ state: 'rejected', rejectReason: '请补充解除依据' });
    expect(((await (await srv.get(`/api/v1/alerts/${m.alertId}`)).json()) as Alert).state).not.toBe('cancelled');

    const c2 = await call(srv, 'duty', 'POST', `/api/v1/warnings/${u.id}/cancel`, { reason: '台风已登陆减弱' });
    const cancelled = (await call(srv, 'leader', 'POST', `/api/v1/warnings/${String(c2.body.id)}/approve`)).body as unknown as WarningMessage;
    const cxml = parseCap(await (await fetch(`${srv.url}/cap/messages/${cancelled.id}.xml`)).text());
    expect(cxml.msgType).toBe('Cancel');
    expect(cxml.references).toHaveLength(2);
    expect(((await (await srv.get(`/api/v1/alerts/${m.alertId}`)).json()) as Alert).state).toBe('cancelled');
    expect((await call(srv, 'duty', 'POST', `/api/v1/warnings/${m.id}/update`, { content: content() })).body.error?.code).toBe('cancelled');
    const list = (await call(srv, 'leader', 'GET', '/api/v1/warnings?state=published')).body.items as WarningMessage[];
    expect(list.filter((x) => x.seriesId === m.id).map((x) => [x.msgType, x.current])).toEqual([
      ['Cancel', false],
      ['Update', false],
      ['Alert', false],
    ]);
  });

  it('refuses bad drafts with the field named', async () => {
    const past = await call(srv, 'duty', 'POST', '/api/v1/warnings', { content: content({ expires: '2020-01-01T00:00:00Z' }) });
    expect(past.status).toBe(422);
    expect(past.body.error?.message).toContain('body.content.expires');
    const nowhere = await call(srv, 'duty', 'POST', '/api/v1/warnings', { content: content({ districts: [] }) });
    expect(nowhere.body.error?.message).toContain('body.content.districts');
    const foreign = await call(srv, 'duty', 'POST', '/api/v1/warnings', { content: content({ districts: ['110101'] }) });
    expect(foreign.status).toBe(422);
    expect((await call(srv, 'grid', 'POST', '/api/v1/warnings', { content: content() })).status).toBe(403);
  });

  it('drills: an exercise goes only to receivers that ask for exercises, and is in the feed only with ?status=Exercise', async () => {
    const real = await startReceiver(port + 1);
    const drill = await startReceiver(port + 2);
    try {
      await addReceiver(srv, real);
      await addReceiver(srv, drill, { exercises: true });
      const m = await publish(srv, { headline: '演练：台风橙色预警' }, true);
      expect(await waitFor(() => drill.received.some((r) => r.body.includes(m.id)), 5000)).toBe(true);
      expect(parseCap(drill.received.find((r) => r.body.includes(m.id))!.body).status).toBe('Exercise');
      await new Promise((r) => setTimeout(r, 300));
      expect(real.received.some((r) => r.body.includes(m.id))).toBe(false);
      expect(await (await fetch(`${srv.url}/cap/feed.atom`)).text()).not.toContain(m.id);
      expect(await (await fetch(`${srv.url}/cap/feed.atom?status=Exercise`)).text()).toContain(m.id);
      expect(((await (await srv.get(`/api/v1/alerts/${m.alertId}`)).json()) as Alert).exercise).toBe(true);
    } finally {
      await real.close();
      await drill.close();
    }
  });

  it('a failing receiver (5xx, then 2xx) gets the message once acknowledged, after retries with backoff', async () => {
    let fails = 2;
    const rcv = await startReceiver(port + 3, () => (fails-- > 0 ? 503 : 200));
    try {
      const id = await addReceiver(srv, rcv, { categories: ['rainstorm'] });
      const m = await publish(srv, { category: 'rainstorm', headline: '暴雨黄色预警', level: 'yellow' });
      expect(await waitFor(() => rcv.acknowledged().length === 1, 5000)).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
      expect(rcv.received.map((r) => r.status)).toEqual([503, 503, 200]);
      expect(new Set(rcv.received.map((r) => r.deliveryId)).size).toBe(1);
      const [d] = await deliveries(srv, id);
      expect(d).toMatchObject({ messageId: m.id, state: 'delivered', attempts: 3, lastStatus: 200 });
    } finally {
      await rcv.close();
    }
  });

  it('a hanging receiver times out without delaying ingest, the live push or another receiver', async () => {
    const slow = await startReceiver(port + 4, () => 'hang');
    const fast = await startReceiver(port + 5);
    try {
      const slowId = await addReceiver(srv, slow, { categories: ['flood'] });
      await addReceiver(srv, fast, { categories: ['flood'] });
      const m = await publish(srv, { category: 'flood', headline: '洪水蓝色预警', level: 'blue' });
      expect(await waitFor(() => fast.received.some((r) => r.body.includes(m.id)), 3000)).toBe(true);
      // Meanwhile (the slow receiver holding its slots), an ingested alert is stored and pushed live at once.
      const live = await liveClient(srv.url, await srv.token('leader'));
      await live.subscribe({ topics: ['alerts'] });
      const sourceId = `hang-${Date.now()}`;
      const t0 = Date.now();
      const res = await srv.ingest('/api/v1/ingest/alerts', {
        sourceId,
        sender: 'qxt-441700@gd.cma.gov.cn',
        sent: new Date().toISOString(),
        category: 'rainstorm',
        event: '暴雨蓝色预警',
        level: 'blue',
        districts: ['441702'],
      });
      expect(res.status).toBe(202);
      await live.waitFor('alerts', (d) => d.items.some((a) => (a as Alert).sourceId === sourceId), 2000);
      expect(Date.now() - t0).toBeLessThan(1500);
      live.close();
      let d: WebhookDelivery | undefined;
      for (let i = 0; i < 50 && !d?.lastError; i++) {
        await new Promise((r) => setTimeout(r, 100));
        [d] = await deliveries(srv, slowId);
      }
      expect(d!.lastError).toBe('no answer within 400 ms');
      expect(d!.state).toBe('pending');
      // The admin's manual retry makes it due at once; the delivery stays pending (still hanging).
      expect((await call(srv, 'admin', 'POST', `/api/v1/admin/webhooks/deliveries/${d!.id}/retry`)).status).toBe(204);
      await call(srv, 'admin', 'PATCH', `/api/v1/admin/webhooks/${slowId}`, { enabled: false });
    } finally {
      await slow.close();
      await fast.close();
    }
  });
});

describe('the outbox across a restart', () => {
  let schema: Awaited<ReturnType<typeof pgSchema>>;
  afterEach(async () => schema?.drop());

  it('a message queued while the receiver is down is delivered by the next server on the same database', async () => {
    schema = await pgSchema();
    const env = { WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_RETRY_MAX_MS: '100' };
    const first = await startTestServer({ databaseUrl: schema.url, env });
    const rcvPort = 8260;
    const r = await call(first, 'admin', 'POST', '/api/v1/admin/webhooks', { name: 'down', url: `http://127.0.0.1:${rcvPort}/hook` });
    const secret = r.body.secret as string;
    const m = await publish(first);
    await new Promise((res) => setTimeout(res, 300)); // refused a few times
    await first.close();
    const rcv = await startReceiver(rcvPort);
    rcv.setSecret(secret);
    const second = await startTestServer({ databaseUrl: schema.url, env });
    try {
      expect(await waitFor(() => rcv.acknowledged().length === 1, 5000)).toBe(true);
      expect(rcv.received[0]).toMatchObject({ signed: true });
      expect(rcv.received[0]!.body).toContain(m.id);
    } finally {
      await second.close();
      await rcv.close();
    }
  });
});
