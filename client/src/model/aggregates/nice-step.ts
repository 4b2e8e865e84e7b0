/**
 * The smallest 1, 2 or 5 × 10ⁿ (at least 1) not below `x`: class widths people read at a
 * glance. Shared by the choropleth's classes (page) and the density view's scale (live worker).
 */
export function niceStep(x: number): number {
  if (!(x > 1)) return 1;
  const pow = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 5, 10].find((m) => m * pow >= x) ?? 10) * pow;
}
