// cyborg annotate's page: sign in, then per task decide which face is synthetic (pair mode) or
// whether one face is real or synthetic (single mode), paint what gave it away, and save.
// Plain DOM, no framework and nothing fetched from elsewhere: it must work on an offline machine.

import { ApiError, clearSession, fetchImageUrl, fetchNext, fetchProgress, fetchStudy, loadSession, postAnnotation,
  postSkip, practiceMapUrl, saveSession } from './api.js';
import { Painter, crisp } from './paint.js';
import { MAX_ZOOM } from './view.js';

const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);

// ---------------------------------------------------------------- state

/** What is on screen now; reset for every task. */
const state = {
  session: null,
  task: null, // {task, mode, images: [{id, url, width, height}]}
  imageUrls: [], // object URLs of the task's images, released with the task
  shownAt: 0, // when the faces were on screen: the start of the time to decide
  msDecide: null,
  choice: null, // pair: index of the face picked as synthetic; single: 'real' | 'synthetic' | 'unsure'
  saving: false,
  study: null, // {mode, instructions_html, practice, per_image}: fetched at sign-in
  feedback: false, // a practice answer's feedback is on screen: the faces are answered
};

const painter = new Painter($('canvas'), () => {
  renderTools();
  keepDraft();
}, () => renderZoom());

// ---------------------------------------------------------------- unsaved work across a reload

// The server hands the open task out again after a reload; the choice, the strokes and the note are
// the page's alone until saved, so they are kept in this tab's sessionStorage, for that annotator and
// task only, and put back when the same task comes back. Dropped once saved, or on sign-out.
const DRAFT_KEY = 'cyborg-annotate-draft';

function keepDraft() {
  if (!state.task || !state.session || !state.shownAt) {
    return; // no task on screen yet (or one being restored)
  }
  const draft = { annotator: state.session.name, task: state.task.task, choice: state.choice,
    msDecide: state.msDecide, strokes: painter.strokeList(), msPaint: painter.elapsed(), text: $('reason').value };
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch (e) {
    // storage full or disabled: the work is still on screen, only a reload would lose it
  }
}

/** The kept draft of this annotator's task {@code taskId}, or null. */
function takeDraft(taskId) {
  try {
    const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY));
    return draft && draft.annotator === state.session.name && draft.task === taskId ? draft : null;
  } catch (e) {
    return null; // damaged entry: nothing to restore
  }
}

function dropDraft() {
  sessionStorage.removeItem(DRAFT_KEY);
}

// ---------------------------------------------------------------- rendering

/** An element with attributes and children (nodes or strings). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  }
  node.append(...children);
  return node;
}

/** The status line; kind 'ok' | 'error' | '' (plain). Errors are announced at once (role alert). */
function setStatus(message, kind = '') {
  const status = $('status');
  status.textContent = message;
  status.className = `status ${kind}`;
  status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

function renderSignedIn() {
  const signedIn = !!state.session;
  $('sign-in').hidden = signedIn;
  $('who').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  $('open-instructions').hidden = !signedIn;
  $('who').textContent = signedIn ? `Annotating as ${state.session.name}` : '';
  if (!signedIn) {
    $('task').hidden = true;
    $('done').hidden = true;
    $('study-intro').hidden = true;
    $('progress').textContent = '';
  }
}

function showSignIn(message) {
  state.session = null;
  renderSignedIn();
  $('sign-in-message').textContent = message || '';
  $('annotator-name').focus();
}

function percent(x) {
  return x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;
}

function renderProgress(p) {
  const accuracy = p.decisions ? ` · you were right ${p.correct} of ${p.decisions} times (${percent(p.accuracy)})` : '';
  const practice = p.practice_total ? `practice ${p.practice_done} of ${p.practice_total} done · ` : '';
  // the study's images done is left out of the answer when gold pairs are mixed in (it would tell which were gold)
  const study = p.images_total === undefined || p.images_total === null ? ''
    : ` · images done ${p.images_done} of ${p.images_total} (${p.per_image} annotator${p.per_image === 1 ? '' : 's'} each)`;
  $('progress').textContent = `${practice}${p.annotations} saved${accuracy}${study}`;
  $('progress').dataset.annotations = p.annotations;
}

/** The faces of a task, each on a stage the painting canvas can be laid over. */
function renderTask(task) {
  const pair = task.mode === 'pair';
  $('instructions').textContent = pair
    ? 'Which face is synthetic? Click it, then paint over what gives it away.'
    : 'Is this face real or synthetic? Decide, then paint over what made you think so.';
  $('choices').hidden = pair;
  $('faces').classList.toggle('single', !pair);
  $('faces').replaceChildren(...task.images.map((image, i) => {
    const label = pair ? `Face ${i + 1} of 2` : 'The face';
    const stage = el('div', { class: 'stage', 'data-testid': `face-${i}`, 'data-image-id': image.id,
      'data-index': i, 'aria-label': pair ? `${label}: pick as synthetic` : label },
      el('img', { alt: label, width: image.width, height: image.height, draggable: 'false' }));
    if (pair) {
      stage.setAttribute('role', 'button');
      stage.tabIndex = 0;
      stage.addEventListener('click', () => choose(i));
      stage.addEventListener('keydown', (e) => {
        // Space picks only before a choice: afterwards it is held to pan, and re-picking would wipe the strokes
        if (e.key === 'Enter' || (e.key === ' ' && state.choice === null)) {
          e.preventDefault();
          choose(i);
        }
      });
    }
    return stage;
  }));
  $('faces').querySelectorAll('img').forEach((img) => crispWhenResized.observe(img));
  $('reason').value = '';
  $('practice-label').hidden = !task.practice;
  $('practice-label').textContent = task.practice ? `Practice ${task.practice.number} of ${task.practice.of}` : '';
  $('skip').hidden = !!task.practice; // practice is answered: its feedback is the point
  $('feedback').hidden = true;
  $('save').hidden = false;
  renderChoice();
}

/** Which face (or answer) is chosen, and whether the brush is available. */
function renderChoice() {
  const pair = state.task.mode === 'pair';
  document.querySelectorAll('.stage').forEach((stage, i) => {
    const chosen = pair ? state.choice === i : state.choice !== null;
    stage.classList.toggle('chosen', chosen);
    stage.classList.toggle('passed-over', pair && state.choice !== null && !chosen);
    if (pair) {
      stage.setAttribute('aria-pressed', String(chosen));
    }
  });
  document.querySelectorAll('[data-choice]').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.choice === state.choice));
  });
  $('tools').hidden = state.choice === null;
  renderTools();
}

