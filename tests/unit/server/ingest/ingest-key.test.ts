import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { bearerKey, requireIngestKey } from '../../../../server/src/http/ingest-key.js';
import { AppError } from '../../../../server/src/errors.js';

describe('bearerKey', () => {
  it('reads the key of a Bearer header only', () => {
    expect(bearerKey('Bearer abc.def')).toBe('abc.def');
    expect(bearerKey('bearer  abc')).toBe('abc');
    expect(bearerKey('Basic abc')).toBeNull();
    expect(bearerKey('Bearer')).toBeNull();
    expect(bearerKey(undefined)).toBeNull();
  });
});

describe('requireIngestKey', () => {
  async function run(header: string | undefined, valid: boolean) {
    const seen: string[] = [];
    const headers: Record<string, string> = {};
    const mw = requireIngestKey(async (k) => (seen.push(k), valid));
    const req = { headers: header ? { authorization: header } : {} } as Request;
    const res = { setHeader: (k: string, v: string) => (headers[k] = v), locals: {} } as unknown as Response;
    const err = await new Promise<unknown>((resolve) => mw(req, res, ((e?: unknown) => resolve(e)) as NextFunction));
    return { err, seen, headers, locals: res.locals };
  }

  it('passes a valid key on, marking it for the ingest-use summary', async () => {
    const r = await run('Bearer demo-ingest-key', true);
    expect(r.err).toBeUndefined();
    expect(r.seen).toEqual(['demo-ingest-key']);
    expect(r.locals).toEqual({ ingestKey: 'demo-ingest-key' });
  });

  it('answers 401 unauthorized for a missing or refused key', async () => {
    for (const r of [await run(undefined, true), await run('Bearer nope', false)]) {
      expect(r.err).toBeInstanceOf(AppError);
      expect(r.err).toMatchObject({ status: 401, code: 'unauthorized' });
      expect(r.headers['WWW-Authenticate']).toMatch(/^Bearer/);
    }
  });
});
