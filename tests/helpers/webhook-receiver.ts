import http from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** One request a test receiver got, and what it answered. */
export interface Received {
  deliveryId: string;
  messageRef: string;
  signature: string;
  body: string;
  /** The HMAC matches the receiver's secret. */
  signed: boolean;
  status: number;
  at: number;
}

/**
 * A webhook receiver for tests, on 127.0.0.1:`port`: it checks each delivery's
 * `X-Cockpit-Signature` against `secret` (computed here, independently of the server) and
 * answers what `answer` says (a status, or `'hang'` never to answer).
 */
export async function startReceiver(port: number, answer: (r: Omit<Received, 'status' | 'at'>) => number | 'hang' = () => 200) {
  let secret = '';
  const received: Received[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['x-cockpit-signature'] ?? '');
      const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      const signed = signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      const r = { deliveryId: String(req.headers['x-cockpit-delivery'] ?? ''), messageRef: String(req.headers['x-cockpit-message'] ?? ''), signature, body, signed };
      const status = answer(r);
      if (status === 'hang') {
        hanging.add(res);
        return;
      }
      received.push({ ...r, status, at: Date.now() });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** The secret the server answered when the receiver was created. */
    setSecret: (s: string) => void (secret = s),
    /** Deliveries answered 2xx, by delivery id. */
    acknowledged: () => received.filter((r) => r.status >= 200 && r.status < 300),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
