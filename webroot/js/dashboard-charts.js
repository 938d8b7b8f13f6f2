// Time-series charts drawn by uPlot (served from its WebJar). A chart is rebuilt only when its set of
// series changes (a new filter or event-bus address appears); otherwise it just gets new data.

import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const HEIGHT = 200;
// Every other series is dashed, so lines that coincide or look alike in colour stay apart.
const DASHES = [[], [6, 4]];

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export class TimeChart {
  /**
   * @param {HTMLElement} container
   * @param {{format: function(number): string, max?: number}} options format is for the legend's values;
   *   max fixes the top of the scale
   */
  constructor(container, options) {
    this.container = container;
    this.options = options;
    this.labels = null;
    this.plot = null;
    new ResizeObserver(() => this.resize()).observe(container);
  }

  /**
   * @param {number[]} times seconds since the epoch, oldest first
   * @param {{label: string, values: (number|null)[]}[]} series
   */
  update(times, series) {
    const labels = series.map(s => s.label).join('\n');
    const data = [times, ...series.map(s => s.values)];
    if (this.plot && labels === this.labels) {
      this.plot.setData(data);
      return;
    }
    this.labels = labels;
    this.build(series.map(s => s.label), data);
  }

  /** Draws again from scratch, for example when the colour scheme changes. */
  rebuild() {
    if (this.plot) {
      const data = this.plot.data;
      this.build(this.labels.split('\n'), data);
    }
  }

  build(labels, data) {
    if (this.plot) {
      this.plot.destroy();
    }
    const {format, max} = this.options;
    const axis = {
      stroke: cssVar('--muted'),
      grid: {stroke: cssVar('--grid'), width: 1},
      ticks: {stroke: cssVar('--grid'), width: 1},
    };
    this.plot = new uPlot({
      width: this.width(),
      height: HEIGHT,
      cursor: {drag: {x: false, y: false}},
      scales: {
        x: {time: true},
        y: {range: (u, low, high) => [0, max ?? (high > 0 ? high * 1.1 : 1)]},
      },
      axes: [axis, {...axis, size: 56}],
      series: [
        // Until the cursor points at a moment the legend shows "–" like the values, not uPlot's "--".
        {label: 'time', value: (u, v) => (v == null ? '–' : new Date(v * 1000).toLocaleTimeString())},
        ...labels.map((label, i) => ({
          label,
          stroke: cssVar(`--series-${i % 8 + 1}`),
          dash: DASHES[i % DASHES.length],
          width: 2,
          points: {show: false},
          value: (u, v) => (v == null ? '–' : format(v)),
        })),
      ],
    }, data, this.container);
  }

  width() {
    return Math.max(200, Math.floor(this.container.clientWidth));
  }

  resize() {
    if (this.plot && Math.abs(this.plot.width - this.width()) > 1) {
      this.plot.setSize({width: this.width(), height: HEIGHT});
    }
  }
}