function renderTools() {
  $('eraser').setAttribute('aria-pressed', String(painter.erase));
  $('undo').disabled = !painter.strokes.length;
  $('clear').disabled = !painter.strokes.length;
  $('canvas').dataset.strokes = painter.strokes.length;
  $('save').disabled = state.saving || !canSave();
}

/** The zoom of the face being painted, as "4×" (one decimal when the wheel or a pinch left it between steps). */
function renderZoom() {
  const zoom = painter.view.zoom;
  $('zoom-level').textContent = `${Math.round(zoom * 10) / 10}×`;
  $('zoom-out').disabled = zoom <= 1;
  $('zoom-fit').disabled = zoom <= 1;
  $('zoom-in').disabled = zoom >= MAX_ZOOM;
}

// every face is pixelated while shown larger than its own pixels (the painted one also when zoomed: paint.js)
const crispWhenResized = new ResizeObserver((entries) => entries.forEach((entry) => crisp(entry.target)));

/** Pair mode needs paint on the chosen face; single mode too, unless the answer is 'unsure'. */
function canSave() {
  if (!state.task || state.choice === null) {
    return false;
  }
  return painter.hasPaint() || (state.task.mode === 'single' && state.choice === 'unsure');
}

// ---------------------------------------------------------------- the flow

/** Picks a face (pair) or an answer (single); painting starts on the image it concerns. */
function choose(choice) {
  if (!state.shownAt || state.saving || state.feedback || choice === state.choice) {
    return; // the next faces are still loading (the answered ones are still on screen), or nothing changes
  }
  state.msDecide = Math.round(performance.now() - state.shownAt);
  const pair = state.task.mode === 'pair';
  const stage = document.querySelectorAll('.stage')[pair ? choice : 0];
  const image = state.task.images[pair ? choice : 0];
  const repaint = pair || state.choice === null; // another face, or the first answer: a fresh canvas
  if (pair && state.choice !== null && painter.strokes.length) {
    setStatus('You picked the other face: its strokes were cleared. Paint on this one.');
  }
  state.choice = choice;
  if (repaint) {
    painter.attach(stage, image.width, image.height);
  }
  renderChoice();
  keepDraft();
}

function resetTask() {
  state.imageUrls.forEach((u) => URL.revokeObjectURL(u));
  Object.assign(state, { task: null, imageUrls: [], shownAt: 0, msDecide: null, choice: null, feedback: false });
  painter.detach();
  document.body.append($('canvas')); // out of the old stage, which is about to go
}

