/// The overview: the report's headline numbers, each computed from `/v1/statistics/{question}` for
/// wave 2011 and for each later wave on its own answers (`/v1/waves`), and the waves with their
/// response rates — the page holds the wording, never the numbers.
import { h, formatNumber, formatPercent, SUPPRESSED_TEXT } from './dom.js';
import { statistic, figureList, waves as loadWaves, BASELINE, FEW_ANSWERS, APIError } from './api.js';

/// The report's headline findings ("Hovedresultat" and the bold numbers of each chapter):
/// the question, the answers counted, and the report's sentence around the number.
const HEADLINES = [
  { question: 'uses_social_media', codes: ['yes'], figure: 7, text: 'av kommunene har tatt i bruk sosiale medier.' },
  { question: 'has_strategy', codes: ['yes'], figure: 1, text: 'av norske kommuner og fylkeskommuner har utarbeidet en strategi for bruk av sosiale medier.' },
  { question: 'enthusiasts', codes: ['yes'], text: 'av kommunene svarer at ildsjeler har vært pådrivere i kommunens arbeid med sosiale medier.' },
  { question: 'channels', codes: ['facebook'], figure: 12, text: 'av de kommunene som bruker sosiale medier er på Facebook.' },
  { question: 'has_official_facebook_page', codes: ['yes'], figure: 20, text: 'av kommunene har en offisiell Facebookside.' },
  { question: 'facebook_pages', codes: ['two', 'three', 'four_or_more'], figure: 21, text: 'av kommunene har to eller flere Facebooksider.' },
  { question: 'staff_trained', codes: ['yes'], figure: 17, text: 'av kommunene har hatt en eller flere ansatte på kurs i bruk av sosiale medier.' },
  { question: 'has_guidelines', codes: ['yes'], figure: 18, text: 'av kommunene har utarbeidet retningslinjer for ansattes bruk av sosiale medier.' },
  { question: 'best_channel', codes: ['facebook'], figure: 13, text: 'av kommunene som har tatt i bruk sosiale medier mener Facebook er den kanalen de har lyktes best med.' },
  { question: 'facebook_fans', mean: true, figure: 23, text: 'er gjennomsnittlig antall fans/tilhengere på en kommunes offisielle Facebookside.' },
  { question: 'goal_attainment', codes: ['very_large', 'fairly_large'], text: 'av kommunene som har tatt i bruk sosiale medier opplever at de har lykkes i henhold til målsetningene.' },
  { question: 'dedicated_staff', codes: ['no'], text: 'av kommunene svarer at de ikke har dedikerte ansatte som kun jobber med sosiale medier.' },
];

/// One number from a statistic's total: a mean, one answer's percent as the API rounds it, or the
/// rounded share of several answers together (summing rounded percents could be off by one).
export function headlineValue(document, headline) {
  if (document.missing) return { missing: true };
  const total = document.total;
  if (total.suppressed) return { suppressed: true, base: null };
  if (headline.mean) return { value: total.summary ? Math.round(total.summary.mean) : null, base: total.base_n, mean: true };
  const options = total.options.filter((option) => headline.codes.includes(option.code));
  if (!total.base_n) return { value: null, base: 0 };
  if (options.length === 1) return { value: options[0].percent, base: total.base_n };
  const count = options.reduce((sum, option) => sum + option.count, 0);
  return { value: Math.round((100 * count) / total.base_n), base: total.base_n };
}

function display(result) {
  if (result.missing) return 'ikke spurt';
  if (result.suppressed) return SUPPRESSED_TEXT;
  if (result.value === null) return '–';
  return result.mean ? formatNumber(result.value) : formatPercent(result.value);
}

/** `2026: 61 % (n = 3, usikkert)`, `2026: skjult – for få svar`, `2026: ikke spurt`. */
function laterText(wave, result) {
  if (result.missing || result.suppressed) return `${wave.id}: ${display(result)}`;
  const uncertain = (result.base ?? 0) < FEW_ANSWERS ? ', usikkert' : '';
  return `${wave.id}: ${display(result)} (n = ${formatNumber(result.base ?? 0)}${uncertain})`;
}

