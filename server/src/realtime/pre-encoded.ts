import { randomUUID } from 'node:crypto';

const NON_ASCII = /[\u0080-\uffff]/g;
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON text with every non-ASCII character written as a `\uXXXX` escape (the same JSON to any reader). */
export const asciiJson = (json: string): string => json.replace(NON_ASCII, escape);

/** What a marker looks like in a packet's JSON: a string no data holds (a per-process nonce). */
const NONCE = randomUUID();
const MARKER = new RegExp(`"${NONCE}:(\\d+)"`, 'g');

/** The pre-encoded values met while a packet is encoded (`encodeSplicing`), by id; null outside one. */
let met: Map<number, PreEncoded> | null = null;
let nextId = 0;

/**
 * A value encoded to (ASCII) JSON once, however many packets carry it: the packet encoder writes
 * a marker in its place and splices the text in, so a snapshot answered to a thousand
 * subscribers is stringified once rather than a thousand times. Anywhere else it serializes as
 * the value itself.
 */
export class PreEncoded {
  readonly #id = nextId++;
  #json: string | undefined;
  #bytes: Buffer | undefined;

  constructor(readonly value: unknown) {}

  /** The value's JSON text, ASCII only; made on first use. */
  get json(): string {
    return (this.#json ??= asciiJson(JSON.stringify(this.value)));
  }

  /** The same text as bytes (one byte per character: it is ASCII), for shared websocket frames; made on first use. */
  get bytes(): Buffer {
    return (this.#bytes ??= Buffer.from(this.json, 'latin1'));
  }

  toJSON(): unknown {
    if (!met) return this.value;
    met.set(this.#id, this);
    return `${NONCE}:${this.#id}`;
  }
}

/** A packet's text as the text between the pre-encoded values it carries, and those values. */
export type Pieces = (string | PreEncoded)[];

/**
 * Runs `encode` (which JSON-encodes a packet) with pre-encoded values written as markers, then
 * puts each one's JSON text in place of its marker in the string parts — or, given `asPieces`
 * and a packet of one text part, hands that text over in pieces for it to send.
 */
export function encodeSplicing(encode: () => unknown[], asPieces?: (pieces: Pieces) => unknown[]): unknown[] {
  const outer = met;
  met = new Map();
  const mine = met;
  let parts: unknown[];
  try {
    parts = encode();
  } finally {
    met = outer;
  }
  if (mine.size === 0) return parts;
  const [only] = parts;
  if (asPieces && parts.length === 1 && typeof only === 'string') {
    // split() with a capturing marker yields text, id, text, id, …, text.
    return asPieces(only.split(MARKER).map((piece, i) => (i % 2 === 0 ? piece : mine.get(Number(piece))!)));
  }
  return parts.map((part) => (typeof part === 'string' ? part.replace(MARKER, (_, id: string) => mine.get(Number(id))!.json) : part));
}
