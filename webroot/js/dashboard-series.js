// What each chart plots, computed from the snapshots kept by the page (oldest first).
// Each function returns [{label, values}] with one value per snapshot; null leaves a gap.

export const STAGES = ['queue', 'decode', 'filter', 'encode', 'reply', 'total'];
export const DROP_REASONS = ['replaced', 'socket_full', 'error', 'closed', 'late', 'memory'];
const MIB = 1024 * 1024;

function column(snapshots, pick) {
  return snapshots.map(snapshot => pick(snapshot) ?? null);
}

function scaled(value, factor) {
  return value == null ? null : value * factor;
}

export function frames(snapshots) {
  return [
    {label: 'in', values: column(snapshots, s => s.framesIn)},
    {label: 'out', values: column(snapshots, s => s.framesOut)},
  ];
}

export function drops(snapshots) {
  return DROP_REASONS.map(reason => ({
    label: reason.replace('_', ' '),
    values: column(snapshots, s => s.drops?.[reason]),
  }));
}

/** @param percentileIndex 0 for p50, 1 for p95, 2 for p99 */
export function latency(snapshots, filter, percentileIndex) {
  return STAGES.map(stage => ({
    label: stage,
    values: column(snapshots, s => s.filters?.[filter]?.latency?.[stage]?.[percentileIndex]),
  }));
}

/** Messages sent or published to each address per second: the traffic that address carries. */
export function eventBus(snapshots) {
  return addresses(snapshots).map(address => ({
    label: address,
    values: column(snapshots, s => {
      const entry = s.eventBus?.[address];
      return entry == null ? null : (entry.sent ?? 0) + (entry.published ?? 0);
    }),
  }));
}

export function sessions(snapshots) {
  return [
    {label: 'sessions', values: column(snapshots, s => s.sessions)},
    {label: 'frames in flight', values: column(snapshots, s => s.inFlight)},
  ];
}

export function cpu(snapshots) {
  return [
    {label: 'worker utilisation', values: column(snapshots, s => scaled(s.workers?.utilisation, 100))},
    {label: 'CPU process', values: column(snapshots, s => scaled(s.cpu?.process, 100))},
    {label: 'CPU system', values: column(snapshots, s => scaled(s.cpu?.system, 100))},
  ];
}

export function memory(snapshots) {
  return [
    {label: 'heap used', values: column(snapshots, s => scaled(s.memory?.heapUsed, 1 / MIB))},
    {label: 'resident', values: column(snapshots, s => scaled(s.memory?.rss, 1 / MIB))},
  ];
}

/** Every filter seen in the snapshots, in alphabetical order so a list built from it holds still. */
export function filterNames(snapshots) {
  return [...new Set(snapshots.flatMap(s => Object.keys(s.filters ?? {})))].sort((a, b) => a.localeCompare(b));
}

/** The filter with the most frames out in the latest snapshot, or undefined when none was seen. */
export function busiestFilter(snapshots) {
  const last = snapshots[snapshots.length - 1]?.filters ?? {};
  return filterNames(snapshots).reduce((best, name) =>
    best === undefined || (last[name]?.out ?? 0) > (last[best]?.out ?? 0) ? name : best, undefined);
}

export function addresses(snapshots) {
  return [...new Set(snapshots.flatMap(s => Object.keys(s.eventBus ?? {})))].sort();
}
