/// One figure of the report (#/figur/7?wave=2011|2026[&compare=2011][&by=size_class]): caption, base
/// and n, the chart with its table, a wave switch built from `/v1/waves` (the report's wave, each
/// later wave that is open or closed, and for each later wave «then and now» beside 2011), for a
/// figure the report shows for all units a switch to break it down by size, and downloads.
import { h, formatNumber, SUPPRESSED_TEXT } from './dom.js';
import { figure as loadFigure, figureList, figurePath, waves as loadWaves, waveLabel, BASELINE, FEW_ANSWERS, APIError } from './api.js';
import { chartModels } from './chart-model.js';
import { compareModel } from './compare-model.js';
import { renderChart, renderCompareChart } from './chart.js';

/** The route of a figure view, without the leading `#/`. */
export function figureView(number, wave, by, compare = null) {
  return `figur/${number}?wave=${wave}${compare ? `&compare=${compare}` : ''}${by ? `&by=${by}` : ''}`;
}

function sizeSwitch(number, wave, by, compare) {
  return h('div', { class: 'size-switch' },
    h('input', {
      type: 'checkbox', id: 'by-size-class', checked: by === 'size_class',
      onchange: (event) => { location.hash = `#/${figureView(number, wave, event.target.checked ? 'size_class' : null, compare)}`; },
    }),
    h('label', { for: 'by-size-class' }, ' Fordelt på kommunestørrelse'));
}

/** The switch's choices: each wave on its own, and each later wave beside 2011. */
function viewChoices(waves) {
  const single = waves.map((wave) => ({ value: wave.id, wave: wave.id, compare: null, label: waveLabel(wave) }));
  const paired = waves.filter((wave) => wave.id !== BASELINE)
    .map((wave) => ({ value: `compare-${wave.id}`, wave: wave.id, compare: BASELINE, label: `Da og nå: ${BASELINE} og ${wave.id}` }));
  return [...single, ...paired];
}

function waveSwitch(number, waves, wave, compare, by) {
  const selected = compare ? `compare-${wave}` : wave;
  return h('fieldset', { class: 'wave-switch' },
    h('legend', null, 'Vis svarene fra'),
    viewChoices(waves).map((choice) => h('label', null,
      h('input', {
        type: 'radio', name: 'wave', value: choice.value, checked: choice.value === selected,
        onchange: () => { location.hash = `#/${figureView(number, choice.wave, by, choice.compare)}`; },
      }),
      ` ${choice.label}`)));
}

function figurePicker(figures, number) {
  const select = h('select', {
    id: 'figure-picker',
    onchange: (event) => { location.hash = `#/figur/${event.target.value}${location.hash.includes('?') ? location.hash.slice(location.hash.indexOf('?')) : ''}`; },
  }, figures.map((item) => h('option', { value: item.number, selected: item.number === number }, `Fig. ${item.number}: ${item.caption_nb}`)));
  return h('div', { class: 'figure-picker' }, h('label', { for: 'figure-picker' }, 'Velg figur'), select);
}

function pager(figures, number, wave, by, compare) {
  const index = figures.findIndex((item) => item.number === number);
  const link = (item, text, rel) => item
    ? h('a', { href: `#/${figureView(item.number, wave, item.by ? null : by, compare)}`, rel }, text)
    : h('span', { class: 'disabled' }, text);
  return h('nav', { class: 'pager', 'aria-label': 'Bla mellom figurene' },
    link(figures[index - 1], '← Forrige figur', 'prev'), link(figures[index + 1], 'Neste figur →', 'next'));
}

/**
 * A plain-language warning when a later wave has few answers so far: hidden numbers, or fewer
 * than FEW_ANSWERS respondents. Nothing for the report's wave or a wave with enough answers.
 */
function fewAnswersNotice(waveID, n, suppressed) {
  if (waveID === BASELINE) return null;
  let text = null;
  if (!n) text = `Bølge ${waveID} har foreløpig ingen svar i denne figurens base.`;
  else if (suppressed) text = `Bølge ${waveID} har foreløpig bare ${formatNumber(n)} svar – tallene er skjult («${SUPPRESSED_TEXT}»).`;
  else if (n < FEW_ANSWERS) text = `Bølge ${waveID} har foreløpig bare ${formatNumber(n)} svar – tallene er usikre.`;
  return text ? h('p', { class: 'notice few-answers', 'data-wave': waveID, 'data-n': n ?? 0 }, text) : null;
}

function downloads(number, wave, by) {
  return [
    h('a', { href: figurePath(number, wave, { by, extra: '&format=csv&variant=excel' }), download: `figur-${number}-${wave}${by ? '-storrelse' : ''}.csv` }, `CSV (Excel) ${wave}`), ' · ',
    h('a', { href: figurePath(number, wave, { by, extra: '&format=jsonstat' }) }, `JSON-stat ${wave}`), ' · ',
    h('a', { href: figurePath(number, wave, { by, suffix: '.svg' }) }, `SVG ${wave}`),
  ];
}

