// cyborg annotate's review page: walk the saved annotations by image or by annotator, see each mask
// over its image beside the image's other masks, and accept or reject it (a rejection needs a reason).
// For reviewers only: it asks for a reviewer token ('cyborg annotate add-reviewer'), kept for this tab
// (sessionStorage, shared with the overview). Nothing is fetched from elsewhere.

import {
  clearReviewer, fetchReview, fetchReviewerImageUrl, loadReviewer, postReview, saveReviewer,
} from './api.js';

const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);

/** This mask and the others, as translucent colours over the face (RGBA, alpha 0..255). */
const MINE = [255, 32, 64, 150];
const THEIRS = [40, 110, 255, 150];

const state = {
  reviewer: null,
  by: 'image',
  unreviewedOnly: false,
  items: [],
  index: 0,
  counts: null,
  showMask: true,
  busy: false,
  /** Bumped per shown item: a slow image of an item left behind must not be drawn over the next. */
  shown: 0,
};

/** Object URLs by API URL: each image and mask is fetched once per page. */
const blobs = new Map();

function blobUrl(url) {
  if (!blobs.has(url)) {
    const pending = fetchReviewerImageUrl(state.reviewer, url);
    pending.catch(() => blobs.delete(url)); // a failed fetch is tried again next time
    blobs.set(url, pending);
  }
  return blobs.get(url);
}

async function loadImage(url) {
  const img = new Image();
  img.src = await blobUrl(url);
  await img.decode();
  return img;
}

/**
 * A mask (0/255 gray PNG) as a canvas of the image's size: marked pixels in rgba, the rest
 * transparent. Returns the canvas and how many pixels are marked.
 */
async function tinted(maskUrl, width, height, rgba) {
  const img = await loadImage(maskUrl);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, width, height);
  let marked = 0;
  for (let i = 0; i < data.data.length; i += 4) {
    const on = data.data[i] >= 128; // the rule the server reads masks by
    marked += on ? 1 : 0;
    data.data.set(on ? rgba : [0, 0, 0, 0], i);
  }
  ctx.putImageData(data, 0, 0);
  return { canvas, marked };
}

const fixed = (x, digits = 2) => (x === null || x === undefined ? '–' : x.toFixed(digits));
const seconds = (ms) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

function verdictText(review) {
  if (!review) {
    return 'Not reviewed yet.';
  }
  const who = `by ${review.reviewer}`;
  return review.verdict === 'accept'
    ? `Accepted ${who}${review.reason ? `: ${review.reason}` : ''}.`
    : `Rejected ${who}: ${review.reason}.`;
}

function renderProgress() {
  const c = state.counts;
  if (!c) {
    $('progress').textContent = '';
    return;
  }
  $('progress').textContent = `${c.reviewed} of ${c.total} reviewed`
    + (c.rejected ? ` (${c.rejected} rejected)` : '');
}

function fact(term, value) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  return [dt, dd];
}

function render() {
  renderProgress();
  const empty = state.items.length === 0;
  $('empty').hidden = !empty;
  $('item').hidden = empty;
  if (empty) {
    $('empty').textContent = state.unreviewedOnly ? 'Every annotation has been reviewed.' : 'No annotations yet.';
    $('position').textContent = '';
    return;
  }
  const item = state.items[state.index];
  const shown = ++state.shown;
  const group = state.by === 'image' ? `image ${item.image.name}` : `annotator ${item.annotator}`;
  $('position').textContent = `Annotation ${state.index + 1} of ${state.items.length} (${group})`;
  $('item').dataset.annotationId = item.id;
  $('item').dataset.verdict = item.review ? item.review.verdict : '';
  $('previous').disabled = state.index === 0;
  $('next').disabled = state.index === state.items.length - 1;

  const answer = item.decision === null || item.decision === undefined ? 'imported' : item.decision;
  const right = item.correct === null || item.correct === undefined ? '' : item.correct ? ' (right)' : ' (wrong)';
  $('facts').replaceChildren(
    ...fact('Annotator', item.annotator),
    ...fact('Image', `${item.image.name} · ${item.image.label} · ${item.image.width}×${item.image.height}`),
    ...fact('Answer', `${answer}${right}`),
    ...fact('Kind', `${item.kind}, ${item.mode} mode, from ${item.source}`),
    ...fact('Time', `decide ${seconds(item.ms_decide)}, paint ${seconds(item.ms_paint)}`),
    ...fact('Note', item.text || '–'),
  );
  const g = item.agreement;
  $('agreement').textContent = `This image has ${g.masks} mask${g.masks === 1 ? '' : 's'}: mean pairwise IoU `
    + `${fixed(g.iou)}, SSIM ${fixed(g.ssim)}; ${g.decisions} decision${g.decisions === 1 ? '' : 's'}, `
    + `accuracy ${g.accuracy === null || g.accuracy === undefined ? '–' : `${Math.round(g.accuracy * 100)}%`}.`;
  $('verdict').textContent = verdictText(item.review);
  $('verdict').className = `verdict ${item.review ? item.review.verdict : ''}`;
  $('caption').textContent = item.mask_url ? `${item.annotator}'s mask` : `${item.annotator} saved no mask`;
  drawItem(item, shown);
  drawOthers(item, shown);
}

