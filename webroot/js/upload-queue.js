// Files chosen with the Upload button or dropped on the page, uploaded one after another (the link is
// shared: one at a time finishes the first file soonest).

import { FileUpload } from './file-upload.js';

export function uploadQueue({ show, videoAdded, ended }) {
  const waiting = [];
  let current = null;

  function next() {
    if (current && ['uploading', 'paused'].includes(current.state)) return;
    current = waiting.shift() ?? null;
    if (current) current.start().catch((e) => current.failed(`The upload could not start: ${e.message}`));
  }

  const hooks = {
    changed: (upload) => {
      show(upload);
      if (upload === current && !['uploading', 'paused'].includes(upload.state)) next();
    },
    videoAdded,
    ended: (upload) => {
      const at = waiting.indexOf(upload);
      if (at >= 0) waiting.splice(at, 1);
      ended(upload);
      next();
    },
  };

  return function add(files) {
    for (const file of files) {
      const upload = new FileUpload(file, hooks);
      waiting.push(upload);
      show(upload);
    }
    next();
  };
}