/** Asks for the next task and shows it once its images are loaded; or shows that all is done. */
async function loadNext() {
  resetTask();
  $('task').setAttribute('aria-busy', 'true');
  const next = await fetchNext(state.session);
  if (next.done) {
    $('task').hidden = true;
    $('done').hidden = false;
    $('done-message').textContent = next.message || 'Nothing left to annotate.';
    return;
  }
  state.task = next;
  state.imageUrls = await Promise.all(next.images.map((i) => fetchImageUrl(state.session, i.url)));
  renderTask(next);
  const images = [...document.querySelectorAll('.stage img')];
  await Promise.all(images.map((img, i) => {
    img.src = state.imageUrls[i];
    return img.decode().catch(() => {
      throw new Error(`this browser cannot show image ${next.images[i].id} (${next.images[i].url});`
        + ' annotate PNG, JPEG or WebP images');
    });
  }));
  $('done').hidden = true;
  $('task').hidden = false;
  $('task').dataset.task = next.task;
  state.shownAt = performance.now(); // the time to decide counts from here, when the faces can be seen
  restoreDraft(takeDraft(next.task));
  $('task').setAttribute('aria-busy', 'false');
}

/** Puts back the choice, strokes and note kept before a reload (a draft of this very task). */
function restoreDraft(draft) {
  if (!draft || draft.choice === null || draft.choice === undefined) {
    return;
  }
  const pair = state.task.mode === 'pair';
  if (pair ? !(draft.choice === 0 || draft.choice === 1) : !['real', 'synthetic', 'unsure'].includes(draft.choice)) {
    return; // not a choice this task can have
  }
  choose(draft.choice);
  state.msDecide = draft.msDecide;
  $('reason').value = draft.text || '';
  painter.restore(Array.isArray(draft.strokes) ? draft.strokes : [], draft.msPaint);
  setStatus('Your unsaved choice and strokes were kept from before the reload.');
}

function answer() {
  const pair = state.task.mode === 'pair';
  const chosen = state.task.images[pair ? state.choice : 0];
  const painted = painter.hasPaint();
  return {
    task: state.task.task,
    images: state.task.images.map((i) => i.id),
    choice: pair ? chosen.id : state.choice, // pair: the id of the face picked as synthetic; the mask is its own
    mask: painted || pair ? painter.maskDataUrl() : undefined,
    strokes: painter.strokeList(),
    ms_decide: state.msDecide,
    ms_paint: painter.elapsed(),
    text: $('reason').value.trim() || undefined,
  };
}

/** Saves; "saved" only once the server answered 2xx. On failure the work stays on screen to retry. */
async function save() {
  if (!canSave() || state.saving) {
    return;
  }
  state.saving = true;
  renderTools();
  setStatus('Saving…');
  let feedback = null;
  try {
    const saved = await postAnnotation(state.session, answer());
    dropDraft();
    renderProgress(saved.progress);
    if (saved.practice) {
      setStatus('Practice answer recorded (not part of the study).', 'ok');
      feedback = saved; // shown below, outside this try: the answer is recorded whatever becomes of the maps
    } else {
      setStatus(`Saved (annotation ${saved.saved}).`, 'ok');
    }
  } catch (e) {
    setStatus(`Not saved: ${e.message}`, 'error');
    return;
  } finally {
    state.saving = false;
    renderTools();
  }
  if (feedback) {
    await showFeedback(feedback); // the annotator reads the feedback, then asks for the next task
    return;
  }
  await loadNext().catch(showLoadError);
}

// ---------------------------------------------------------------- the study: instructions, practice, skip

