/// A municipality or county (#/kommune, #/kommune/1601): search by name or number, registry facts,
/// whether it answered in 2011, and its success-factor score — criteria met and missed with the
/// report's advice, and its place among peers of its size — for 2011 and for its current answers.
import { h, formatNumber, formatPercent } from './dom.js';
import { getJSON, figure as loadFigure, APIError, WAVES } from './api.js';

const KIND_LABELS = { kommune: 'Kommune', fylkeskommune: 'Fylkeskommune' };
const MAX_MATCHES = 20;
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
        h('li', null, h('a', { href: `#/kommune/${row.code}` }, `${fullName(row)} (${row.code})`, h('span', { class: 'muted' }, ` – ${row.county_name}`)))));
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
      if (first) location.hash = `#/kommune/${first.code}`;
    },
  },
  h('label', { for: 'respondent-search' }, 'Søk etter kommune eller fylkeskommune'),
  h('p', { id: 'search-help', class: 'muted' }, 'Skriv navn eller kommunenummer; Enter åpner første treff.'),
  h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, 'Vis')),
  status, results);
  return form;
}

function facts(respondent, sizeLabels) {
  const row = (term, value) => [h('dt', null, term), h('dd', null, value)];
  return h('dl', { class: 'facts' },
    row('Nummer', respondent.code),
    respondent.parallel_names?.length ? row('Parallellnavn', respondent.parallel_names.join(', ')) : null,
    row('Type', KIND_LABELS[respondent.kind] ?? respondent.kind),
    row('Fylke', `${respondent.county_name} (${respondent.county_code})`),
    row('Innbyggere', `${formatNumber(respondent.population)}${respondent.population_is_estimate ? ' (anslag)' : ''}`),
    row('Størrelse', sizeLabels[respondent.size_class] ?? respondent.size_class),
    row('Svarte i 2011', h('span', { 'data-answered-2011': String(respondent.answered_2011) }, respondent.answered_2011 ? 'Ja' : 'Nei')),
    row('Siste svar', respondent.latest_wave ? `${respondent.latest_wave} (versjon ${respondent.latest_version})` : 'Ingen'));
}

async function loadScore(code, wave) {
  try {
    return (await getJSON(`/v1/respondents/${encodeURIComponent(code)}/score?wave=${wave}`)).score;
  } catch (error) {
    if (error instanceof APIError && error.status === 404) return null;
    throw error;
  }
}

function scoreSection(score, wave, sizeLabels) {
  const label = WAVES.find((candidate) => candidate.id === wave).label;
  const heading = `Suksessfaktorer – ${label}`;
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

export async function renderRespondent(main, code) {
  const sizeLabels = await sizeClassLabels();
  const children = [h('h1', { tabindex: '-1' }, 'Kommune'), searchForm()];
  let title = 'Kommune';
  if (code) {
    const { respondent } = await getJSON(`/v1/respondents/${encodeURIComponent(code)}`);
    const scores = await Promise.all(WAVES.map((wave) => loadScore(code, wave.id)));
    title = respondent.name;
    children[0] = h('h1', { tabindex: '-1' }, respondent.name);
    children.push(
      h('section', { 'aria-labelledby': 'fakta' }, h('h2', { id: 'fakta' }, 'Fakta'), facts(respondent, sizeLabels)),
      h('div', { class: 'scores' }, WAVES.map((wave, index) => scoreSection(scores[index], wave.id, sizeLabels))));
  }
  main.replaceChildren(...children);
  return title;
}
