// The filter selector and its parameter controls, built from GET /api/filters
// so the page never hard-codes what the server can do.

const SLIDER_DEBOUNCE_MS = 100;

export async function fetchFilters() {
  const res = await fetch('/api/filters', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /api/filters answered ${res.status}`);
  const list = await res.json();
  if (!Array.isArray(list)) throw new Error('GET /api/filters did not return a list');
  return list.map(normalizeFilter).filter(Boolean);
}

/** What each filter has cost a frame on this server so far: {name: mean ms, or null before its first frame}. */
export async function fetchCosts() {
  const res = await fetch('/api/filters', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /api/filters answered ${res.status}`);
  const list = await res.json();
  return Object.fromEntries((Array.isArray(list) ? list : []).map((f) => [f.name, f.cost ? f.cost.ms : null]));
}

/** Accepts a full filter description or just a name (as a hello message may carry). */
export function normalizeFilter(f) {
  if (typeof f === 'string') return { name: f, description: '', params: [] };
  if (!f || typeof f.name !== 'string') return null;
  return { name: f.name, description: f.description || '', params: Array.isArray(f.params) ? f.params : [] };
}

export class Controls {
  /**
   * @param {object} opts
   * @param {HTMLSelectElement} opts.select
   * @param {HTMLElement} opts.paramsBox
   * @param {HTMLElement} opts.description
   * @param {(filter: string, params: object) => void} opts.onChange
   */
  constructor({ select, paramsBox, description, onChange }) {
    this.select = select;
    this.paramsBox = paramsBox;
    this.description = description;
    this.onChange = onChange;
    this.filters = [];
    this.values = {};
    this.debounce = 0;
    select.addEventListener('change', () => {
      this.render(select.value);
      this.emit();
    });
  }

  get filter() {
    return this.select.value;
  }

  get params() {
    return { ...this.values };
  }

  /** True while a slider change waits to be sent; server echoes must not undo it. */
  get changePending() {
    return this.debounce !== 0;
  }

  setFilters(filters) {
    if (!filters.length) return;
    const previous = this.select.value;
    this.filters = filters;
    this.select.replaceChildren(...filters.map((f) => new Option(f.name, f.name)));
    const keep = filters.some((f) => f.name === previous) ? previous : filters[0].name;
    this.select.value = keep;
    this.render(keep);
  }

  /** Shows what the server actually applies, without sending anything back. */
  applyServer(filter, params) {
    if (filter && filter !== this.select.value && this.find(filter)) {
      this.select.value = filter;
      this.render(filter);
    }
    if (!params || typeof params !== 'object') return;
    for (const [name, value] of Object.entries(params)) {
      if (!(name in this.values)) continue;
      this.values[name] = value;
      this.showValue(name, value);
    }
  }

  find(name) {
    return this.filters.find((f) => f.name === name);
  }

  render(name) {
    clearTimeout(this.debounce);
    this.debounce = 0;
    const filter = this.find(name);
    this.description.textContent = filter?.description || '';
    this.values = {};
    const rows = (filter?.params || []).map((p) => this.paramRow(p));
    this.paramsBox.replaceChildren(...rows);
  }

  paramRow(p) {
    const id = `param-${p.name}`;
    const row = document.createElement('div');
    row.className = 'param';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = p.name;
    const input = document.createElement('input');
    input.id = id;
    input.name = p.name;
    this.values[p.name] = p.default ?? (p.type === 'boolean' ? false : p.min ?? 0);

    if (p.type === 'boolean') {
      row.classList.add('param-boolean');
      input.type = 'checkbox';
      input.checked = Boolean(this.values[p.name]);
      input.addEventListener('change', () => {
        this.values[p.name] = input.checked;
        this.emit();
      });
      row.append(input, label);
    } else {
      const hasRange = Number.isFinite(p.min) && Number.isFinite(p.max);
      input.type = hasRange ? 'range' : 'number';
      if (Number.isFinite(p.min)) input.min = p.min;
      if (Number.isFinite(p.max)) input.max = p.max;
      input.step = p.step ?? (p.type === 'int' ? 1 : 'any');
      input.value = this.values[p.name];
      const shown = document.createElement('output');
      shown.id = `${id}-value`;
      shown.htmlFor = id;
      shown.className = 'param-value';
      shown.textContent = formatValue(this.values[p.name]);
      input.addEventListener('input', () => {
        const n = p.type === 'int' ? parseInt(input.value, 10) : parseFloat(input.value);
        if (!Number.isFinite(n)) return;
        this.values[p.name] = n;
        shown.textContent = formatValue(n);
        this.emitDebounced();
      });
      row.append(label, shown, input);
    }
    if (p.description) {
      const hint = document.createElement('small');
      hint.id = `${id}-hint`;
      hint.className = 'hint';
      hint.textContent = p.description;
      input.setAttribute('aria-describedby', hint.id);
      row.append(hint);
    }
    return row;
  }

  showValue(name, value) {
    const input = document.getElementById(`param-${name}`);
    if (!input) return;
    if (input.type === 'checkbox') {
      input.checked = Boolean(value);
    } else {
      input.value = value;
      const shown = document.getElementById(`param-${name}-value`);
      if (shown) shown.textContent = formatValue(value);
    }
  }

  emitDebounced() {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.emit(), SLIDER_DEBOUNCE_MS);
  }

  emit() {
    clearTimeout(this.debounce);
    this.debounce = 0;
    this.onChange(this.filter, this.params);
  }
}

function formatValue(v) {
  return typeof v === 'number' && !Number.isInteger(v) ? String(Math.round(v * 1000) / 1000) : String(v);
}
