import express from 'express';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../server/src/errors.js';
import { errorHandler, type ErrorLog } from '../../../../server/src/http/errors.js';
import { findBadText } from '../../../../server/src/clean-text.js';
import { decodeMqttMessage } from '../../../../server/src/ingest/mqtt-message.js';

describe('findBadText', () => {
  it('names the first field holding NUL or an unpaired surrogate, keys included', () => {
    expect(findBadText({ a: 'ok', b: [{ c: 'x\u0000' }] })).toEqual({ path: 'b.0.c', message: expect.stringContaining('NUL') });
    expect(findBadText({ title: 'a\uD800' })?.path).toBe('title');
    expect(findBadText({ title: '\uDC00b' })?.message).toContain('surrogate');
    expect(findBadText({ ['k\u0000']: 1 })?.message).toContain('field name');
    expect(findBadText('x', ['service_code'])).toBeNull();
    expect(findBadText({ emoji: '台风🌀', n: 1, z: null })).toBeNull();
  });

  it('refuses absurd nesting instead of walking it', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(findBadText(deep)?.message).toContain('nested deeper');
  });

  it('is applied to MQTT payloads', () => {
    const payload = Buffer.from(JSON.stringify({ observedAt: '2026-06-01T00:00:00Z', values: { pm25: 1 }, note: 'a\u0000' }));
    expect(() => decodeMqttMessage('cockpit/441700/env/air/s1', payload, '441700')).toThrow(AppError);
  });
});

describe('errorHandler', () => {
  async function serve(err: unknown, log: ErrorLog) {
    const app = express();
    app.get('/', () => {
      throw err;
    });
    app.use(errorHandler(log));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.close();
    return res;
  }

  it('answers a database data exception (SQLSTATE 22…) with 400 and logs one line without a stack', async () => {
    const log = { error: vi.fn<ErrorLog['error']>(), warn: vi.fn<NonNullable<ErrorLog['warn']>>() };
    const res = await serve(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }), log);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_input');
    expect(log.error).not.toHaveBeenCalled();
    expect(JSON.stringify(log.warn.mock.calls)).not.toContain('at ');
  });

  it('logs nothing for an AppError 4xx', async () => {
    const log = { error: vi.fn<ErrorLog['error']>(), warn: vi.fn<NonNullable<ErrorLog['warn']>>() };
    expect((await serve(new AppError(422, 'validation_failed', 'bad'), log)).status).toBe(422);
    expect(log.error).not.toHaveBeenCalled();
    expect(log.warn).not.toHaveBeenCalled();
  });
});
