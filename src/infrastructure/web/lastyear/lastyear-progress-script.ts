// The page's one script: follows the year's event stream, shows the progress as it arrives, and
// reloads into the chart on `completed` (or says why on `failed`). The server renders the same text
// first, so the page reads the same before the script runs.
import type { YearProgress } from '../../../application/lastyear/lastyear-job.js';

export function progressText(p: YearProgress): string {
  if (p.phase === 'pending') return 'Waiting for a free worker…';
  if (p.phase === 'augmenting')
    return `Dating the tracks on MusicBrainz: ${p.dated}${p.datingTotal === null ? '' : ` of ${p.datingTotal}`}`;
  return `Fetched ${p.pages}${p.pagesTotal === null ? '' : ` of ${p.pagesTotal}`} pages (${p.listens}${p.listensTotal === null ? '' : ` of ${p.listensTotal}`} scrobbles)`;
}

// Kept in step with progressText above; no user data is written into it.
export const PROGRESS_SCRIPT = `(function () {
  var section = document.getElementById('progress');
  if (!section || !window.EventSource) return;
  var text = document.getElementById('progress-text');
  var bar = document.getElementById('progress-bar');
  function of(n, total) { return total === null || total === undefined ? String(n) : n + ' of ' + total; }
  function show(p) {
    if (p.phase === 'pending') { text.textContent = 'Waiting for a free worker\\u2026'; return; }
    if (p.phase === 'augmenting') {
      text.textContent = 'Dating the tracks on MusicBrainz: ' + of(p.dated, p.datingTotal);
      if (p.datingTotal) { bar.max = p.datingTotal; bar.value = p.dated; }
      return;
    }
    text.textContent = 'Fetched ' + of(p.pages, p.pagesTotal) + ' pages (' + of(p.listens, p.listensTotal) + ' scrobbles)';
    if (p.listensTotal) { bar.max = p.listensTotal; bar.value = p.listens; }
  }
  var events = new EventSource(section.getAttribute('data-events'));
  events.addEventListener('progress', function (e) { show(JSON.parse(e.data)); });
  events.addEventListener('completed', function () { events.close(); text.textContent = 'Done. Loading the chart\\u2026'; location.reload(); });
  events.addEventListener('failed', function (e) {
    events.close();
    var reason = JSON.parse(e.data).reason;
    text.textContent = 'The year could not be prepared: ' + reason + ' Reload to try again.';
    text.setAttribute('role', 'alert');
  });
})();`;
