/** A card reads best about 1.6 times as wide as it is high (label, value, target, sparkline). */
const CARD_ASPECT = 1.6;

/**
 * How many columns `n` cards take in a `width × height` area: the layout that can hold the
 * largest card of the preferred aspect; between layouts about as good, the one with fewer
 * empty cells. A wide strip gets one row, a square panel a 2 × 2 grid, a tall one a column.
 */
export function cardColumns(n: number, width: number, height: number): number {
  if (n <= 1 || width <= 0 || height <= 0) return Math.max(1, n);
  let best = { cols: n, size: -Infinity, waste: Infinity };
  for (let cols = n; cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    const size = Math.min(width / cols / CARD_ASPECT, height / rows);
    const waste = cols * rows - n;
    const clearlyBigger = size > best.size * 1.05;
    const asGood = size >= best.size * 0.95;
    if (clearlyBigger || (asGood && waste < best.waste)) best = { cols, size, waste };
  }
  return best.cols;
}
