// "Report": asks why in the page's report dialog and files the report (a video or a comment).

import { report } from './comment-api.js';

const dialog = document.getElementById('report-dialog');

/** Asks for a reason, then reports {video: id} or {comment: id}; resolves with what to tell the person. */
export function askAndReport(thing, what) {
  document.getElementById('report-what').textContent = what;
  document.getElementById('report-reason').value = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', async () => {
      const reason = document.getElementById('report-reason').value.trim();
      if (dialog.returnValue !== 'send' || !reason) {
        resolve('');
        return;
      }
      try {
        const made = await report(thing, reason);
        resolve(made.new ? 'Reported. Thank you: the moderators will look at it.' : 'You reported this already.');
      } catch (e) {
        resolve(`Could not report: ${e.message}`);
      }
    }, { once: true });
  });
}
