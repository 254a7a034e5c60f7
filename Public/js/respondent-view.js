/// A municipality or county (#/kommune, #/kommune/1601): search by name or number, registry facts,
/// whether it answered in 2011, and its success-factor score — criteria met and missed with the
/// report's advice, and its place among peers of its size — for 2011 and for its current answers.
import { h, formatNumber, formatPercent } from './dom.js';
import { getJSON, figure as loadFigure, APIError, WAVES } from './api.js';

const KIND_LABELS = { kommune: 'Kommune', fylkeskommune: 'Fylkeskommune' };
const MAX_MATCHES = 20;
let directory = null;

/** Every respondent, following `next_cursor` until the list ends; kept for the session. */
async function loadDirectory() {
  if (directory) return directory;
  const rows = [];
  let path = '/v1/respondents?limit=500&sort=name';
  for (;;) {
    const page = await getJSON(path);
    rows.push(...page.respondents);
    if (!page.next_cursor) break;
    path = `/v1/respondents?limit=500&sort=name&cursor=${encodeURIComponent(page.next_cursor)}`;
  }
  directory = rows;
  return rows;
}

/** Size-class names as the report words them, from a figure broken down by size. */
async function sizeClassLabels() {
  const data = await loadFigure(2, '2011');
  return Object.fromEntries(data.panels[0].groups.map((group) => [group.key, group.label_nb]));
}

function matches(rows, query) {
  const text = query.trim().toLocaleLowerCase('nb');
  if (!text) return [];
  return rows.filter((row) => row.code.startsWith(text) || row.name.toLocaleLowerCase('nb').includes(text));
}

function searchForm(rows) {
  const results = h('ul', { class: 'search-results', id: 'search-results' });
  const status = h('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const input = h('input', {
    type: 'search', id: 'respondent-search', autocomplete: 'off', 'aria-describedby': 'search-help',
    'aria-controls': 'search-results', placeholder: 'f.eks. Trondheim eller 1601',
  });
  const update = () => {
    const found = matches(rows, input.value);
    results.replaceChildren(...found.slice(0, MAX_MATCHES).map((row) =>
      h('li', null, h('a', { href: `#/kommune/${row.code}` }, `${row.name} (${row.code})`, h('span', { class: 'muted' }, ` – ${row.county_name}`)))));
    status.textContent = input.value.trim() ? `${found.length} treff${found.length > MAX_MATCHES ? `, viser de ${MAX_MATCHES} første` : ''}.` : '';
  };
  input.addEventListener('input', update);
  const form = h('form', {
    class: 'search', role: 'search',
    onsubmit: (event) => {
      event.preventDefault();
      const [first] = matches(rows, input.value);
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
  const [rows, sizeLabels] = await Promise.all([loadDirectory(), sizeClassLabels()]);
  const children = [h('h1', { tabindex: '-1' }, 'Kommune'), searchForm(rows)];
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
