// How the library pages write durations, dates and sizes.

export function duration(ms) {
  if (ms == null) return '–';
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = String(total % 60).padStart(2, '0');
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function date(epochMs) {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function size(bytes) {
  if (bytes == null) return '–';
  return bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} kB`;
}

export function seconds(value) {
  return `${Number(value).toFixed(2)} s`;
}

/** A time in the video as m:ss.s (tenths: transcript lines are close together). */
export function clock(totalSeconds) {
  const m = Math.floor(totalSeconds / 60);
  const s = (totalSeconds - m * 60).toFixed(1).padStart(4, '0');
  return `${m}:${s}`;
}
