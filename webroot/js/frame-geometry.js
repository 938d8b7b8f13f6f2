// Small pure helpers shared by the page and its workers.

/** The camera's size scaled (down or up) so its longer side is longSide pixels: its shape is kept. */
export function fitted(width, height, longSide) {
  const scale = longSide / Math.max(width, height);
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

/**
 * Milliseconds on one clock for the page and its workers: each has its own performance.now() origin,
 * the sum with timeOrigin is comparable between them.
 */
export function nowMs() {
  return performance.timeOrigin + performance.now();
}
