import { describe, expect, it } from 'vitest';
import { CaseBook } from '../../../../client/src/live/cases/case-book.js';
import { gridCase } from '../widgets/fixtures.js';

const NOW = Date.parse('2026-07-01T03:00:00.000Z');
const ids = (m: ReadonlyMap<string, unknown>) => [...m.keys()].sort();

describe('CaseBook: every case of the stream, real and drill apart', () => {
  it('files a snapshot by the exercise flag and finds a case in either partition', () => {
    const book = new CaseBook();
    book.reset([gridCase({ id: 'r1' }), gridCase({ id: 'd1', exercise: true }), gridCase({ id: 'r2' })], NOW);
    expect(ids(book.parts.real)).toEqual(['r1', 'r2']);
    expect(ids(book.parts.drill)).toEqual(['d1']);
    expect(book.get('r2')?.id).toBe('r2');
    expect(book.get('d1')?.exercise).toBe(true);
    expect(book.get('nope')).toBeUndefined();
  });

  it('starts over on a snapshot: cases missing from it are gone from both partitions', () => {
    const book = new CaseBook();
    book.reset([gridCase({ id: 'r1' }), gridCase({ id: 'd1', exercise: true })], NOW);
    book.reset([gridCase({ id: 'r2' })], NOW);
    expect(ids(book.parts.real)).toEqual(['r2']);
    expect(book.parts.drill.size).toBe(0);
    expect(book.get('r1')).toBeUndefined();
    expect(book.get('d1')).toBeUndefined();
  });

  it('keeps the latest object of a case and reports its id as changed in its partition only', () => {
    const book = new CaseBook();
    book.reset([gridCase({ id: 'a' }), gridCase({ id: 'x', exercise: true })], NOW);
    const next = gridCase({ id: 'a', status: 'dispatched' });
    const changes = book.apply([next, gridCase({ id: 'b' })], NOW);
    expect([...changes.real].sort()).toEqual(['a', 'b']);
    expect([...changes.drill]).toEqual([]);
    expect(book.get('a')).toBe(next);
    expect(ids(book.parts.real)).toEqual(['a', 'b']);
  });

  it('moves a case that changes sides, listing it in the partition it left as well as the one it joined', () => {
    const book = new CaseBook();
    book.reset([gridCase({ id: 'a' }), gridCase({ id: 'b' })], NOW);
    const toDrill = book.apply([gridCase({ id: 'a', exercise: true })], NOW);
    expect([...toDrill.real]).toEqual(['a']);
    expect([...toDrill.drill]).toEqual(['a']);
    expect(ids(book.parts.real)).toEqual(['b']);
    expect(ids(book.parts.drill)).toEqual(['a']);

    const back = book.apply([gridCase({ id: 'a' })], NOW);
    expect([...back.real]).toEqual(['a']);
    expect([...back.drill]).toEqual(['a']);
    expect(ids(book.parts.real)).toEqual(['a', 'b']);
    expect(book.parts.drill.size).toBe(0);
  });

  it('reports an empty delta as no change', () => {
    const book = new CaseBook();
    book.reset([gridCase({ id: 'a' })], NOW);
    const changes = book.apply([], NOW);
    expect(changes.real.size + changes.drill.size).toBe(0);
  });
});

describe('CaseBook: holds what a screen opened now would start from', () => {
  // 2026-07-01T03:00Z is 11:00 in China; the China day began at 2026-06-30T16:00Z.
  const yesterday = '2026-06-30T15:59:00.000Z';
  const today = '2026-06-30T16:01:00.000Z';

  it('drops finished cases last touched before today, in either partition, reporting them as changed', () => {
    const book = new CaseBook();
    book.reset(
      [
        gridCase({ id: 'closed-old', status: 'closed', updatedAt: yesterday }),
        gridCase({ id: 'rejected-old', status: 'rejected', updatedAt: yesterday, exercise: true }),
        gridCase({ id: 'closed-today', status: 'closed', updatedAt: today }),
        gridCase({ id: 'open-old', status: 'dispatched', updatedAt: yesterday }),
      ],
      NOW,
    );
    const changed = book.apply([gridCase({ id: 'new' })], NOW);
    expect(ids(book.parts.real)).toEqual(['closed-today', 'new', 'open-old']);
    expect(book.parts.drill.size).toBe(0);
    expect([...changed.real].sort()).toEqual(['closed-old', 'new']);
    expect([...changed.drill]).toEqual(['rejected-old']);
  });

  it('sweeps at most once a minute, and again once the day has turned', () => {
    const book = new CaseBook();
    book.apply([gridCase({ id: 'a', status: 'closed', updatedAt: today })], NOW);
    // Tomorrow, China time: the case closed "today" is now of an earlier day.
    const tomorrow = Date.parse('2026-07-01T16:00:30.000Z');
    const first = book.apply([gridCase({ id: 'b' })], tomorrow);
    expect([...first.real].sort()).toEqual(['a', 'b']);
    expect(book.get('a')).toBeUndefined();
    book.reset([gridCase({ id: 'c', status: 'evaluated', updatedAt: today })], tomorrow);
    expect(book.apply([], tomorrow + 30_000).real.size).toBe(0);
    expect(book.get('c')).toBeDefined();
    expect([...book.apply([], tomorrow + 60_000).real]).toEqual(['c']);
    expect(book.get('c')).toBeUndefined();
  });
});

describe('CaseBook.summary: sizes and when the stream last spoke', () => {
  it('has heard nothing before any case arrives', () => {
    expect(new CaseBook().summary()).toEqual({ heard: {}, sizes: { real: 0, drill: 0 } });
  });

  it('dates a snapshot by its newest case and counts each partition', () => {
    const book = new CaseBook();
    book.reset(
      [
        gridCase({ id: 'a', updatedAt: '2026-07-01T01:00:00.000Z' }),
        gridCase({ id: 'b', updatedAt: '2026-07-01T02:30:00.000Z', exercise: true }),
        gridCase({ id: 'c', updatedAt: '2026-07-01T02:00:00.000Z' }),
      ],
      NOW,
    );
    expect(book.summary()).toEqual({ heard: { grid: Date.parse('2026-07-01T02:30:00.000Z') }, sizes: { real: 2, drill: 1 } });
  });

  it('never dates a snapshot later than now, whatever a sender’s clock says', () => {
    const book = new CaseBook();
    book.reset([gridCase({ id: 'a', updatedAt: '2026-07-01T09:00:00.000Z' })], NOW);
    expect(book.summary().heard).toEqual({ grid: NOW });
  });

  it('dates a delta by when it arrived, and an empty delta not at all', () => {
    const book = new CaseBook();
    book.reset([gridCase({ id: 'a', updatedAt: '2026-07-01T01:00:00.000Z' })], NOW);
    book.apply([gridCase({ id: 'b', updatedAt: '2026-07-01T01:00:00.000Z', exercise: true })], NOW + 5000);
    expect(book.summary()).toEqual({ heard: { grid: NOW + 5000 }, sizes: { real: 1, drill: 1 } });
    book.apply([], NOW + 9000);
    expect(book.summary().heard).toEqual({ grid: NOW + 5000 });
  });
});
