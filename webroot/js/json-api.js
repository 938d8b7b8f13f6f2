// One call to the server's JSON API: resolves with the answer's JSON (null for 204) or throws an Error
// carrying the server's own message and code (every error the API sends is {"error","message",...}),
// and, for a 429, when to try again.

export async function call(method, path, body) {
  const init = { method, headers: {}, credentials: 'same-origin' };
  if (body !== undefined) {
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