async function drawItem(item, shown) {
  const frame = $('frame');
  frame.style.aspectRatio = `${item.image.width} / ${item.image.height}`;
  const overlay = $('review-mask');
  try {
    const url = await blobUrl(item.image.url);
    if (shown !== state.shown) {
      return;
    }
    $('review-image').src = url;
    $('review-image').alt = `${item.image.name} (${item.image.label})`;
    overlay.width = item.image.width;
    overlay.height = item.image.height;
    overlay.getContext('2d').clearRect(0, 0, overlay.width, overlay.height);
    overlay.dataset.marked = '0';
    if (item.mask_url) {
      const { canvas, marked } = await tinted(item.mask_url, item.image.width, item.image.height, MINE);
      if (shown !== state.shown) {
        return;
      }
      overlay.getContext('2d').drawImage(canvas, 0, 0);
      overlay.dataset.marked = String(marked);
    }
    overlay.dataset.drawn = String(item.id); // what a test waits for
  } catch (e) {
    showError(`Could not load the image or mask: ${e.message}`);
  }
}

async function drawOthers(item, shown) {
  const list = $('others');
  list.replaceChildren();
  if (item.others.length === 0) {
    const li = document.createElement('li');
    li.className = 'hint';
    li.textContent = 'None yet: no one else has masked this image.';
    list.append(li);
    return;
  }
  for (const other of item.others) {
    const li = document.createElement('li');
    li.dataset.testid = 'other-mask';
    li.dataset.annotationId = other.id;
    const canvas = document.createElement('canvas');
    canvas.width = item.image.width;
    canvas.height = item.image.height;
    const caption = document.createElement('span');
    const verdict = other.verdict ? ` · ${other.verdict === 'accept' ? 'accepted' : 'rejected'}` : '';
    caption.textContent = `${other.annotator} · IoU ${fixed(other.iou)}${verdict}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.title = `Show ${other.annotator}'s annotation`;
    button.append(canvas, caption);
    button.addEventListener('click', () => goTo(other.id));
    li.append(button);
    list.append(li);
    try {
      const face = await loadImage(item.image.url);
      const { canvas: mask } = await tinted(other.mask_url, item.image.width, item.image.height, THEIRS);
      if (shown !== state.shown) {
        return;
      }
      const ctx = canvas.getContext('2d');
      ctx.drawImage(face, 0, 0);
      ctx.drawImage(mask, 0, 0);
      li.dataset.drawn = 'true';
    } catch (e) {
      caption.textContent += ' (could not be loaded)';
    }
  }
}

/** Shows the annotation with this id, if the current walk has it (with "unreviewed only" it may not). */
function goTo(id) {
  const i = state.items.findIndex((item) => item.id === id);
  if (i < 0) {
    showStatus(`Annotation ${id} is not in this list (it has been reviewed: untick "Unreviewed only").`);
    return;
  }
  state.index = i;
  clearStatus();
  $('reason').value = '';
  render();
}

function step(delta) {
  const i = state.index + delta;
  if (i >= 0 && i < state.items.length) {
    goTo(state.items[i].id);
  }
}

function showStatus(text, kind = '') {
  $('status').textContent = text;
  $('status').className = `status ${kind}`;
}

const clearStatus = () => showStatus('');
const showError = (text) => showStatus(text, 'error');

