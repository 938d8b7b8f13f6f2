// One call to the server's JSON API (a FormData body goes as multipart, for a call that takes a file):
// resolves with the answer's JSON (null for 204) or throws an Error
// carrying the server's own message and code (every error the API sends is {"error","message",...}),
// and, for a 429, when to try again.

export async function call(method, path, body) {
  const init = { method, headers: {}, credentials: 'same-origin' };
  if (body instanceof FormData) {
    init.body = body; // the browser writes the multipart Content-Type with its boundary
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 204) return null;
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(json.message || `the server answered ${response.status}`);
    error.code = json.error;
    error.status = response.status;
    error.retryAfterSeconds = json.retryAfterSeconds ?? Number(response.headers.get('Retry-After')) ?? null;
    error.retryAt = json.retryAt ? new Date(json.retryAt) : null;
    throw error;
  }
  return json;
}
