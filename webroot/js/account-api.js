// The account API: each call resolves with {username} (or null) or throws the server's Error (json-api.js).
// Who is signed in: site-header.js's currentUser().

import { call } from './json-api.js';

export const signUp = (username, password) => call('POST', '/api/auth/signup', { username, password });
export const logIn = (username, password) => call('POST', '/api/auth/login', { username, password });
export const logOut = () => call('POST', '/api/auth/logout');
export const changePassword = (current, password) => call('POST', '/api/auth/password', { current, password });

/** After a sign-in whose answer offered a guest's things: moves them into the account, or leaves them. */
export const pendingGuestMove = () => call('GET', '/api/auth/guest/move');
export const moveGuest = () => call('POST', '/api/auth/guest/move');
export const leaveGuest = () => call('POST', '/api/auth/guest/leave');
