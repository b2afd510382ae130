'use strict';
// cyborg serve's page: pick or drop images, score each with every loaded model, show the CAMs.
// Plain DOM, no framework and nothing fetched from elsewhere: it must work on an offline machine.

const TOKEN_KEY = 'cyborg-token'; // sessionStorage: the token lasts as long as the tab
const modelSizes = new Map(); // model name -> input size, for alt texts
const awaitingToken = []; // uploads refused with 401, retried once a token is entered
let scoring = 0; // requests in flight

// ---------------------------------------------------------------- API calls

class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** JSON from the API, with the bearer token if one was entered; failures carry the server's message. */
async function api(path, options = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  let response;
  try {
    response = await fetch(path, { ...options, headers: token ? { Authorization: 'Bearer ' + token } : {} });
  } catch (e) {
    throw new ApiError(`The server did not answer (${e.message}); is cyborg serve still running?`, 0);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(body && body.error ? body.error : `HTTP ${response.status} with no error message`, response.status);
  }
  if (!body) {
    throw new ApiError(`HTTP ${response.status} without a JSON body`, response.status);
  }
  return body;
}

async function fetchModels() {
  return (await api('/api/v1/models')).models;
}

/** One request per file, so a bad file fails only its own card and each card fills as soon as it can. */
async function scoreFile(file) {
  const form = new FormData();
  form.append('image', file, file.name);
  form.append('cam', 'true'); // no 'model' field: every loaded model scores it
  return (await api('/api/v1/score', { method: 'POST', body: form })).results;
}

// ---------------------------------------------------------------- rendering

/** An element with attributes (data-* and aria-* included) and children (nodes or strings). */
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

/** Three decimals, as the page shows every score (the browser test formats the API's score the same way). */
function formatScore(score) {
  return score.toFixed(3);
}

function renderModels(models) {
  const list = document.querySelector('.models');
  list.replaceChildren(...models.map((m) => {
    modelSizes.set(m.name, m.input_size);
    return el('li', { 'data-testid': 'model', title: `loss ${m.loss}, CAM of the ${m.cam_class} class` },
      el('strong', {}, m.name), ` ${m.architecture} · ${m.input_size} px`);
  }));
}

function renderModelsError(message) {
  document.querySelector('.models').replaceChildren(el('li', { class: 'models-error' }, message));
}

/** A card for one file: its thumbnail and name, then a spinner until its results or error arrive. */
function newCard(file) {
  const url = URL.createObjectURL(file);
  const card = el('article', { class: 'card', 'data-testid': 'result-card', 'data-file': file.name, 'aria-busy': 'true' },
    el('header', { class: 'card-head' },
      el('img', { class: 'thumb', src: url, alt: `Uploaded image ${file.name}` }),
      el('h2', {}, file.name)),
    el('div', { class: 'spinner', 'data-testid': 'spinner', role: 'progressbar', 'aria-label': `Scoring ${file.name}` }),
    el('div', { class: 'model-results' }),
    el('p', { class: 'error', 'data-testid': 'error', role: 'alert', hidden: '' }));
  card.imageUrl = url;
  document.querySelector('.results').prepend(card); // newest first: what was just dropped is in view
  return card;
}

function setBusy(card, busy) {
  card.setAttribute('aria-busy', String(busy));
  card.querySelector('.spinner').hidden = !busy;
}

/** One figure per model: the image squashed to a square as the model sees it, its CAM on top, score and label. */
function modelFigure(card, result) {
  const size = modelSizes.get(result.model);
  const name = card.dataset.file;
  const frame = el('div', { class: 'frame' },
    el('img', { class: 'seen', src: card.imageUrl,
      alt: `${name} as ${result.model} sees it${size ? `, resized to ${size}×${size} px` : ''}` }));
  if (result.cam) {
    frame.append(el('img', { class: 'overlay', 'data-testid': 'overlay', src: result.cam,
      alt: `Heat map of where ${result.model} looked in ${name}` }));
  }
  const label = result.label.toLowerCase();
  return el('figure', { class: 'model-result', 'data-testid': 'model-result', 'data-model': result.model },
    frame,
    el('figcaption', {},
      el('span', { class: 'model-name' }, result.model),
      el('span', { class: 'score', 'data-testid': 'score', title: 'sigmoid(logit of Synthetic)' }, formatScore(result.score)),
      el('span', { class: `badge ${label}`, 'data-testid': 'label' }, result.label)));
}

function showResults(card, results) {
  card.querySelector('.error').hidden = true;
  card.querySelector('.model-results').replaceChildren(...results.map((r) => modelFigure(card, r)));
}

function showError(card, message) {
  const error = card.querySelector('.error');
  error.textContent = message;
  error.hidden = false;
}

function updateStatus() {
  document.querySelector('.status').textContent =
    scoring > 0 ? `Scoring ${scoring} image${scoring === 1 ? '' : 's'}…` : '';
}

// ---------------------------------------------------------------- token (only when the API answers 401)

function askForToken(message) {
  const form = document.querySelector('.token');
  form.querySelector('.token-message').textContent = message;
  if (form.hidden) {
    form.hidden = false;
    form.querySelector('input').focus();
  }
}

function onTokenSubmit(event) {
  event.preventDefault();
  const form = event.target;
  sessionStorage.setItem(TOKEN_KEY, form.querySelector('input').value.trim());
  form.hidden = true;
  loadModels();
  awaitingToken.splice(0).forEach((retry) => retry());
}

// ---------------------------------------------------------------- files: picking and dropping

async function loadModels() {
  try {
    renderModels(await fetchModels());
  } catch (e) {
    renderModelsError(`Could not list the models: ${e.message}`);
    if (e.status === 401) {
      askForToken(e.message);
    }
  }
}

async function score(card, file) {
  setBusy(card, true);
  scoring++;
  updateStatus();
  try {
    showResults(card, await scoreFile(file));
  } catch (e) {
    showError(card, e.message);
    if (e.status === 401) {
      awaitingToken.push(() => score(card, file));
      askForToken(e.message);
    }
  } finally {
    setBusy(card, false);
    scoring--;
    updateStatus();
  }
}

function scoreFiles(files) {
  for (const file of files) {
    score(newCard(file), file);
  }
}

/** Dropping anywhere on the page scores the files (instead of the browser opening them). */
function installDropHandling() {
  const zone = document.querySelector('.picker');
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) { // left the window
      zone.classList.remove('dragging');
    }
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    scoreFiles(e.dataTransfer.files);
  });
}

function installControls() {
  const input = document.querySelector('#file-input');
  input.addEventListener('change', () => {
    scoreFiles(input.files);
    input.value = ''; // picking the same file again scores it again
  });
  const opacity = document.querySelector('#opacity');
  const applyOpacity = () => document.documentElement.style.setProperty('--overlay-opacity', opacity.value / 100);
  opacity.addEventListener('input', applyOpacity);
  applyOpacity();
  const show = document.querySelector('#show-overlays');
  show.addEventListener('change', () => document.body.classList.toggle('hide-overlays', !show.checked));
  document.querySelector('.token').addEventListener('submit', onTokenSubmit);
}

installControls();
installDropHandling();
loadModels();
