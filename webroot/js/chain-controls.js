// The filter chain: filters added from the selector (with the parameters set there), reordered and
// removed here. While the chain has a filter the page selects the chain; empty, the single filter.
// What the chain costs a frame is the sum of what its filters have cost on this server (GET /api/filters).

export class ChainControls {
  /**
   * @param {object} opts
   * @param {HTMLOListElement} opts.list
   * @param {HTMLButtonElement} opts.add adds the selected filter with its current parameters
   * @param {HTMLButtonElement} opts.clear
   * @param {() => {name: string, params: object}} opts.current
   * @param {() => void} opts.onChange
   * @param {HTMLElement} opts.cost where the chain's cost is shown
   * @param {() => Promise<object>} opts.costs each filter's measured ms a frame, null if not yet measured
   */
  constructor({ list, add, clear, current, onChange, cost, costs }) {
    this.list = list;
    this.cost = cost;
    this.costs = costs;
    // Costs change as frames are measured: refreshed while the chain has filters.
    setInterval(() => { if (this.active) this.showCost(); }, COST_REFRESH_MS);
    this.stages = [];
    this.onChange = onChange;
    add.addEventListener('click', () => {
      if (this.stages.length >= MAX_STAGES) return;
      this.stages.push(current());
      this.changed();
    });
    clear.addEventListener('click', () => {
      this.stages = [];
      this.changed();
    });
  }

  get active() {
    return this.stages.length > 0;
  }

  /** The chain as the server takes it. */
  get message() {
    return { type: 'filter', chain: this.stages.map((s) => ({ name: s.name, params: { ...s.params } })) };
  }

  changed() {
    this.render();
    this.onChange();
    this.showCost();
  }

  async showCost() {
    if (!this.active) {
      this.cost.textContent = '';
      return;
    }
    let costs;
    try {
      costs = await this.costs();
    } catch {
      return; // the next refresh tries again
    }
    const known = this.stages.map((s) => costs[s.name]).filter((ms) => typeof ms === 'number');
    const missing = this.stages.filter((s) => typeof costs[s.name] !== 'number').map((s) => s.name);
    const total = known.reduce((a, b) => a + b, 0);
    this.cost.textContent = known.length === 0
      ? `Chain cost: not measured yet (no frame has gone through ${missing.join(', ')} on this server)`
      : `Chain cost: about ${total.toFixed(1)} ms of server time a frame`
        + (missing.length ? ` (not yet measured: ${missing.join(', ')})` : '');
    this.cost.dataset.ms = missing.length ? '' : total.toFixed(2);
  }

  move(index, by) {
    const to = index + by;
    if (to < 0 || to >= this.stages.length) return;
    [this.stages[index], this.stages[to]] = [this.stages[to], this.stages[index]];
    this.changed();
  }

  render() {
    this.list.dataset.state = this.active ? 'active' : 'empty';
    this.list.replaceChildren(...this.stages.map((stage, i) => {
      const item = document.createElement('li');
      item.className = 'chain-stage';
      const label = document.createElement('span');
      label.className = 'chain-name';
      label.textContent = stage.name;
      const shown = Object.entries(stage.params).map(([k, v]) => `${k} ${v}`).join(', ');
      label.title = shown;
      item.append(label,
        button('↑', `Move ${stage.name} earlier`, () => this.move(i, -1), i === 0),
        button('↓', `Move ${stage.name} later`, () => this.move(i, 1), i === this.stages.length - 1),
        button('✕', `Remove ${stage.name}`, () => { this.stages.splice(i, 1); this.changed(); }, false));
      return item;
    }));
  }
}

const MAX_STAGES = 5;
const COST_REFRESH_MS = 3000;

function button(text, label, onClick, disabled) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}
