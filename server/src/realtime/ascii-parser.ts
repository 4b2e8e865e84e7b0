import { Decoder, Encoder, type Packet } from 'socket.io-parser';
import { asciiJson, encodeSplicing } from './pre-encoded.js';
import { framingNow, toFragments } from './shared-frames.js';

/**
 * Socket.IO's standard encoder, with every non-ASCII character of a packet written as a JSON
 * `\uXXXX` escape. The packets are the same JSON to any Socket.IO client (no client-side
 * parser needed), but a frame that is pure ASCII is received and parsed by a browser as a
 * one-byte string, much faster than the two-byte string a single CJK character forces on the
 * whole frame: a delta of a thousand cases with a few Chinese titles costs the page noticeably
 * less. Only string packets are touched (a JSON text holds non-ASCII only inside strings, where
 * an escape means the same character); binary attachments pass as they are. Values wrapped in
 * `PreEncoded` (pre-encoded.ts) are spliced in as the ASCII JSON they were encoded to once, or,
 * for a websocket that takes them (`framedFor`), sent as shared frames (shared-frames.ts).
 */
class AsciiEncoder extends Encoder {
  override encode(packet: Packet): unknown[] {
    const ascii = () => super.encode(packet).map((part: unknown) => (typeof part === 'string' ? asciiJson(part) : part));
    return encodeSplicing(ascii, framingNow() ? toFragments : undefined);
  }
}

/** The `parser` option of the Socket.IO server: standard decoding, ASCII-only encoding. */
export const asciiParser = { Encoder: AsciiEncoder, Decoder };
