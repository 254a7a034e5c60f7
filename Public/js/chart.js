/// Draws a chart model (see chart-model.js) as an inline SVG bar chart sized to its container in
/// real pixels, so text stays legible from a 375 px phone to a wide screen, plus the data table
/// behind it in a <details> for keyboard and screen-reader users.
import { h, s, formatNumber, formatPercent, SUPPRESSED_TEXT } from './dom.js';

/** Series colours; each has at least 3:1 contrast against white (WCAG 2.1, 1.4.11 non-text). */
const COLOURS = ['#1b3a5c', '#2b7bb9', '#c4510b', '#1b7a4b', '#7b3294'];
const LABEL_HEIGHT = 20;
const BAR_HEIGHT = 16;
const BAR_GAP = 3;
const ROW_GAP = 12;
const VALUE_SPACE = 64;

function valueText(model, cell) {
  if (cell.suppressed) return SUPPRESSED_TEXT;
  if (cell.value === null || cell.value === undefined) return '–';
  return model.unit === '%' ? formatPercent(cell.value) : formatNumber(cell.value);
}

function tableText(model, cell) {
  const text = valueText(model, cell);
  if (cell.value === null || cell.value === undefined) return text;
  if (model.unit === '%' && cell.count !== undefined) return `${text} (${formatNumber(cell.count)} av ${formatNumber(cell.base)})`;
  return `${text} (n = ${formatNumber(cell.base)})`;
}

function drawSVG(model, width, titleID) {
  const series = model.columns.length;
  const rowHeight = LABEL_HEIGHT + series * (BAR_HEIGHT + BAR_GAP) + ROW_GAP;
  const height = model.rows.length * rowHeight;
  const barSpace = Math.max(40, width - VALUE_SPACE - (series > 1 ? 4 : 0));
  const svg = s('svg', {
    class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': titleID,
  });
  model.rows.forEach((row, rowIndex) => {
    const top = rowIndex * rowHeight;
    svg.append(s('text', { x: 0, y: top + 14, class: 'row-label' }, row.label));
    row.cells.forEach((cell, seriesIndex) => {
      const y = top + LABEL_HEIGHT + seriesIndex * (BAR_HEIGHT + BAR_GAP);
      const hasValue = cell.value !== null && cell.value !== undefined;
      const barWidth = hasValue ? Math.max(cell.value > 0 ? 1 : 0, (cell.value / model.max) * barSpace) : 0;
      if (hasValue) {
        svg.append(s('rect', {
          class: 'bar', x: 0, y, width: barWidth.toFixed(1), height: BAR_HEIGHT, fill: COLOURS[seriesIndex % COLOURS.length],
          'data-value': cell.value, 'data-series': model.columns[seriesIndex].key,
        }));
      }
      svg.append(s('text', {
        x: barWidth + 6, y: y + BAR_HEIGHT - 3, class: cell.suppressed ? 'value suppressed' : 'value',
      }, valueText(model, cell)));
    });
  });
  return svg;
}

function legend(model) {
  if (model.columns.length < 2) return null;
  return h('ul', { class: 'legend', 'aria-hidden': 'true' }, model.columns.map((column, index) =>
    h('li', null,
      h('span', { class: 'swatch', style: `background:${COLOURS[index % COLOURS.length]}` }),
      column.suppressed ? `${column.label} (${SUPPRESSED_TEXT})`
        : column.n === null ? column.label : `${column.label} (n = ${formatNumber(column.n ?? 0)})`)));
}

function dataTable(model, caption) {
  return h('details', { class: 'data-table' },
    h('summary', null, 'Vis tallene som tabell'),
    h('div', { class: 'table-scroll' },
      h('table', null,
        h('caption', null, caption),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Svar'),
          model.columns.map((column) => h('th', { scope: 'col' }, column.label)))),
        h('tbody', null, model.rows.map((row) => h('tr', null,
          h('th', { scope: 'row' }, row.label),
          row.cells.map((cell, index) => h('td', {
            'data-value': cell.value ?? '', 'data-series': model.columns[index].key,
            class: cell.suppressed ? 'suppressed' : null,
          }, tableText(model, cell)))))))));
}

let chartCounter = 0;

/** A chart with legend and data table; the SVG redraws when its container changes width. */
export function renderChart(model, caption) {
  chartCounter += 1;
  const titleID = `chart-title-${chartCounter}`;
  const canvas = h('div', { class: 'chart-canvas' });
  const container = h('div', { class: 'chart-block' },
    model.title ? h('h3', { class: 'panel-title' }, model.title) : null,
    h('p', { id: titleID, class: 'visually-hidden' }, `${caption}${model.title ? ` – ${model.title}` : ''}. Tallene står i tabellen under.`),
    legend(model),
    canvas,
    dataTable(model, model.title ? `${caption} – ${model.title}` : caption));
  let drawnWidth = 0;
  const draw = () => {
    const width = Math.floor(canvas.clientWidth);
    if (width === 0 || width === drawnWidth) return;
    drawnWidth = width;
    canvas.replaceChildren(drawSVG(model, width, titleID));
  };
  new ResizeObserver(draw).observe(canvas);
  // Draw once synchronously when already attached, so the page is complete when marked ready.
  container.drawNow = draw;
  return container;
}
