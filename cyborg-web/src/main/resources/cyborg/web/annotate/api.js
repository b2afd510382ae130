// cyborg annotate: the session (who is annotating) and the calls to the server's JSON API.
// Shared by the annotation page and the overview page. Nothing is fetched from elsewhere.

const SESSION_KEY = 'cyborg-annotate-session';
const REVIEWER_KEY = 'cyborg-annotate-reviewer';

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** The signed-in annotator {name, token, serverToken}, or null. Kept in localStorage so a reload continues. */
export function loadSession() {
  try {
    const session = JSON.parse(localStorage.getItem(SESSION_KEY));
    return session && session.name ? session : null;
  } catch (e) {
    return null; // damaged entry: sign in again
  }
}

export function saveSession(session) {
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession() {
  localStorage.removeItem(SESSION_KEY);
}

/** The reviewer {token, serverToken} of this tab (sessionStorage: gone when the tab closes), or null. */
export function loadReviewer() {
  try {
    const reviewer = JSON.parse(sessionStorage.getItem(REVIEWER_KEY));
    return reviewer && reviewer.token ? reviewer : null;
  } catch (e) {
    return null;
  }
}

export function saveReviewer(reviewer) {
  sessionStorage.setItem(REVIEWER_KEY, JSON.stringify(reviewer));
}

export function clearReviewer() {
  sessionStorage.removeItem(REVIEWER_KEY);
}

/**
 * Headers proving who asks: the server's bearer token (when started with --token) and the
 * annotator's own token (when added with add-annotator). Neither is sent when not entered.
 */
function authHeaders(session) {
  const headers = {};
  if (session && session.serverToken) {
    headers.Authorization = 'Bearer ' + session.serverToken;
  }
  if (session && session.token) {
    headers['X-Annotator-Token'] = session.token;
  }
  return headers;
}

async function request(path, session, options = {}) {
  try {
    return await fetch(path, { ...options, headers: { ...authHeaders(session), ...(options.headers || {}) } });
  } catch (e) {
    throw new ApiError(`The server did not answer (${e.message}). Is cyborg annotate still running? Your work is kept; try again.`, 0);
  }
}

/** JSON from the API; a failure carries the server's own error message. */
async function json(path, session, options) {
  const response = await request(path, session, options);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(body && body.error ? body.error : `HTTP ${response.status} with no error message`, response.status);
  }
  if (!body) {
    throw new ApiError(`HTTP ${response.status} without a JSON body`, response.status);
  }
  return body;
}

const named = (session) => 'annotator=' + encodeURIComponent(session.name);

/** A POST of a JSON body: the server refuses any other content type (another site's page could send it). */
function postJson(path, session, body) {
  return json(path, session, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
}

/**
 * The next task ({task, mode, images}), the open one again after a reload, or {done: true, message}.
 * A POST: asking creates the annotator and reserves images.
 */
export function fetchNext(session) {
  return postJson('/api/v1/annotate/next', session, { annotator: session.name });
}

/** The study: {mode, instructions_html (safe HTML, or absent), practice, per_image}. */
export function fetchStudy(session) {
  return json('/api/v1/annotate/study', session);
}

/** Skips a task ("cannot decide"); resolves once the server recorded it. */
export function postSkip(session, skip) {
  const body = { annotator: session.name, ...skip };
  if (session.token) {
    body.token = session.token;
  }
  return postJson('/api/v1/annotate/skip', session, body);
}

/** The URL of a practice map, naming the annotator (the server serves maps of their own answered practice only). */
export function practiceMapUrl(session, url) {
  return url + '?' + named(session);
}

export function fetchProgress(session) {
  return json('/api/v1/annotate/progress?' + named(session), session);
}

/** The overview, for a reviewer ({token, serverToken}): it shows every image's label. */
export function fetchOverview(reviewer) {
  return json('/api/v1/annotate/overview', { serverToken: reviewer.serverToken }, {
    headers: { 'X-Reviewer-Token': reviewer.token },
  });
}

/** Saves one answer; resolves only when the server committed it (2xx). */
export function postAnnotation(session, answer) {
  const body = { annotator: session.name, ...answer };
  if (session.token) {
    body.token = session.token;
  }
  return postJson('/api/v1/annotations', session, body);
}

/**
 * An object URL of an image's bytes. Fetched rather than put in <img src> directly: with --token
 * the image route needs the Authorization header, which an <img> cannot send.
 */
export async function fetchImageUrl(session, url) {
  const response = await request(url, session);
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(body && body.error ? body.error : `the image ${url} answered HTTP ${response.status}`, response.status);
  }
  return URL.createObjectURL(await response.blob());
}

// ---- review (reviewers only: every request carries X-Reviewer-Token) ----

const reviewerOptions = (reviewer, options = {}) => ({
  ...options, headers: { 'X-Reviewer-Token': reviewer.token, ...(options.headers || {}) },
});

/** The annotations to review, {by, total, reviewed, accepted, rejected, items}; by is 'image' or 'annotator'. */
export function fetchReview(reviewer, by, unreviewedOnly) {
  const query = `?by=${encodeURIComponent(by)}&unreviewed=${unreviewedOnly ? 'true' : 'false'}`;
  return json('/api/v1/annotate/review' + query, { serverToken: reviewer.serverToken }, reviewerOptions(reviewer));
}

/** Records a verdict {annotation, verdict: 'accept'|'reject', reason}; resolves once it is committed. */
export function postReview(reviewer, review) {
  return json('/api/v1/annotate/review', { serverToken: reviewer.serverToken }, reviewerOptions(reviewer, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(review),
  }));
}

/** An object URL of an image or a mask, fetched with the reviewer's token (an <img> cannot send it). */
export async function fetchReviewerImageUrl(reviewer, url) {
  const response = await request(url, { serverToken: reviewer.serverToken }, reviewerOptions(reviewer));
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(body && body.error ? body.error : `${url} answered HTTP ${response.status}`, response.status);
  }
  return URL.createObjectURL(await response.blob());
}
