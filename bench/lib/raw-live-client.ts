import WebSocket from 'ws';
import { LIVE_NAMESPACE, type Ack, type SubscribeRequest, type SubscribeResult } from '../../shared/contracts/live.js';
import type { GridCase } from '../../shared/schemas/grid-event.js';

const EVENT = `42${LIVE_NAMESPACE},`;
const ACK = `43${LIVE_NAMESPACE},`;
const CONNECT = `40${LIVE_NAMESPACE},`;
const CONNECT_ERROR = `44${LIVE_NAMESPACE},`;
const DELTA_HEAD = Buffer.from(`${EVENT}["live:delta",`);
const SOURCE_ID = Buffer.from('"sourceId":"');
const SEQ = Buffer.from('"seq":');
const AT = 0x40; // '@'
const QUOTE = 0x22;

/** A GridCase with every field as short as JSON allows: no serialized grid item is shorter. */
const SHORTEST_ITEM: Record<keyof GridCase, unknown> = {
  id: '',
  sourceId: '',
  source: '',
  category: '',
  kind: '',
  title: '',
  description: '',
  location: { lon: 0, lat: 0 },
  address: '',
  district: '',
  gridCell: '',
  status: '',
  department: '',
  reportedAt: '',
  dispatchedAt: '',
  deadlineAt: '',
  closedAt: '',
  overdue: true,
  escalated: true,
  exercise: true,
  updatedAt: '',
  version: 0,
  assignee: '',
  supervised: null,
  mergedInto: '',
  closeReason: '',
};
/** Bytes from one item's sourceId key to the next one's can be skipped without looking. */
const MIN_ITEM_GAP = JSON.stringify(SHORTEST_ITEM).length + 1 - SOURCE_ID.length;

/** What a delta frame held, read without decoding it as a whole. */
export interface ScannedDelta {
  seq: number;
  /** Send times carried by the items' sourceIds, ms on the shared clock. */
  sentAt: number[];
}

/**
 * A Socket.IO client of `/live` spoken by hand over the Engine.IO websocket: handshake with
 * `auth: {token}`, heartbeats, `live:subscribe` with its ack, and `live:delta` frames read as
 * raw bytes — the items' sourceIds are found with `Buffer.indexOf` instead of decoding and
 * JSON-parsing every frame, which would cost the client processes far more CPU than the server
 * spends sending. Every `verifyEvery`-th delta frame is also fully parsed to check the fast path.
 */
export class RawLiveClient {
  private readonly acks = new Map<number, (res: unknown) => void>();
  private nextAck = 1;
  private frames = 0;
  /** Fully parsed frames whose item count disagreed with the scan. */
  mismatches = 0;
  onDelta: (d: ScannedDelta) => void = () => undefined;
  onEvent: (name: string, payload: unknown) => void = () => undefined;

  private constructor(
    private readonly ws: WebSocket,
    private readonly verifyEvery: number,
  ) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) this.onFrame(data);
    });
  }

  /** Opens the websocket, then the `/live` namespace. */
  static async connect(httpUrl: string, token: string, verifyEvery = 1000): Promise<RawLiveClient> {
    const url = `${httpUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
    const client = new RawLiveClient(ws, verifyEvery);
    await new Promise<void>((resolve, reject) => {
      const onMessage = (data: Buffer) => {
        const msg = data.toString();
        if (msg.startsWith('0{')) ws.send(`${CONNECT}${JSON.stringify({ token })}`);
        else if (msg.startsWith(CONNECT)) done(null);
        else if (msg.startsWith(CONNECT_ERROR)) done(new Error(`refused: ${msg}`));
      };
      const done = (err: Error | null) => {
        ws.off('message', onMessage);
        if (err) reject(err);
        else resolve();
      };
      ws.on('message', onMessage);
      ws.once('error', reject);
      ws.once('close', () => reject(new Error('closed during handshake')));
    });
    return client;
  }

  get connected(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  onClose(fn: () => void): void {
    this.ws.once('close', fn);
  }

  subscribe(req: SubscribeRequest, timeoutMs = 30_000): Promise<Ack<SubscribeResult>> {
    const id = this.nextAck++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        reject(new Error('subscribe: no ack'));
      }, timeoutMs);
      this.acks.set(id, (res) => {
        clearTimeout(timer);
        resolve(res as Ack<SubscribeResult>);
      });
      this.ws.send(`${EVENT}${id}${JSON.stringify(['live:subscribe', req])}`);
    });
  }

  close(): void {
    this.ws.terminate();
  }

  private onFrame(data: Buffer): void {
    if (data.length === 1 && data[0] === 0x32) return void this.ws.send('3'); // Engine.IO ping → pong
    if (data.length > DELTA_HEAD.length && data.subarray(0, DELTA_HEAD.length).equals(DELTA_HEAD)) {
      const scanned = scanDelta(data);
      if (this.verifyEvery > 0 && ++this.frames % this.verifyEvery === 0) this.verify(data, scanned);
      return this.onDelta(scanned);
    }
    const msg = data.toString();
    if (msg.startsWith(EVENT)) {
      const [name, payload] = JSON.parse(msg.slice(EVENT.length)) as [string, unknown];
      this.onEvent(name, payload);
    } else if (msg.startsWith(ACK)) {
      const rest = msg.slice(ACK.length);
      const id = /^\d+/.exec(rest)?.[0] ?? '';
      const [res] = JSON.parse(rest.slice(id.length)) as [unknown];
      this.acks.get(Number(id))?.(res);
      this.acks.delete(Number(id));
    }
  }

  private verify(data: Buffer, scanned: ScannedDelta): void {
    const [name, delta] = JSON.parse(data.toString().slice(EVENT.length)) as [string, { seq: number; items: { sourceId: string }[] }];
    const ok = name === 'live:delta' && delta.seq === scanned.seq && delta.items.length === scanned.sentAt.length;
    if (!ok) this.mismatches++;
  }
}

/** Reads seq and the stamped sourceIds of a `live:delta` frame straight from its bytes. */
export function scanDelta(data: Buffer): ScannedDelta {
  const s = data.indexOf(SEQ, DELTA_HEAD.length);
  let seq = 0;
  for (let i = s + SEQ.length; i < data.length; i++) {
    const c = data[i]!;
    if (c < 0x30 || c > 0x39) break;
    seq = seq * 10 + (c - 0x30);
  }
  const sentAt: number[] = [];
  let pos = DELTA_HEAD.length;
  for (;;) {
    const at = data.indexOf(SOURCE_ID, pos);
    if (at < 0) break;
    const start = at + SOURCE_ID.length;
    const end = data.indexOf(QUOTE, start);
    const sep = data.lastIndexOf(AT, end);
    sentAt.push(sep > start ? Number(data.toString('latin1', sep + 1, end)) : NaN);
    // Items are grid cases with a fixed set of fields; frames checked by `verify` would show
    // a mismatch if one were ever shorter than this.
    pos = Math.max(end + 1, at + MIN_ITEM_GAP);
  }
  return { seq, sentAt };
}
