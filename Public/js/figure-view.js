/// One figure of the report (#/figur/7?wave=2011|current|both[&by=size_class]): caption, base and n,
/// the chart with its table, a wave switch (the report, the current answers, or both side by side),
/// for a figure the report shows for all units a switch to break it down by size, and downloads.
import { h, formatNumber } from './dom.js';
import { figure as loadFigure, figureList, WAVES } from './api.js';
import { chartModels } from './chart-model.js';
import { renderChart } from './chart.js';

const VIEW_CHOICES = [...WAVES, { id: 'both', label: 'Begge, side om side' }];

/** The route of a figure view, without the leading `#/`. */
export function figureView(number, wave, by) {
  return `figur/${number}?wave=${wave}${by ? `&by=${by}` : ''}`;
}

/** `by=size_class` as a query suffix for the API's links, or nothing. */
function byQuery(by) {
  return by ? `&by=${by}` : '';
}

function sizeSwitch(number, wave, by) {
  return h('div', { class: 'size-switch' },
    h('input', {
      type: 'checkbox', id: 'by-size-class', checked: by === 'size_class',
      onchange: (event) => { location.hash = `#/${figureView(number, wave, event.target.checked ? 'size_class' : null)}`; },
    }),
    h('label', { for: 'by-size-class' }, ' Fordelt på kommunestørrelse'));
}

function waveSwitch(number, selected, by) {
  return h('fieldset', { class: 'wave-switch' },
    h('legend', null, 'Vis svarene fra'),
    VIEW_CHOICES.map((choice) => h('label', null,
      h('input', {
        type: 'radio', name: 'wave', value: choice.id, checked: choice.id === selected,
        onchange: () => { location.hash = `#/${figureView(number, choice.id, by)}`; },
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

function pager(figures, number, wave, by) {
  const index = figures.findIndex((item) => item.number === number);
  const link = (item, text, rel) => item
    ? h('a', { href: `#/${figureView(item.number, wave, item.by ? null : by)}`, rel }, text)
    : h('span', { class: 'disabled' }, text);
  return h('nav', { class: 'pager', 'aria-label': 'Bla mellom figurene' },
    link(figures[index - 1], '← Forrige figur', 'prev'), link(figures[index + 1], 'Neste figur →', 'next'));
}

function wavePanel(data, wave, by) {
  const label = WAVES.find((candidate) => candidate.id === wave).label;
  const caption = `Fig. ${data.number} – ${label}`;
  const charts = chartModels(data).map((model) => renderChart(model, caption));
  const panel = h('section', { class: 'wave-panel', 'data-wave': wave, 'aria-label': label },
    h('h2', null, label),
    h('p', { class: 'base' }, `Base: ${data.base_text_nb}, `, h('span', { class: 'n', 'data-n': data.n }, `n = ${formatNumber(data.n)}`),
      wave === '2011' && data.printed_base_n !== data.n ? ` (rapporten oppgir n = ${formatNumber(data.printed_base_n)})` : null),
    charts,
    h('p', { class: 'downloads' }, 'Last ned: ',
      h('a', { href: `/v1/figures/${data.number}?wave=${wave}${byQuery(by)}&format=csv&variant=excel`, download: `figur-${data.number}-${wave}${by ? '-storrelse' : ''}.csv` }, 'CSV (Excel)'), ' · ',
      h('a', { href: `/v1/figures/${data.number}?wave=${wave}${byQuery(by)}&format=jsonstat` }, 'JSON-stat'), ' · ',
      h('a', { href: `/v1/figures/${data.number}.svg?wave=${wave}${byQuery(by)}` }, 'SVG')));
  panel.drawCharts = () => charts.forEach((chart) => chart.drawNow());
  return panel;
}

export async function renderFigure(main, number, wave, by) {
  const waves = wave === 'both' ? ['2011', 'current'] : [wave];
  const [figures, ...documents] = await Promise.all([figureList(), ...waves.map((id) => loadFigure(number, id, by))]);
  const first = documents[0];
  // Only a figure the report shows for all units can be broken down; the others already are.
  const reportGrouped = figures.find((item) => item.number === number)?.by != null;
  const panels = documents.map((data, index) => wavePanel(data, waves[index], reportGrouped ? null : by));
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, `Fig. ${number}: `, first.caption_nb),
    h('div', { class: 'figure-controls' }, figurePicker(figures, number), waveSwitch(number, wave, by),
      reportGrouped ? null : sizeSwitch(number, wave, by)),
    h('div', { class: wave === 'both' ? 'wave-panels side-by-side' : 'wave-panels' }, panels),
    pager(figures, number, wave, by));
  panels.forEach((panel) => panel.drawCharts());
  return `Fig. ${number}`;
}
