// cyborg annotate's overview: how far the run is, who annotated how well, how much the masks agree.

import { fetchOverview, loadSession } from './api.js';

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

function render(o) {
  $('summary').textContent = `Images done: ${o.images_done} of ${o.images_total} (${o.per_image} annotator`
    + `${o.per_image === 1 ? '' : 's'} per image, ${o.mode} mode).`;
  $('annotators').tBodies[0].replaceChildren(...o.annotators.map((a) => row('annotator-row', [
    [a.name], [a.annotations, true], [a.decisions, true], [a.correct, true], [percent(a.accuracy), true]])));
  $('images').tBodies[0].replaceChildren(...o.images.map((i) => row('image-row', [
    [i.name], [i.label], [i.masks, true], [fixed(i.iou, 2), true], [fixed(i.ssim, 2), true], [i.decisions, true],
    [percent(i.accuracy), true]])));
}

async function refresh() {
  $('status').textContent = 'Loading…';
  try {
    render(await fetchOverview(loadSession())); // the session carries the server token, if any
    $('status').textContent = '';
  } catch (e) {
    $('status').textContent = `Could not load the overview: ${e.message}`;
    $('status').className = 'status error';
  }
}

$('refresh').addEventListener('click', refresh);
refresh();
