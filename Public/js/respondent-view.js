/// A municipality or county (#/kommune, #/kommune/5001, #/kommune/0301?map=2011): search by name
/// or number on both maps, registry facts, the map it belongs to with its predecessors and
/// successors on the other map, whether it answered in 2011 — public — and, after the unit signs
/// in with its token (or staff with theirs), its success-factor score: criteria met and missed
/// with the report's advice, and its place among peers of its size, for each wave that asked
/// units of its map. A unit's score maps straight to its answers, so it is private (README
/// "Privacy") unless KS published the wave at unit level; 2011's answers are synthetic and never are.
/// The token is kept in sessionStorage (this tab only) and sent as `Authorization: Bearer`.
import { h, formatNumber, formatPercent } from './dom.js';
import { getJSON, figure as loadFigure, APIError, waves as loadWaves, waveLabel } from './api.js';

const KIND_LABELS = { kommune: 'Kommune', fylkeskommune: 'Fylkeskommune' };
const CHANGE_LABELS = { unchanged: 'uendret', renumbered: 'nytt nummer', merged: 'sammenslått', split: 'delt' };
const MAP_LABELS = { 2011: '2011-kartet (inndelingen i 2011)', 2024: '2024-kartet (dagens inndeling)' };

/** The dashboard's address of a unit on its map. */
function unitHref(code, map) {
  return `#/kommune/${encodeURIComponent(code)}?map=${map}`;
}
const MAX_MATCHES = 20;
const TOKEN_KEY = 'betakomm-token';

function storedToken() {
  try { return sessionStorage.getItem(TOKEN_KEY); } catch { return null; }
}
const TYPING_PAUSE_MS = 120;

/** The name with its official Sami or Kven parallel names, as SSB writes them: `Karasjok / Kárášjohka`. */
function fullName(respondent) {
  return [respondent.name, ...(respondent.parallel_names ?? [])].join(' / ');
}

/** Size-class names as the report words them, from a figure broken down by size. */
async function sizeClassLabels() {
  const data = await loadFigure(2, '2011');
  return Object.fromEntries(data.panels[0].groups.map((group) => [group.key, group.label_nb]));
}

/**
 * Matches from the server's own name search (`?q=`: case, æ/ø/å and accents folded, word or
 * number prefixes), so the dashboard finds what curl finds. One more than shown, to tell "more".
 */
async function search(query) {
  const text = query.trim();
  if (!text) return { rows: [], more: false };
  const page = await getJSON(`/v1/respondents?q=${encodeURIComponent(text)}&sort=name&limit=${MAX_MATCHES + 1}`);
  return { rows: page.respondents.slice(0, MAX_MATCHES), more: page.respondents.length > MAX_MATCHES };
}

function searchForm() {
  const results = h('ul', { class: 'search-results', id: 'search-results' });
  const status = h('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const input = h('input', {
    type: 'search', id: 'respondent-search', autocomplete: 'off', 'aria-describedby': 'search-help',
    'aria-controls': 'search-results', placeholder: 'f.eks. Trondheim eller 1601',
  });
  let asked = 0;  // numbers the requests, so an answer to an older query never overwrites a newer one
  let pause = null;
  let latest = Promise.resolve({ rows: [], more: false });
  const update = () => {
    const number = ++asked;
    latest = search(input.value);
    latest.then(({ rows, more }) => {
      if (number !== asked) return;
      results.replaceChildren(...rows.map((row) =>
        h('li', null, h('a', { href: unitHref(row.code, row.map), 'data-map': row.map }, `${fullName(row)} (${row.code})`,
          h('span', { class: 'muted' }, ` – ${row.county_name} · ${row.map}-kartet`)))));
      status.textContent = input.value.trim() ? (more ? `Mer enn ${MAX_MATCHES} treff, viser de ${MAX_MATCHES} første.` : `${rows.length} treff.`) : '';
    }, (error) => {
      if (number !== asked) return;
      results.replaceChildren();
      status.textContent = error instanceof APIError && error.status === 400 ? `Kan ikke søke på dette: ${error.message}` : 'Søket feilet.';
    });
  };
  input.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(update, TYPING_PAUSE_MS);
  });
  const form = h('form', {
    class: 'search', role: 'search',
    onsubmit: async (event) => {
      event.preventDefault();
      clearTimeout(pause);
      update();
      const { rows: [first] } = await latest.catch(() => ({ rows: [] }));
      if (first) location.hash = unitHref(first.code, first.map);
    },
  },
  h('label', { for: 'respondent-search' }, 'Søk etter kommune eller fylkeskommune'),
  h('p', { id: 'search-help', class: 'muted' }, 'Skriv navn eller kommunenummer; Enter åpner første treff.'),
  h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, 'Vis')),
  status, results);
  return form;
}