function wavePanel(data, wave, by) {
  const label = waveLabel(wave);
  const caption = `Fig. ${data.number} – ${label}`;
  const charts = chartModels(data).map((model) => renderChart(model, caption));
  const panel = h('section', { class: 'wave-panel', 'data-wave': wave.id, 'aria-label': label },
    h('h2', null, label),
    h('p', { class: 'base' }, `Base: ${data.base_text_nb}, `, h('span', { class: 'n', 'data-wave': wave.id, 'data-n': data.n }, `n = ${formatNumber(data.n)}`),
      wave.id === BASELINE && data.printed_base_n !== data.n ? ` (rapporten oppgir n = ${formatNumber(data.printed_base_n)})` : null),
    fewAnswersNotice(wave.id, data.n, data.panels[0]?.total.suppressed),
    charts,
    h('p', { class: 'downloads' }, 'Last ned: ', downloads(data.number, wave.id, by)));
  panel.drawCharts = () => charts.forEach((chart) => chart.drawNow());
  return panel;
}

/** 2011 and a later wave in one chart: paired bars per answer, each wave's n, the change in the table. */
function comparePanel(data, baseline, wave, by) {
  const label = `Da og nå: ${BASELINE} og ${wave.id}`;
  const first = data.panels[0].compare.total;
  const waves = {
    then: { id: BASELINE, n: baseline.n, suppressed: first.then.suppressed },
    now: { id: wave.id, n: data.n, suppressed: first.now.suppressed },
  };
  const model = compareModel(data);
  const chart = renderCompareChart(model, `Fig. ${data.number} – ${BASELINE} og ${wave.id}`, waves);
  const nSpan = (side) => h('span', { class: 'n', 'data-wave': waves[side].id, 'data-n': waves[side].n }, `${waves[side].id}: n = ${formatNumber(waves[side].n)}`);
  const panel = h('section', { class: 'wave-panel compare-panel', 'data-wave': wave.id, 'data-compare': BASELINE, 'aria-label': label },
    h('h2', null, label),
    h('p', { class: 'base' }, `Base: ${data.base_text_nb}. `, nSpan('then'), ', ', nSpan('now'), '.'),
    fewAnswersNotice(wave.id, data.n, waves.now.suppressed),
    model.table.length > model.chart.length
      ? h('p', { class: 'muted groups-note' }, 'Diagrammet viser alle enhetene; tabellen under viser også hver gruppe.')
      : null,
    chart,
    h('p', { class: 'muted compare-note' },
      `Svarene er koblet mellom bølgene gjennom spørreskjemaets motsvarigheter; et svar som bare finnes i én bølge, vises bare for den. `,
      `Endringen er i prosentpoeng av de urundede andelene.`),
    h('p', { class: 'downloads' }, 'Last ned: ',
      h('a', { href: figurePath(data.number, wave.id, { by, compare: BASELINE }) }, `JSON (${BASELINE} og ${wave.id})`), ' · ',
      downloads(data.number, BASELINE, by), ' · ', downloads(data.number, wave.id, by)));
  panel.drawCharts = () => chart.drawNow();
  return panel;
}

/** A wave whose questionnaire lacks the figure's question: say so instead of failing the page. */
function missingPanel(wave, error) {
  return h('section', { class: 'wave-panel', 'data-wave': wave.id, 'aria-label': waveLabel(wave) },
    h('h2', null, waveLabel(wave)),
    h('p', { class: 'notice' }, `Figuren finnes ikke for bølge ${wave.id}: ${error.message}`));
}

export async function renderFigure(main, number, waveID, by, compare) {
  const [figures, waves] = await Promise.all([figureList(), loadWaves()]);
  const wave = waves.find((candidate) => candidate.id === waveID);
  if (!wave) throw new Error(`Bølge ${waveID} finnes ikke eller er ikke åpnet ennå. Velg en av bølgene: ${waves.map((item) => item.id).join(', ')}.`);
  // Only a figure the report shows for all units can be broken down; the others already are.
  const reportGrouped = figures.find((item) => item.number === number)?.by != null;
  const ownBy = reportGrouped ? null : by;
  let panel;
  let caption;
  try {
    if (compare) {
      const [data, baseline] = await Promise.all([loadFigure(number, waveID, by, compare), loadFigure(number, BASELINE, by)]);
      caption = data.caption_nb;
      panel = comparePanel(data, baseline, wave, ownBy);
    } else {
      const data = await loadFigure(number, waveID, by);
      caption = data.caption_nb;
      panel = wavePanel(data, wave, ownBy);
    }
  } catch (error) {
    if (!(error instanceof APIError) || error.status !== 404 || !figures.some((item) => item.number === number)) throw error;
    caption = figures.find((item) => item.number === number)?.caption_nb ?? '';
    panel = missingPanel(wave, error);
  }
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, `Fig. ${number}: `, caption),
    h('div', { class: 'figure-controls' }, figurePicker(figures, number), waveSwitch(number, waves, waveID, compare, by),
      reportGrouped ? null : sizeSwitch(number, waveID, by, compare)),
    h('div', { class: 'wave-panels' }, panel),
    pager(figures, number, waveID, by, compare));
  panel.drawCharts?.();
  return `Fig. ${number}`;
}
