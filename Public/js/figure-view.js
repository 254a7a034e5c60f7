/// One figure of the report (#/figur/7?wave=2011|current|both): caption, base and n, the chart
/// with its table, a wave switch (the report, the current answers, or both side by side) and downloads.
import { h, formatNumber } from './dom.js';
import { figure as loadFigure, figureList, WAVES } from './api.js';
import { chartModels } from './chart-model.js';
import { renderChart } from './chart.js';

const VIEW_CHOICES = [...WAVES, { id: 'both', label: 'Begge, side om side' }];

function waveSwitch(number, selected) {
  return h('fieldset', { class: 'wave-switch' },
    h('legend', null, 'Vis svarene fra'),
    VIEW_CHOICES.map((choice) => h('label', null,
      h('input', {
        type: 'radio', name: 'wave', value: choice.id, checked: choice.id === selected,
        onchange: () => { location.hash = `#/figur/${number}?wave=${choice.id}`; },
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

function pager(figures, number, wave) {
  const index = figures.findIndex((item) => item.number === number);
  const link = (item, text, rel) => item
    ? h('a', { href: `#/figur/${item.number}?wave=${wave}`, rel }, text)
    : h('span', { class: 'disabled' }, text);
  return h('nav', { class: 'pager', 'aria-label': 'Bla mellom figurene' },
    link(figures[index - 1], '← Forrige figur', 'prev'), link(figures[index + 1], 'Neste figur →', 'next'));
}

function wavePanel(data, wave) {
  const label = WAVES.find((candidate) => candidate.id === wave).label;
  const caption = `Fig. ${data.number} – ${label}`;
  const charts = chartModels(data).map((model) => renderChart(model, caption));
  const panel = h('section', { class: 'wave-panel', 'data-wave': wave, 'aria-label': label },
    h('h2', null, label),
    h('p', { class: 'base' }, `Base: ${data.base_text_nb}, `, h('span', { class: 'n', 'data-n': data.n }, `n = ${formatNumber(data.n)}`),
      wave === '2011' && data.printed_base_n !== data.n ? ` (rapporten oppgir n = ${formatNumber(data.printed_base_n)})` : null),
    charts,
    h('p', { class: 'downloads' }, 'Last ned: ',
      h('a', { href: `/v1/figures/${data.number}?wave=${wave}&format=csv&variant=excel`, download: `figur-${data.number}-${wave}.csv` }, 'CSV (Excel)'), ' · ',
      h('a', { href: `/v1/figures/${data.number}?wave=${wave}&format=jsonstat` }, 'JSON-stat'), ' · ',
      h('a', { href: `/v1/figures/${data.number}.svg?wave=${wave}` }, 'SVG')));
  panel.drawCharts = () => charts.forEach((chart) => chart.drawNow());
  return panel;
}

export async function renderFigure(main, number, wave) {
  const waves = wave === 'both' ? ['2011', 'current'] : [wave];
  const [figures, ...documents] = await Promise.all([figureList(), ...waves.map((id) => loadFigure(number, id))]);
  const first = documents[0];
  const panels = documents.map((data, index) => wavePanel(data, waves[index]));
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, `Fig. ${number}: `, first.caption_nb),
    h('div', { class: 'figure-controls' }, figurePicker(figures, number), waveSwitch(number, wave)),
    h('div', { class: wave === 'both' ? 'wave-panels side-by-side' : 'wave-panels' }, panels),
    pager(figures, number, wave));
  panels.forEach((panel) => panel.drawCharts());
  return `Fig. ${number}`;
}
