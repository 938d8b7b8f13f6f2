// The account API: each call resolves with {username} (or null) or throws the server's Error (json-api.js).

import { call } from './json-api.js';

export const signUp = (username, password) => call('POST', '/api/auth/signup', { username, password });
export const logIn = (username, password) => call('POST', '/api/auth/login', { username, password });
export const logOut = () => call('POST', '/api/auth/logout');
export const changePassword = (current, password) => call('POST', '/api/auth/password', { current, password });

/** Who is signed in: {username}, or null when nobody is. */
export async function whoAmI() {
  try {
    return await call('GET', '/api/me');
  } catch (error) {
    if (error.status === 401) return null;
    throw error;
  }
}

/** After a sign-in whose answer offered a guest's things: moves them into the account, or leaves them. */
export const pendingGuestMove = () => call('GET', '/api/auth/guest/move');
export const moveGuest = () => call('POST', '/api/auth/guest/move');
export const leaveGuest = () => call('POST', '/api/auth/guest/leave');
