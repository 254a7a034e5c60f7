/// Same-origin JSON reads from the BetaKomm API. `cache: 'no-cache'` makes the browser revalidate
/// with If-None-Match every time, so a submission shows at once and unchanged data costs a 304.

export class APIError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/**
 * GET `path` as JSON; with `token`, sent as `Authorization: Bearer` (a unit's own score and
 * answers are private: its token's or staff's, README "Privacy").
 */
export async function getJSON(path, { token = null } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { cache: 'no-cache', headers });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      if (problem.detail) detail = problem.detail;
    } catch { /* not problem+json: keep the status line */ }
    throw new APIError(response.status, detail);
  }
  return response.json();
}

/** The report's wave: every figure and statistic defaults to it, and later waves are compared with it. */
export const BASELINE = '2011';

/** Below this many answers a later wave's numbers are called uncertain. */
export const FEW_ANSWERS = 30;

/**
 * The waves the dashboard offers, oldest first, as `/v1/waves` lists them: the report's and every
 * later wave that is open or closed. Drafts are not shown, nor wave 1 (submissions made before
 * waves existed, which no statistic counts). Ids are strings, as routes and query strings carry them.
 */
export async function waves() {
  const document = await getJSON('/v1/waves');
  return document.waves
    .filter((wave) => wave.id !== 1 && wave.status !== 'draft')
    .map((wave) => ({ ...wave, id: String(wave.id) }))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/** A wave's short name: `2011 (rapporten)`, `2026` or `2026 (pågår)` while it takes answers. */
export function waveLabel(wave) {
  if (wave.id === BASELINE) return '2011 (rapporten)';
  return wave.status === 'open' ? `${wave.id} (pågår)` : wave.id;
}

/** Where a figure lives in the API: `/v1/figures/7?wave=2026[&compare=2011][&by=size_class]`. */
export function figurePath(number, wave, { by = null, compare = null, suffix = '', extra = '' } = {}) {
  return `/v1/figures/${number}${suffix}?wave=${wave}${compare ? `&compare=${compare}` : ''}${by ? `&by=${by}` : ''}${extra}`;
}

/** One figure of one wave; `compare = '2011'` adds each panel's `compare` member; `by = 'size_class'` breaks down a figure the report shows for all units. */
export function figure(number, wave, by = null, compare = null) {
  return getJSON(figurePath(number, wave, { by, compare })).then((document) => document.figure);
}

export function figureList() {
  return getJSON('/v1/figures').then((document) => document.figures);
}

export function statistic(questionID, wave) {
  return getJSON(`/v1/statistics/${encodeURIComponent(questionID)}?wave=${wave}`);
}
