// The library's summary across videos: the most watched and the most skipped, each linked to its
// analytics page. Shown only once something has been watched.

export async function showSummary(section) {
  const response = await fetch('/api/analytics/summary');
  if (!response.ok) return;
  const summary = await response.json();
  fill(section.querySelector('#most-watched'), summary.mostWatched, (n) => `${n} view${n === 1 ? '' : 's'}`);
  fill(section.querySelector('#most-skipped'), summary.mostSkipped, (n) => `${n} seconds skipped`);
  section.hidden = summary.mostWatched.length === 0;
}

function fill(list, entries, describe) {
  list.replaceChildren(...entries.map((entry) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `/watch/${encodeURIComponent(entry.id)}/analytics`;
    a.textContent = entry.title; // text, never HTML
    li.append(a, ` · ${describe(entry.count)}`);
    return li;
  }));
}
