import WebSocket from 'ws';
import { LIVE_NAMESPACE, type Ack, type SubscribeRequest, type SubscribeResult } from '../../../shared/contracts/live.js';

const EVENT = `42${LIVE_NAMESPACE},`;
const ACK = `43${LIVE_NAMESPACE},`;
const CONNECT = `40${LIVE_NAMESPACE},`;

/**
 * A Socket.IO client spoken by hand over the Engine.IO websocket endpoint, so a test can stop
 * reading from the TCP socket (what a frozen browser tab or a saturated link looks like).
 */
export class RawLiveClient {
  /** Socket.IO events received, in order: `[name, payload]`. */
  readonly events: [string, unknown][] = [];
  /** The server-side Socket.IO id of this client. */
  socketId = '';
  private readonly acks = new Map<number, (res: unknown) => void>();
  private nextAck = 1;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.onMessage(String(data)));
  }

  /** Opens the websocket, then the `/live` namespace with `auth: {token}`. */
  static async connect(httpUrl: string, token: string): Promise<RawLiveClient> {
    const ws = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const client = new RawLiveClient(ws);
    const connected = new Promise<void>((resolve, reject) => {
      ws.on('message', (data) => {
        const msg = String(data);
        if (msg.startsWith('0{')) ws.send(`40${LIVE_NAMESPACE},${JSON.stringify({ token })}`);
        else if (msg.startsWith(CONNECT)) {
          client.socketId = (JSON.parse(msg.slice(CONNECT.length)) as { sid: string }).sid;
          resolve();
        } else if (msg.startsWith(`44${LIVE_NAMESPACE},`)) reject(new Error(msg));
      });
      ws.once('error', reject);
    });
    await connected;
    return client;
  }

  subscribe(req: SubscribeRequest): Promise<Ack<SubscribeResult>> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(id, resolve as (res: unknown) => void);
      this.ws.send(`${EVENT}${id}${JSON.stringify(['live:subscribe', req])}`);
    });
  }

  /** Stops reading from the TCP socket: the kernel buffers fill, then the server's. */
  pause(): void {
    this.ws.pause();
  }

  resume(): void {
    this.ws.resume();
  }

  close(): void {
    this.ws.terminate();
  }

  private onMessage(msg: string): void {
    if (msg === '2')
      this.ws.send('3'); // Engine.IO heartbeat
    else if (msg.startsWith(EVENT)) this.events.push(JSON.parse(msg.slice(EVENT.length)) as [string, unknown]);
    else if (msg.startsWith(ACK)) {
      const rest = msg.slice(ACK.length);
      const id = /^\d+/.exec(rest)?.[0] ?? '';
      const [res] = JSON.parse(rest.slice(id.length)) as [unknown];
      this.acks.get(Number(id))?.(res);
      this.acks.delete(Number(id));
    }
  }
}