/** Feedback on a practice answer: right or wrong, which face was synthetic, the human maps over their faces. */
async function showFeedback(f) {
  state.feedback = true;
  painter.detach();
  document.body.append($('canvas'));
  $('tools').hidden = true;
  $('save').hidden = true;
  const pair = state.task.mode === 'pair';
  const verdict = f.correct === true ? 'right' : f.correct === false ? 'wrong' : 'unsure';
  $('feedback-verdict').textContent = { right: 'Right!', wrong: 'Not this time.', unsure: 'You were unsure.' }[verdict];
  $('feedback-verdict').className = `verdict ${verdict}`;
  $('feedback-verdict').dataset.verdict = verdict;
  const stages = [...document.querySelectorAll('.stage')];
  // the feedback is about both faces: after a wrong pick the face passed over is the answer, and its map
  // is the lesson, so nothing stays faded (the pick keeps its border and label)
  stages.forEach((stage) => stage.classList.remove('passed-over'));
  if (pair) {
    const index = state.task.images.findIndex((i) => i.id === f.synthetic);
    stages.forEach((stage, i) => stage.classList.toggle('was-synthetic', i === index));
    $('feedback-answer').textContent = `Face ${index + 1} was the synthetic one.`;
  } else {
    $('feedback-answer').textContent = `This face is ${f.label}.`;
  }
  // a map that cannot be fetched is left out and said so: the feedback and Next must show whatever happens
  let missing = 0;
  const fetched = await Promise.all((f.maps || []).map(async (m) => {
    try {
      return { image: m.image, url: await fetchImageUrl(state.session, practiceMapUrl(state.session, m.url)) };
    } catch (e) {
      missing += 1;
      return null;
    }
  }));
  const maps = fetched.filter((m) => m !== null);
  maps.forEach((m) => {
    state.imageUrls.push(m.url); // released with the task
    const stage = stages.find((st) => Number(st.dataset.imageId) === m.image);
    stage.append(el('img', { class: 'map-overlay', src: m.url, alt: 'where people looked',
      'data-testid': `feedback-map-${stage.dataset.index}` }));
  });
  $('feedback-maps-note').textContent = (maps.length
    ? 'The bright overlay shows where other people looked when they decided.'
    : 'These images have no human maps to show.')
    + (missing ? ` (${missing} map${missing === 1 ? '' : 's'} could not be loaded.)` : '');
  $('feedback').hidden = false;
  $('skip').hidden = true;
  $('feedback-next').focus();
}

/** Skips the task on screen ("cannot decide"): recorded, and its images go to someone else. */
async function skip() {
  if (!state.task || !state.shownAt || state.saving || state.feedback || state.task.practice) {
    return;
  }
  state.saving = true;
  renderTools();
  try {
    const skipped = await postSkip(state.session, { task: state.task.task,
      ms_shown: Math.round(performance.now() - state.shownAt), reason: $('reason').value.trim() || undefined });
    dropDraft();
    setStatus(`Skipped (task ${skipped.skipped}).`, 'ok');
    renderProgress(skipped.progress);
  } catch (e) {
    setStatus(`Not skipped: ${e.message}`, 'error');
    return;
  } finally {
    state.saving = false;
    renderTools();
  }
  await loadNext().catch(showLoadError);
}

const BEGUN_KEY = 'cyborg-annotate-begun';

/** Whether this annotator pressed Begin in this browser (the instructions are shown once, then on request). */
function hasBegun(name) {
  try {
    return (JSON.parse(localStorage.getItem(BEGUN_KEY)) || []).includes(name);
  } catch (e) {
    return false;
  }
}

function markBegun(name) {
  try {
    const names = JSON.parse(localStorage.getItem(BEGUN_KEY)) || [];
    localStorage.setItem(BEGUN_KEY, JSON.stringify([...new Set([...names, name])]));
  } catch (e) {
    // storage disabled: the instructions come again after a reload, nothing is lost
  }
}

/** The instructions: the study's own (safe HTML from the server), else the built-in text. */
function showIntro(beforeFirstTask) {
  const text = $('instructions-text');
  if (state.study && state.study.instructions_html) {
    text.innerHTML = state.study.instructions_html; // rendered on the server with raw HTML escaped
  } else {
    text.replaceChildren($('built-in-instructions').content.cloneNode(true));
  }
  const practice = state.study ? state.study.practice : 0;
  $('practice-note').hidden = !practice;
  $('practice-note').textContent = practice
    ? `You start with ${practice} practice task${practice === 1 ? '' : 's'}: after each you are told whether you were`
      + ' right, and shown where other people looked. Practice answers are not part of the study.'
    : '';
  $('begin').textContent = beforeFirstTask ? 'Begin' : 'Back to the task';
  $('study-intro').hidden = false;
  $('task').hidden = true;
  $('done').hidden = true;
  $('begin').focus();
}

async function closeIntro() {
  $('study-intro').hidden = true;
  if (!state.session) {
    return;
  }
  if (!hasBegun(state.session.name)) {
    markBegun(state.session.name);
    await startTasks();
  } else if (state.task) {
    $('task').hidden = false;
  } else {
    await startTasks();
  }
}

/** A study (instructions or practice given) shows its instructions before the first task. */
function isStudy() {
  return !!state.study && (!!state.study.instructions_html || state.study.practice > 0);
}

function showLoadError(e) {
  if (e instanceof ApiError && (e.status === 400 || e.status === 401 || e.status === 403)) {
    showSignIn(e.message); // who you are was refused: the name, the token or the server token
    return;
  }
  setStatus(`Could not load the next faces: ${e.message}. Reload the page to try again (saved work is kept).`, 'error');
}

