import type { PreEncoded } from './pre-encoded.js';

/**
 * Shared websocket frames: a packet that carries pre-encoded values (pre-encoded.ts) is written
 * to a websocket as one fragmented message (RFC 6455 §5.4) whose large fragments are the values'
 * own bytes, encoded once and written to every socket as the same buffer. A thousand screens
 * subscribing at once then cost the server a few small buffers each instead of a copy of every
 * snapshot, first as text, then as bytes. Any websocket client (browser or `ws`) joins the
 * fragments into the one message it would otherwise have received.
 *
 * It rides on Engine.IO's own path for pre-encoded frames (`options.wsPreEncodedFrame`, which
 * the Socket.IO adapter uses for broadcasts): each fragment becomes an Engine.IO packet of its
 * own, so the packets queue, and are written, in order with everything else the socket sends.
 */

/** One Engine.IO packet's worth of a fragmented message: its frames as written (header and payload). */
export class WsFragment {
  constructor(readonly frames: [Buffer] | [Buffer, Buffer]) {}
}

/** The parts of an Engine.IO connection this module looks at; Engine.IO keeps them out of its types. */
interface EngineConnection {
  transport?: { name?: string; perMessageDeflate?: unknown; socket?: { _sender?: { sendFrame?: unknown } } };
  on(event: 'packetCreate', listener: (packet: { data?: unknown; options?: object }) => void): unknown;
}

/**
 * Whether the connection writes pre-encoded frames: a websocket whose server compresses nothing
 * (frames written beside a compressing sender could overtake it), Engine.IO's own test.
 */
function takesFrames(conn: EngineConnection): boolean {
  const t = conn.transport;
  return t?.name === 'websocket' && !t.perMessageDeflate && typeof t.socket?._sender?.sendFrame === 'function';
}

/** Set while a packet is encoded for a connection that takes frames (`framedFor`). */
let framing = false;

/** Runs `send` (which encodes and sends one packet to `conn`) with that packet written as shared frames when the connection takes them. */
export function framedFor<T>(conn: object, send: () => T): T {
  const outer = framing;
  framing = takesFrames(conn as EngineConnection);
  try {
    return send();
  } finally {
    framing = outer;
  }
}

/** Whether the packet being encoded may be written as shared frames. */
export const framingNow = (): boolean => framing;

/** Lets the connection write `WsFragment` packets as their frames. */
export function writeSharedFrames(conn: object): void {
  (conn as EngineConnection).on('packetCreate', (packet) => {
    if (packet.data instanceof WsFragment) packet.options = { ...packet.options, wsPreEncodedFrame: packet.data.frames };
  });
}

const TEXT = 0x1;
const CONTINUATION = 0x0;

/** An unmasked (server-to-client) frame header, RFC 6455 §5.2. */
export function frameHeader(opcode: number, fin: boolean, length: number): Buffer {
  const size = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const header = Buffer.alloc(size);
  header[0] = (fin ? 0x80 : 0) | opcode;
  if (size === 2) header[1] = length;
  else if (size === 4) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return header;
}

/**
 * The Engine.IO message (`4` + `pieces` joined: ASCII text around pre-encoded values) as
 * fragments: each value's bytes a frame of their own, shared; the text between them small
 * frames of this message's own.
 */
export function toFragments(pieces: readonly (string | PreEncoded)[]): WsFragment[] {
  const out: WsFragment[] = [];
  let text = '4';
  let first = true;
  const own = (fin: boolean, tail: Buffer = Buffer.alloc(0)) => {
    const payload = Buffer.from(text, 'latin1');
    const buf = Buffer.concat([frameHeader(first ? TEXT : CONTINUATION, fin, payload.length), payload, tail]);
    first = false;
    text = '';
    return buf;
  };
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      text += piece;
      continue;
    }
    const bytes = piece.bytes;
    out.push(new WsFragment([own(false, frameHeader(CONTINUATION, false, bytes.length)), bytes]));
  }
  out.push(new WsFragment([own(true)]));
  return out;
}