function card(headline, then, later) {
  return h('li', { class: 'headline', 'data-question': headline.question, 'data-codes': (headline.codes ?? ['mean']).join(',') },
    h('p', { class: 'headline-number', 'data-wave': BASELINE, 'data-value': then.value ?? '' }, display(then)),
    h('p', { class: 'headline-text' }, headline.text),
    h('p', { class: 'headline-meta' },
      `2011, n = ${formatNumber(then.base ?? 0)}.`,
      later.map(({ wave, result }) => {
        // A change is marked only where the later wave has answers enough to speak of one.
        const changed = !then.suppressed && !result.suppressed && !result.missing && result.value !== null
          && (result.base ?? 0) >= FEW_ANSWERS && then.value !== result.value;
        return [' ', h('span', { class: changed ? 'later changed' : 'later', 'data-wave': wave.id, 'data-value': result.value ?? '' },
          `${laterText(wave, result)}.`)];
      }),
      headline.figure ? [' · ', h('a', { href: `#/figur/${headline.figure}` }, `Fig. ${headline.figure}`)] : null));
}

const STATUS_TEXT = { open: 'pågår', closed: 'avsluttet', draft: 'under arbeid' };

/** The waves with their response: `2011 – avsluttet – 274 av 449 enheter svarte (61 %)`. */
function waveList(waves) {
  return h('ul', { class: 'wave-list' }, waves.map((wave) => h('li', { 'data-wave': wave.id, 'data-answered': wave.answered, 'data-units': wave.units },
    h('strong', null, wave.id), ` – ${wave.title_nb} (${STATUS_TEXT[wave.status] ?? wave.status}, ${wave.map}-kartet). `,
    `${formatNumber(wave.answered)} av ${formatNumber(wave.units)} enheter har svart (${formatNumber(wave.response_rate_percent)} %).`,
    wave.id !== BASELINE && wave.answered < FEW_ANSWERS ? ' Foreløpig få svar – tallene er usikre.' : null,
    wave.id === BASELINE ? null : [' ', h('a', { href: `#/figur/7?wave=${wave.id}&compare=${BASELINE}` }, `Da og nå: ${BASELINE} og ${wave.id}`)])));
}

/** A later wave's statistic, or `{missing: true}` when its questionnaire does not ask the question. */
async function laterStatistic(question, wave) {
  try {
    return await statistic(question, wave.id);
  } catch (error) {
    if (error instanceof APIError && (error.status === 404 || error.status === 400)) return { missing: true };
    throw error;
  }
}

export async function renderOverview(main) {
  const [figures, waves] = await Promise.all([figureList(), loadWaves()]);
  const later = waves.filter((wave) => wave.id !== BASELINE);
  const documents = await Promise.all(HEADLINES.map((headline) => Promise.all([
    statistic(headline.question, BASELINE), ...later.map((wave) => laterStatistic(headline.question, wave))])));
  const cards = HEADLINES.map((headline, index) => {
    const [then, ...rest] = documents[index];
    return card(headline, headlineValue(then, headline),
      later.map((wave, waveIndex) => ({ wave, result: headlineValue(rest[waveIndex], headline) })));
  });
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Sosiale medier i kommunesektoren'),
    h('p', { class: 'lead' },
      'Hovedresultatene fra KS-undersøkelsen om bruk av sosiale medier i kommunesektoren, regnet ut fra svarene i API-et. ',
      'Det store tallet er rapportens (2011). ',
      later.length ? 'Under står hver senere bølge for seg, regnet bare ut fra dens egne svar.' : 'Når en ny bølge er åpnet, står tallene fra den under, regnet bare ut fra dens egne svar.'),
    h('section', { 'aria-labelledby': 'hovedresultat' },
      h('h2', { id: 'hovedresultat' }, 'Hovedresultat'),
      h('ul', { class: 'headlines' }, cards)),
    h('section', { 'aria-labelledby': 'bolger' },
      h('h2', { id: 'bolger' }, 'Bølger'),
      waveList(waves)),
    h('section', { 'aria-labelledby': 'figurliste' },
      h('h2', { id: 'figurliste' }, 'Rapportens figurer'),
      h('ol', { class: 'figure-list' }, figures.map((figure) =>
        h('li', { value: figure.number },
          h('a', { href: `#/figur/${figure.number}` }, `Fig. ${figure.number}: `, figure.caption_nb)))))
  );
  return 'Oversikt';
}
