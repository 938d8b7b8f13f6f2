// Jobs' progress as the server pushes it (server-sent events from /api/jobs/feed); EventSource
// reconnects by itself when the connection drops.

export function followJobs(onJob) {
  const source = new EventSource('/api/jobs/feed');
  source.onmessage = (event) => onJob(JSON.parse(event.data));
  return () => source.close();
}