/** Links to units on the other map: `1601 Trondheim, 1662 Klæbu`, each with how it changed. */
function unitLinks(units, className) {
  return h('span', { class: className }, units.map((unit, index) => [
    index ? ', ' : null,
    h('a', { href: unitHref(unit.code, unit.map), 'data-code': unit.code, 'data-map': unit.map }, `${unit.code} ${unit.name ?? ''}`.trim()),
    unit.change && unit.change !== 'unchanged' ? ` (${CHANGE_LABELS[unit.change] ?? unit.change})` : null,
  ]));
}

/** `5001 Trondheim - Tråante ← 1601 Trondheim, 1662 Klæbu` (and → for successors). */
function lineage(respondent) {
  const self = `${respondent.code} ${respondent.name}`;
  const lines = [];
  if (respondent.predecessors?.length) {
    lines.push(h('p', { class: 'lineage predecessors' }, `${self} ← `, unitLinks(respondent.predecessors, 'units')));
  }
  if (respondent.successors?.length) {
    lines.push(h('p', { class: 'lineage successors' }, `${self} → `, unitLinks(respondent.successors, 'units')));
  }
  return lines;
}

function facts(respondent, sizeLabels, onMaps, allWaves) {
  const row = (term, value) => [h('dt', null, term), h('dd', null, value)];
  const otherMaps = onMaps.filter((map) => map !== respondent.map);
  const latestWave = allWaves.find((wave) => String(wave.id) === String(respondent.latest_wave));
  // The latest version counts only when it is of a wave on this unit's map (a code can be on both maps).
  const latest = latestWave && latestWave.map === respondent.map;
  // How often a unit submits is private: the API sends latest_version only to its token and staff.
  const seesVersions = 'latest_version' in respondent;
  return h('dl', { class: 'facts' },
    row('Nummer', respondent.code),
    row('Kart', h('span', { 'data-map': respondent.map }, MAP_LABELS[respondent.map] ?? String(respondent.map))),
    respondent.predecessors?.length ? row('Forgjengere', unitLinks(respondent.predecessors, 'predecessor-links')) : null,
    respondent.successors?.length ? row('Etterfølgere', unitLinks(respondent.successors, 'successor-links')) : null,
    otherMaps.length ? row('Samme nummer', h('span', null, otherMaps.map((map, index) => [index ? ', ' : null,
      h('a', { href: unitHref(respondent.code, map), class: 'other-map' }, `${respondent.code} på ${map}-kartet`)]))) : null,
    respondent.parallel_names?.length ? row('Parallellnavn', respondent.parallel_names.join(', ')) : null,
    row('Type', KIND_LABELS[respondent.kind] ?? respondent.kind),
    row('Fylke', `${respondent.county_name} (${respondent.county_code})`),
    row('Innbyggere', `${formatNumber(respondent.population)}${respondent.population_is_estimate ? ' (anslag)' : ''}`),
    row('Størrelse', sizeLabels[respondent.size_class] ?? respondent.size_class),
    respondent.map === 2011
      ? row('Svarte i 2011', h('span', { 'data-answered-2011': String(respondent.answered_2011) }, respondent.answered_2011 ? 'Ja' : 'Nei'))
      : null,
    seesVersions
      ? row('Siste svar', latest ? `bølge ${respondent.latest_wave} (versjon ${respondent.latest_version})` : respondent.answered_2011 ? 'bølge 2011' : 'Ingen')
      : null);
}

/** The score, `null` without answers, or `{ refused }` with the API's reason (401/403: private). */
async function loadScore(code, wave, token) {
  try {
    return (await getJSON(`/v1/respondents/${encodeURIComponent(code)}/score?wave=${wave.id}`, { token })).score;
  } catch (error) {
    if (error instanceof APIError && error.status === 404) return null;
    if (error instanceof APIError && (error.status === 401 || error.status === 403)) return { refused: error.status, detail: error.message };
    throw error;
  }
}

/** Why a score is not shown: private to the unit and KS; 2011's answers are synthetic and never published. */
function privateScore(waveInfo, heading, refused) {
  const synthetic = String(waveInfo.id) === '2011';
  return h('section', { class: 'score score-private', 'data-wave': waveInfo.id, 'aria-label': heading },
    h('h2', null, heading),
    h('p', { class: 'notice private', 'data-refused': refused.refused },
      refused.refused === 403
        ? 'Tokenet gjelder en annen kommune: en kommune ser bare sin egen poengsum.'
        : 'Poengsummen viser kommunens egne svar, og de er private: bare kommunen selv (med sitt token) og KS ser dem.'),
    synthetic
      ? h('p', { class: 'notice synthetic' },
        '2011-svarene her er syntetiske – gjenskapt fra rapportens tall, ikke det kommunen faktisk svarte – og publiseres derfor aldri per kommune.')
      : null);
}

