/** Latency histogram with 0.1 ms buckets up to 60 s; the last bucket also holds everything slower. */
export const BUCKET_MS = 0.1;
const BUCKETS = 600_000;

/** A histogram in transit between processes: only its non-empty buckets. */
export type SparseHistogram = [bucket: number, count: number][];

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS);
  total = 0;
  max = 0;

  add(ms: number): void {
    const b = Math.min(BUCKETS - 1, Math.max(0, Math.floor(ms / BUCKET_MS)));
    this.counts[b]!++;
    this.total++;
    if (ms > this.max) this.max = ms;
  }

  toSparse(): SparseHistogram {
    const out: SparseHistogram = [];
    for (let i = 0; i < BUCKETS; i++) if (this.counts[i]) out.push([i, this.counts[i]!]);
    return out;
  }

  merge(sparse: SparseHistogram, max: number): void {
    for (const [b, n] of sparse) {
      this.counts[b]! += n;
      this.total += n;
    }
    if (max > this.max) this.max = max;
  }

  /**
   * The `q` quantile in ms over `expected` samples; samples never recorded (items that never
   * arrived) count as slower than everything, so the answer is null when they reach the quantile.
   */
  quantile(q: number, expected = this.total): number | null {
    const rank = Math.ceil(q * Math.max(expected, this.total));
    if (rank === 0) return null;
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return (i + 1) * BUCKET_MS;
    }
    return null;
  }
}
