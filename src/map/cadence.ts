/**
 * How often the map follows the clock while a story plays. Each catch-up that changes a town or
 * a marker redraws the whole map; where that is cheap (a GPU) the map can follow ten times a
 * second, where it is not (software WebGL, whose frames the compositor waits for and copies
 * back) it must follow less often or playback stutters. So the step is set from what redraws
 * have cost here: redraws get about `share` of the main thread (7 %, so that with the rest of a
 * frame's work playback stays within 4 ms of every 16.7 ms frame), within [minMs, maxMs].
 */
export interface Cadence {
  /** Real time to wait before the map next follows the clock. */
  stepMs: () => number;
  /** What a redraw just cost the main thread, in ms. */
  record: (costMs: number) => void;
}

export function createCadence(options: { share?: number; minMs?: number; maxMs?: number; firstCostMs?: number } = {}): Cadence {
  const { share = 0.07, minMs = 100, maxMs = 1000 } = options;
  // The median of the last few readings: one slow frame (a garbage collection) does not change it.
  const recent: number[] = [options.firstCostMs ?? 30];
  let cost = recent[0];
  return {
    stepMs: () => Math.min(maxMs, Math.max(minMs, cost / share)),
    record: (costMs) => {
      if (!Number.isFinite(costMs) || costMs < 0) return;
      recent.push(costMs);
      if (recent.length > 5) recent.shift();
      const sorted = [...recent].sort((a, b) => a - b);
      cost = sorted[Math.floor(sorted.length / 2)];
    },
  };
}

/**
 * Calls `done` with the main-thread time of the next frame, from its start to the end of the
 * browser's work on it (style, paint and the compositor's commit, where software WebGL copies
 * the map back): a message posted from the frame runs only once that work is over.
 */
export function measureNextFrame(done: (ms: number) => void): void {
  requestAnimationFrame((frameStart) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      done(performance.now() - frameStart);
    };
    channel.port2.postMessage(null);
  });
}
