/// The overview: the report's headline numbers, each computed from `/v1/statistics/{question}` for
/// wave 2011 and for the current answers — the page holds the wording, never the numbers.
import { h, formatNumber, formatPercent, SUPPRESSED_TEXT } from './dom.js';
import { statistic, figureList } from './api.js';

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
  if (result.suppressed) return SUPPRESSED_TEXT;
  if (result.value === null) return '–';
  return result.mean ? formatNumber(result.value) : formatPercent(result.value);
}

function card(headline, then, now) {
  const changed = !then.suppressed && !now.suppressed && then.value !== now.value;
  return h('li', { class: 'headline', 'data-question': headline.question, 'data-codes': (headline.codes ?? ['mean']).join(',') },
    h('p', { class: 'headline-number', 'data-wave': '2011', 'data-value': then.value ?? '' }, display(then)),
    h('p', { class: 'headline-text' }, headline.text),
    h('p', { class: 'headline-meta' },
      `2011, n = ${formatNumber(then.base ?? 0)}. `,
      h('span', { class: changed ? 'now changed' : 'now', 'data-wave': 'current', 'data-value': now.value ?? '' },
        `Nå: ${display(now)} (n = ${formatNumber(now.base ?? 0)})`),
      headline.figure ? [' · ', h('a', { href: `#/figur/${headline.figure}` }, `Fig. ${headline.figure}`)] : null));
}

export async function renderOverview(main) {
  const [figures, ...documents] = await Promise.all([
    figureList(),
    ...HEADLINES.flatMap((headline) => [statistic(headline.question, '2011'), statistic(headline.question, 'current')]),
  ]);
  const cards = HEADLINES.map((headline, index) =>
    card(headline, headlineValue(documents[2 * index], headline), headlineValue(documents[2 * index + 1], headline)));
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Sosiale medier i kommunesektoren'),
    h('p', { class: 'lead' },
      'Hovedresultatene fra KS-undersøkelsen om bruk av sosiale medier i kommunesektoren, regnet ut fra svarene i API-et. ',
      'Det store tallet er rapportens (2011); «Nå» tar med svar kommunene har sendt inn siden.'),
    h('section', { 'aria-labelledby': 'hovedresultat' },
      h('h2', { id: 'hovedresultat' }, 'Hovedresultat'),
      h('ul', { class: 'headlines' }, cards)),
    h('section', { 'aria-labelledby': 'figurliste' },
      h('h2', { id: 'figurliste' }, 'Rapportens figurer'),
      h('ol', { class: 'figure-list' }, figures.map((figure) =>
        h('li', { value: figure.number },
          h('a', { href: `#/figur/${figure.number}` }, `Fig. ${figure.number}: `, figure.caption_nb)))))
  );
  return 'Oversikt';
}
