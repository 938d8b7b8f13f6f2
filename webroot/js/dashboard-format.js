// How numbers read on the dashboard: one place, so tiles, tables and chart axes agree.

const MIB = 1024 * 1024;

export function rate(value) {
  if (value == null || Number.isNaN(value)) {
    return '–';
  }
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function millis(value) {
  if (value == null) {
    return '–';
  }
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function percent(fraction) {
  return fraction == null ? '–' : `${Math.round(fraction * 100)} %`;
}

/** "12 / 100 %": two shares of the same whole. */
export function percentPair(first, second) {
  const part = fraction => (fraction == null ? '–' : Math.round(fraction * 100));
  return `${part(first)} / ${part(second)} %`;
}

export function mebibytes(bytes) {
  return bytes == null ? '–' : `${(bytes / MIB).toFixed(bytes >= 100 * MIB ? 0 : 1)} MiB`;
}

/** "127 / 6028 MiB": a part of a whole, short enough for a tile. */
export function mebibytesOf(bytes, totalBytes) {
  return bytes == null ? '–' : `${(bytes / MIB).toFixed(0)} / ${mebibytes(totalBytes)}`;
}

export function count(value) {
  return value == null ? '–' : value.toLocaleString('en');
}
