// The watch page's social parts: the like button, whose video it is, what it replies to, the owner's
// engagement score, and the replies (listed newest or most liked first, played one after another, and made
// by recording from the camera or picking one of one's own videos).

import { likeButton } from './like-button.js';
import { repliesOf, replyTo, engagement } from './social-api.js';
import { listVideos, getVideo } from './library-api.js';

const enc = encodeURIComponent;
const $ = (id) => document.getElementById(id);

/** @param player the page's own player, paused while the replies play */
export function watchSocial(id, player) {
  let replies = [];
  const say = (text) => { $('reply-message').textContent = text; };

  function showParent(video) {
    const line = $('reply-parent');
    line.hidden = !video.replyTo && !video.replyToDeleted && !video.replyToHidden;
    if (video.replyToDeleted) {
      line.textContent = 'A reply to a deleted video.';
    } else if (video.replyToHidden) {
      line.textContent = 'A reply to a video you cannot see.';
    } else if (video.replyTo) {
      const a = document.createElement('a');
      a.href = `/watch/${enc(video.replyTo)}`;
      a.textContent = 'the video it answers';
      line.replaceChildren('A reply to ', a, '.');
    }
  }

  async function showScore() {
    try {
      const s = await engagement(id);
      $('engagement-score').textContent = s.score;
      $('engagement-facts').textContent = `${s.views} views · ${Math.round(s.completionRate * 100)}% watched to the `
        + `end · ${(s.averageWatchMs / 1000).toFixed(1)} s watched on average · ${s.likes} likes · ${s.replies} replies`;
      $('engagement-formula').textContent = s.formula;
    } catch (e) {
      $('engagement-facts').textContent = `The score cannot be read now: ${e.message}`;
    }
  }

  async function showReplies() {
    try {
      replies = (await repliesOf(id, $('reply-order').value)).videos;
    } catch (e) {
      say(`The replies cannot be listed: ${e.message}`);
      return;
    }
    $('play-replies').disabled = !replies.length;
    $('replies').replaceChildren(...replies.map((video) => {
      const li = document.createElement('li');
      li.dataset.id = video.id;
      const a = document.createElement('a');
      a.href = `/watch/${enc(video.id)}`;
      a.textContent = video.title; // text, never HTML
      li.append(a, ` · ${video.ownerName ?? 'a guest'} · ♥ ${video.likes}${video.visibility === 'public' ? '' : ` · ${video.visibility}`}`);
      return li;
    }));
  }

  /** Plays the replies in turn in the replies' own player, each fetched for fresh media links. */
  async function playReplies(index = 0) {
    if (index >= replies.length) {
      say('That was the last reply.');
      return;
    }
    try {
      const video = await getVideo(replies[index].id);
      say(`Playing reply ${index + 1} of ${replies.length}: ${video.title}`);
      const replyPlayer = $('reply-player');
      replyPlayer.hidden = false;
      replyPlayer.dataset.playing = video.id;
      replyPlayer.src = video.mp4;
      replyPlayer.onended = () => playReplies(index + 1);
      player.pause();
      replyPlayer.play().catch(() => { replyPlayer.muted = true; replyPlayer.play().catch(() => {}); });
    } catch (e) {
      say(`Reply ${index + 1} cannot be played: ${e.message}`);
    }
  }

  async function pick() {
    const { videos } = await listVideos('', 100, true);
    const choices = videos.filter((v) => v.id !== id);
    $('reply-choices').replaceChildren(...(choices.length ? choices.map((video) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = video.id;
      button.textContent = `${video.title} (${video.visibility})`;
      button.addEventListener('click', async () => {
        $('reply-dialog').close();
        try {
          await replyTo(video.id, id);
          say(`“${video.title}” now answers this video.`);
          showReplies();
        } catch (e) {
          say(`Could not reply with it: ${e.message}`);
        }
      });
      li.append(button);
      return li;
    }) : [Object.assign(document.createElement('li'), { textContent: 'You have no other videos yet: record one.' })]));
    $('reply-dialog').showModal();
  }

  $('reply-record').href = `/?replyTo=${enc(id)}`;
  $('reply-pick').addEventListener('click', () => pick().catch((e) => say(`Your videos cannot be listed: ${e.message}`)));
  $('reply-order').addEventListener('change', showReplies);
  $('play-replies').addEventListener('click', () => playReplies(0));

  return {
    load(video) {
      $('like-slot').replaceChildren(likeButton(video, say));
      const owner = $('owner-link');
      owner.hidden = !video.ownerName || video.ownerName === 'a guest';
      owner.textContent = `@${video.ownerName}`;
      owner.href = `/u/${enc(video.ownerName ?? '')}`;
      showParent(video);
      $('engagement').hidden = !video.yours;
      if (video.yours) showScore();
      showReplies();
    },
    replies: () => replies.map((r) => r.id),
  };
}
