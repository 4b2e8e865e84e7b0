import { describe, expect, it } from 'vitest';
import { boundIngestTimes } from '../../../../server/src/domain/time-guard.js';
import type { IngestService } from '../../../../server/src/domain/ports.js';
import { AppError } from '../../../../server/src/errors.js';
import { DEFAULT_TIME_BOUNDS } from '../../../../shared/domain/time-bounds.js';
import type { AlertParsed } from '../../../../shared/schemas/alert.js';

const NOW = new Date('2026-07-01T04:00:00Z');

function guarded(tolerance = DEFAULT_TIME_BOUNDS.futureToleranceMs) {
  const calls: string[] = [];
  const record = (name: string) => async (items: unknown[]) => (calls.push(name), { accepted: items.length, ids: [] });
  const inner: IngestService = { gridEvents: record('grid'), alerts: record('alerts'), observations: record('env'), indicators: record('economy') };
  return { calls, ingest: boundIngestTimes(inner, () => NOW, { ...DEFAULT_TIME_BOUNDS, futureToleranceMs: tolerance }) };
}

async function refusal(p: Promise<unknown>): Promise<string[]> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(422);
  return (err as AppError).issues.map((i) => i.path);
}

const alert = (over: Partial<AlertParsed>) => ({ sent: NOW.toISOString(), ...over }) as AlertParsed;

describe('boundIngestTimes (injected clock)', () => {
  it('refuses before the inner service sees anything, naming every bad field', async () => {
    const { calls, ingest } = guarded();
    const reading = (observedAt: string) => ({ kind: 'noise' as const, stationId: 's', observedAt, values: { leq: 50 } });
    expect(await refusal(ingest.observations([reading(NOW.toISOString()), reading('2099-01-01T00:00:00Z'), reading('0001-01-01T00:00:00Z')]))).toEqual(['1.observedAt', '2.observedAt']);
    expect(calls).toEqual([]);
  });

  it('bounds alert sent and effective both ways, onset and expires only below', async () => {
    const { calls, ingest } = guarded();
    expect(await refusal(ingest.alerts([alert({ effective: '2026-07-02T00:00:00Z', expires: '1999-01-01T00:00:00Z' })]))).toEqual(['0.effective', '0.expires']);
    await ingest.alerts([alert({ onset: '2026-07-02T00:00:00Z', expires: '2026-07-03T00:00:00Z' })]);
    expect(calls).toEqual(['alerts']);
  });

  it('takes its tolerance from configuration', async () => {
    const ahead = new Date(NOW.getTime() + 60_000).toISOString();
    const event = { sourceId: 'x', source: 'inspector' as const, category: 'c', title: 't', location: { lon: 111.9, lat: 21.8 }, reportedAt: ahead };
    await guarded().ingest.gridEvents([event]);
    expect(await refusal(guarded(30_000).ingest.gridEvents([event]))).toEqual(['0.reportedAt']);
  });

  it('refuses an indicator period that has not begun', async () => {
    const { ingest } = guarded();
    expect(await refusal(ingest.indicators([{ code: 'gdp', region: '441700', period: '2026-Q4', value: 1 }]))).toEqual(['0.period']);
  });
});