/** Sign in with a unit's (or staff's) token, kept in this tab's sessionStorage; or sign out. */
function tokenForm(rerender) {
  const token = storedToken();
  if (token) {
    return h('form', { class: 'token-form signed-in', onsubmit: (event) => {
      event.preventDefault();
      try { sessionStorage.removeItem(TOKEN_KEY); } catch { /* nothing stored */ }
      rerender();
    } }, h('p', null, 'Du er logget inn med et token (bare i denne fanen). '), h('button', { type: 'submit', id: 'token-signout' }, 'Logg ut'));
  }
  const input = h('input', { type: 'password', id: 'unit-token', autocomplete: 'off', placeholder: 'bk_…' });
  return h('form', { class: 'token-form', onsubmit: (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) return;
    try { sessionStorage.setItem(TOKEN_KEY, value); } catch { /* storage refused: nothing kept */ }
    rerender();
  } },
  h('label', { for: 'unit-token' }, 'Kommunens token (eller KS’ token) for å se poengsum og svar'),
  h('div', { class: 'search-row' }, input, h('button', { type: 'submit', id: 'token-submit' }, 'Logg inn')));
}

function scoreSection(score, waveInfo, sizeLabels) {
  const wave = waveInfo.id;
  const heading = `Suksessfaktorer – ${waveLabel(waveInfo)}`;
  if (score && score.refused) return privateScore(waveInfo, heading, score);
  if (!score) {
    return h('section', { class: 'score', 'data-wave': wave, 'aria-label': heading },
      h('h2', null, heading), h('p', null, 'Ingen svar i denne bølgen, så ingen poengsum.'));
  }
  const peers = (sizeLabels[score.size_class] ?? score.size_class).toLocaleLowerCase('nb');
  return h('section', { class: 'score', 'data-wave': wave, 'aria-label': heading },
    h('h2', null, heading),
    h('p', { class: 'score-number' },
      h('span', { 'data-percent': score.percent }, formatPercent(score.percent)),
      h('span', { class: 'score-detail', 'data-met': score.met_count, 'data-applicable': score.applicable_count },
        ` – oppfyller ${score.met_count} av ${score.applicable_count} suksesskriterier`)),
    h('meter', { min: 0, max: 100, value: score.percent, 'aria-label': 'Andel suksesskriterier oppfylt' }),
    h('p', { class: 'rank', 'data-rank': score.rank, 'data-peers': score.peers },
      `Plass ${score.rank} av ${score.peers} blant ${peers}.`),
    h('h3', null, 'Oppfylt'),
    score.met.length ? h('ul', { class: 'criteria met' }, score.met.map((item) => h('li', { 'data-criterion': item.id }, item.title_nb))) : h('p', null, 'Ingen.'),
    h('h3', null, 'Ikke oppfylt – rapportens råd'),
    score.missed.length
      ? h('ul', { class: 'criteria missed' }, score.missed.map((item) =>
        h('li', { 'data-criterion': item.id }, h('strong', null, item.title_nb), h('br'), item.advice_nb)))
      : h('p', null, 'Ingen – alle kriteriene er oppfylt.'),
    score.not_applicable.length
      ? [h('h3', null, 'Gjelder ikke'), h('ul', { class: 'criteria not-applicable' }, score.not_applicable.map((item) => h('li', { 'data-criterion': item.id }, item.title_nb)))]
      : null);
}

export async function renderRespondent(main, code, map = null) {
  const [sizeLabels, waves, allWaves] = await Promise.all([sizeClassLabels(), loadWaves(), getJSON('/v1/waves').then((document) => document.waves)]);
  const children = [h('h1', { tabindex: '-1' }, 'Kommune'), searchForm()];
  let title = 'Kommune';
  if (code) {
    const token = storedToken();
    const { respondent, on_maps: onMaps = [] } = await getJSON(`/v1/respondents/${encodeURIComponent(code)}${map ? `?map=${map}` : ''}`, { token });
    // A score is of one wave, among the units of that wave's map; private unless the wave is published at unit level.
    const asked = waves.filter((wave) => wave.map === respondent.map);
    const published = new Set(allWaves.filter((wave) => wave.published_units).map((wave) => String(wave.id)));
    const scores = await Promise.all(asked.map((wave) => (token || published.has(String(wave.id))
      ? loadScore(code, wave, token) : Promise.resolve({ refused: 401 }))));
    // Signing in or out renders the page again through the router (loading → ready).
    const rerender = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
    title = respondent.name;
    children.splice(0, 1, h('h1', { tabindex: '-1' }, respondent.name), ...lineage(respondent));
    children.push(
      h('section', { 'aria-labelledby': 'fakta' }, h('h2', { id: 'fakta' }, 'Fakta'), facts(respondent, sizeLabels, onMaps, allWaves)),
      asked.length ? tokenForm(rerender) : null,
      asked.length
        ? h('div', { class: 'scores' }, asked.map((wave, index) => scoreSection(scores[index], wave, sizeLabels)))
        : h('p', { class: 'notice no-waves' }, `Ingen bølge har spurt enhetene på ${respondent.map}-kartet ennå.`));
  }
  main.replaceChildren(...children);
  return title;
}
