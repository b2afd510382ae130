// cyborg annotate's overview: how far the run is, who annotated how well, how much the masks agree.
// It shows every image's label, so it is for reviewers: it asks for a reviewer token
// ('cyborg annotate add-reviewer'), kept for this tab only (sessionStorage).

import { clearReviewer, fetchOverview, loadReviewer, saveReviewer } from './api.js';

const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);

const fixed = (x, digits) => (x === null || x === undefined ? '–' : x.toFixed(digits));
const percent = (x) => (x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`);

/** A table row; cells given as [text, numeric?]. */
function row(testId, cells) {
  const tr = document.createElement('tr');
  tr.dataset.testid = testId;
  for (const [text, numeric] of cells) {
    const td = document.createElement('td');
    td.textContent = text;
    if (numeric) {
      td.className = 'num';
    }
    tr.append(td);
  }
  return tr;
}

const seconds = (ms) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

/** A row of the times table: one annotator, or everyone. */
function timeRow(g) {
  const total = g.times.total_ms;
  const quartiles = total.n === 0 ? '–' : `${seconds(total.q1)} – ${seconds(total.q3)}`;
  return row('time-row', [[g.annotator], [total.n, true], [seconds(total.median), true], [quartiles, true],
    [fixed(g.throughput.per_active_hour, 1), true], [fixed(g.throughput.per_span_hour, 1), true], [g.skips, true]]);
}

function render(o) {
  $('summary').textContent = `Images done: ${o.images_done} of ${o.images_total} (${o.per_image} annotator`
    + `${o.per_image === 1 ? '' : 's'} per image, ${o.mode} mode).`;
  $('annotators').tBodies[0].replaceChildren(...o.annotators.map((a) => row('annotator-row', [
    [a.name], [a.annotations, true], [a.decisions, true], [a.correct, true], [percent(a.accuracy), true]])));
  $('times').tBodies[0].replaceChildren(...o.study.per_annotator.map(timeRow), timeRow(o.study.overall));
  $('gold').tBodies[0].replaceChildren(...(o.gold || []).map((g) => row('gold-row', [
    [g.name], [g.gold_decisions, true], [g.gold_correct, true], [percent(g.gold_accuracy), true],
    [g.masks_scored, true], [fixed(g.iou, 2), true]])));
  $('images').tBodies[0].replaceChildren(...o.images.map((i) => row('image-row', [
    [i.name], [i.label], [i.masks, true], [fixed(i.iou, 2), true], [fixed(i.ssim, 2), true], [i.decisions, true],
    [percent(i.accuracy), true]])));
}

function askForToken(message) {
  $('overview').hidden = true;
  $('refresh').hidden = true;
  $('reviewer-sign-in').hidden = false;
  $('reviewer-message').textContent = message || '';
  $('reviewer-token').focus();
}

async function refresh() {
  const reviewer = loadReviewer();
  if (!reviewer) {
    askForToken('');
    return;
  }
  $('status').textContent = 'Loading…';
  $('status').className = 'status';
  try {
    render(await fetchOverview(reviewer));
    $('status').textContent = '';
    $('reviewer-sign-in').hidden = true;
    $('overview').hidden = false;
    $('refresh').hidden = false;
  } catch (e) {
    $('status').textContent = '';
    if (e.status === 401 || e.status === 403) {
      clearReviewer(); // refused: ask again, with the server's reason
      askForToken(e.message);
      return;
    }
    $('status').textContent = `Could not load the overview: ${e.message}`;
    $('status').className = 'status error';
  }
}

$('reviewer-sign-in').addEventListener('submit', (e) => {
  e.preventDefault();
  saveReviewer({ token: $('reviewer-token').value.trim(), serverToken: $('server-token').value.trim() });
  $('reviewer-token').value = '';
  refresh();
});
$('refresh').addEventListener('click', refresh);
refresh();
