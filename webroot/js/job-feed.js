// Jobs' progress as the server pushes it (server-sent events from /api/jobs/feed); EventSource
// reconnects by itself when the connection drops.

export function followJobs(onJob) {
  let source = null;
  const open = () => {
    source?.close();
    source = new EventSource('/api/jobs/feed');
    source.onmessage = (event) => onJob(JSON.parse(event.data));
  };
  open();
  // The feed carries only the caller's own jobs, decided when it opens: a visitor's first job makes them a
  // guest (a new cookie), so the page opens the feed again after it starts a job.
  return { stop: () => source.close(), again: open };
}