async function decide(verdict) {
  if (state.busy || state.items.length === 0) {
    return;
  }
  const item = state.items[state.index];
  const reason = $('reason').value.trim();
  if (verdict === 'reject' && !reason) {
    showError('Write a reason to reject: what is wrong with this mask?');
    $('reason').focus();
    return;
  }
  state.busy = true;
  $('accept').disabled = true;
  $('reject').disabled = true;
  try {
    const answer = await postReview(state.reviewer, { annotation: item.id, verdict, reason: reason || null });
    item.review = answer.review;
    for (const other of state.items.flatMap((i) => i.others)) {
      if (other.id === item.id) {
        other.verdict = answer.review.verdict;
      }
    }
    state.counts = { total: answer.total, reviewed: answer.reviewed, rejected: answer.rejected };
    showStatus(`${verdict === 'accept' ? 'Accepted' : 'Rejected'} ${item.annotator}'s mask of ${item.image.name}.`,
      'ok');
    $('reason').value = '';
    if (state.index < state.items.length - 1) {
      state.index++; // on to the next one, as a reviewer works through a list
    }
    render();
  } catch (e) {
    if (e.status === 401 || e.status === 403) {
      clearReviewer();
      askForToken(e.message);
      return;
    }
    showError(`Not recorded: ${e.message}`);
  } finally {
    state.busy = false;
    $('accept').disabled = false;
    $('reject').disabled = false;
  }
}

async function load() {
  const keep = state.items.length ? state.items[state.index].id : null;
  showStatus('Loading…');
  try {
    const listing = await fetchReview(state.reviewer, state.by, state.unreviewedOnly);
    state.items = listing.items;
    state.counts = listing;
    const i = keep === null ? -1 : state.items.findIndex((item) => item.id === keep);
    state.index = i >= 0 ? i : 0;
    clearStatus();
    $('reviewer-sign-in').hidden = true;
    $('review').hidden = false;
    render();
  } catch (e) {
    clearStatus();
    if (e.status === 401 || e.status === 403) {
      clearReviewer(); // refused: ask again, with the server's reason
      askForToken(e.message);
      return;
    }
    showError(`Could not load the annotations: ${e.message}`);
  }
}

function askForToken(message) {
  state.reviewer = null;
  $('review').hidden = true;
  $('progress').textContent = '';
  $('reviewer-sign-in').hidden = false;
  $('reviewer-message').textContent = message || '';
  $('reviewer-token').focus();
}

function setOrder(by) {
  state.by = by;
  document.querySelectorAll('[data-order]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.order === by)));
  load();
}

function onKey(e) {
  if (!state.reviewer || $('review').hidden || e.ctrlKey || e.metaKey || e.altKey) {
    return;
  }
  const typing = e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement;
  if (typing) {
    if (e.target === $('reason') && e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      decide('reject');
    }
    return; // letters typed into the reason are not commands
  }
  const actions = {
    a: () => decide('accept'),
    r: () => decide('reject'),
    j: () => step(1),
    ArrowRight: () => step(1),
    k: () => step(-1),
    ArrowLeft: () => step(-1),
    m: () => { $('show-mask').click(); },
  };
  const action = actions[e.key.length === 1 ? e.key.toLowerCase() : e.key];
  if (action) {
    e.preventDefault();
    action();
  }
}

function wire() {
  $('reviewer-sign-in').addEventListener('submit', (e) => {
    e.preventDefault();
    state.reviewer = { token: $('reviewer-token').value.trim(), serverToken: $('server-token').value.trim() };
    saveReviewer(state.reviewer);
    $('reviewer-token').value = '';
    load();
  });
  document.querySelectorAll('[data-order]').forEach((b) => b.addEventListener('click', () => setOrder(b.dataset.order)));
  $('unreviewed-only').addEventListener('change', (e) => {
    state.unreviewedOnly = e.target.checked;
    load();
  });
  $('show-mask').addEventListener('change', (e) => {
    state.showMask = e.target.checked;
    $('review-mask').hidden = !state.showMask;
  });
  $('accept').addEventListener('click', () => decide('accept'));
  $('reject').addEventListener('click', () => decide('reject'));
  $('previous').addEventListener('click', () => step(-1));
  $('next').addEventListener('click', () => step(1));
  document.addEventListener('keydown', onKey);
}

wire();
state.reviewer = loadReviewer();
if (state.reviewer) {
  load();
} else {
  askForToken('');
}
