/// Same-origin JSON reads from the BetaKomm API. `cache: 'no-cache'` makes the browser revalidate
/// with If-None-Match every time, so a submission shows at once and unchanged data costs a 304.

export class APIError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export async function getJSON(path) {
  const response = await fetch(path, { cache: 'no-cache', headers: { Accept: 'application/json' } });
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

/** The waves the dashboard shows: the report's and the answers as they stand now. */
export const WAVES = [
  { id: '2011', label: '2011 (rapporten)' },
  { id: 'current', label: 'Nå (gjeldende svar)' },
];

/** One figure; `by = 'size_class'` breaks down a figure the report shows for all units. */
export function figure(number, wave, by = null) {
  return getJSON(`/v1/figures/${number}?wave=${wave}${by ? `&by=${by}` : ''}`).then((document) => document.figure);
}

export function figureList() {
  return getJSON('/v1/figures').then((document) => document.figures);
}

export function statistic(questionID, wave) {
  return getJSON(`/v1/statistics/${encodeURIComponent(questionID)}?wave=${wave}`);
}