async function begin(session) {
  state.session = session;
  renderSignedIn();
  try {
    state.study = await fetchStudy(session);
  } catch (e) {
    showLoadError(e);
    return;
  }
  if (isStudy() && !hasBegun(session.name)) {
    showIntro(true);
    return;
  }
  await startTasks();
}

async function startTasks() {
  try {
    await loadNext(); // first: it creates a new annotator, whom progress then knows
    renderProgress(await fetchProgress(state.session));
  } catch (e) {
    showLoadError(e);
  }
}

// ---------------------------------------------------------------- controls

function signIn(e) {
  e.preventDefault();
  const session = { name: $('annotator-name').value.trim(), token: $('annotator-token').value.trim(),
    serverToken: $('server-token').value.trim() };
  saveSession(session);
  setStatus('');
  begin(session);
}

function signOut() {
  clearSession();
  dropDraft();
  resetTask();
  setStatus('');
  showSignIn('');
}

function setBrush(px) {
  const slider = $('brush-size');
  painter.brushPx = Math.min(Math.max(px, +slider.min), +slider.max);
  slider.value = painter.brushPx;
  $('brush-size-value').textContent = painter.brushPx;
}

/** Keys that save a reach for the mouse; none while typing the reason. */
function onKey(e) {
  if ($('task').hidden || e.target.closest('input, textarea') || e.altKey) {
    return;
  }
  const pair = state.task && state.task.mode === 'pair';
  const single = { r: 'real', s: 'synthetic', u: 'unsure' };
  const key = e.key.toLowerCase();
  if ((e.ctrlKey || e.metaKey) && key === 'z') {
    painter.undo();
  } else if (e.ctrlKey || e.metaKey) {
    return;
  } else if (pair && (key === '1' || key === '2')) {
    choose(Number(key) - 1);
  } else if (!pair && single[key]) {
    choose(single[key]);
  } else if (key === '[' || key === ']') {
    setBrush(painter.brushPx + (key === ']' ? 4 : -4));
  } else if (key === 'k') {
    skip();
  } else if (key === 'e') {
    painter.erase = !painter.erase;
    renderTools();
  } else if (!zoomKey(e)) {
    return;
  }
  e.preventDefault();
}

// The zoom and pan of the face being painted: +/= in, - out, 0 back to fit, the arrows move a quarter
// of what is visible, Space held turns a drag into a pan. Only while a face is being painted.
const PAN_KEYS = { arrowleft: [-0.25, 0], arrowright: [0.25, 0], arrowup: [0, -0.25], arrowdown: [0, 0.25] };

/** Handles a zoom or pan key; false if {@code e} is none (or no face is being painted). */
function zoomKey(e) {
  const key = e.key.toLowerCase();
  if ($('canvas').hidden) {
    return false;
  }
  if (key === '+' || key === '=' || key === '-') {
    painter.zoomStep(key !== '-');
  } else if (key === '0') {
    painter.zoomFit();
  } else if (PAN_KEYS[key]) {
    painter.pan(...PAN_KEYS[key]);
  } else if (key === ' ' && !e.target.closest('button')) {
    painter.setSpacePan(true); // a focused button keeps Space for pressing it
  } else {
    return false;
  }
  return true;
}

function wire() {
  $('sign-in').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('brush-size').addEventListener('input', (e) => setBrush(+e.target.value));
  $('eraser').addEventListener('click', () => {
    painter.erase = !painter.erase;
    renderTools();
  });
  $('undo').addEventListener('click', () => painter.undo());
  $('clear').addEventListener('click', () => painter.clear());
  $('save').addEventListener('click', save);
  $('skip').addEventListener('click', skip);
  $('feedback-next').addEventListener('click', () => loadNext().catch(showLoadError));
  $('begin').addEventListener('click', () => closeIntro());
  $('open-instructions').addEventListener('click', () => showIntro(!hasBegun(state.session.name)));
  $('reason').addEventListener('input', keepDraft);
  document.querySelectorAll('[data-choice]').forEach((b) => b.addEventListener('click', () => choose(b.dataset.choice)));
  document.addEventListener('keydown', onKey);
  document.addEventListener('keyup', (e) => e.key === ' ' && painter.setSpacePan(false));
  window.addEventListener('blur', () => painter.setSpacePan(false)); // the keyup may go to another window
  $('zoom-in').addEventListener('click', () => painter.zoomStep(true));
  $('zoom-out').addEventListener('click', () => painter.zoomStep(false));
  $('zoom-fit').addEventListener('click', () => painter.zoomFit());
}

wire();
setBrush(+$('brush-size').value);
const remembered = loadSession();
if (remembered) {
  begin(remembered); // a reload continues: the server hands out the open task again
} else {
  showSignIn('');
}
