// The watch page's "Run a filter": one filter with its parameters, or a chain of them built as on the
// camera page (added in order, moved, removed), sent as a processing job over the whole video.

import { Controls, fetchCosts, normalizeFilter } from './controls.js';
import { ChainControls } from './chain-controls.js';

/**
 * @param {object[]} list the filters as GET /api/filters gives them
 * @returns {{request: () => {filter: string, params: object, picture: ?File}, describe: () => string}}
 */
export function processForm(list) {
  const $ = (id) => document.getElementById(id);
  const controls = new Controls({
    select: $('process-filter'),
    paramsBox: $('process-params'),
    description: $('process-description'),
    onChange: () => {},
  });
  const chain = new ChainControls({
    list: $('process-chain'),
    add: $('process-chain-add'),
    clear: $('process-chain-clear'),
    current: () => ({ name: controls.filter, params: controls.params }),
    onChange: () => {},
    cost: $('process-chain-cost'),
    costs: fetchCosts,
  });
  // `none` would only copy the video.
  controls.setFilters(list.map(normalizeFilter).filter((f) => f && f.name !== 'none'));
  const picture = $('process-picture');
  return {
    /**
     * The job as the server takes it: the chain while it has filters, else the selected filter; with the
     * chosen picture when replace-background will show it (the server refuses a picture nothing shows).
     */
    request: () => {
      const job = chain.active
        ? { filter: 'chain', params: { stages: chain.message.chain } }
        : { filter: controls.filter, params: controls.params };
      const stages = chain.active ? chain.message.chain : [{ name: controls.filter, params: controls.params }];
      const shown = stages.some((s) => s.name === 'replace-background' && s.params.image !== false);
      return { ...job, picture: shown ? picture.files[0] ?? null : null };
    },
    describe: () => (chain.active ? chain.message.chain.map((s) => s.name).join(' → ') : controls.filter),
  };
}
