// A like button with its count: toggles the caller's like (a visitor becomes a guest by liking) and shows
// the server's exact count after each change.

import { like } from './social-api.js';

/** A button for {@code video} (its id, likes, liked); {@code onError} hears what went wrong. */
export function likeButton(video, onError = () => {}) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'like-button';
  let state = { likes: video.likes ?? 0, liked: !!video.liked };
  const show = () => {
    button.setAttribute('aria-pressed', String(state.liked));
    button.textContent = `${state.liked ? '♥' : '♡'} ${state.likes}`;
    button.setAttribute('aria-label', `${state.liked ? 'Unlike' : 'Like'} (${state.likes} likes)`);
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      state = await like(video.id, !state.liked);
    } catch (e) {
      onError(`Could not like: ${e.message}`);
    } finally {
      button.disabled = false;
      show();
    }
  });
  show();
  return button;
}
