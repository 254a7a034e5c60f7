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
      let labelX = barWidth + 6;
      if (hasValue && cell.low !== null && cell.low !== undefined && cell.high !== null && cell.high !== undefined) {
        // The confidence interval as a whisker across the bar's end (the API's ci_low/ci_high).
        const x1 = Math.max(0, Math.min(barSpace, (cell.low / model.max) * barSpace));
        const x2 = Math.max(0, Math.min(barSpace, (cell.high / model.max) * barSpace));
        const middle = y + BAR_HEIGHT / 2;
        const format = (value) => (model.unit === '%' ? formatPercent(value) : formatNumber(value));
        svg.append(s('path', {
          class: 'ci', d: `M${x1.toFixed(1)} ${middle}H${x2.toFixed(1)}M${x1.toFixed(1)} ${y + 4}V${y + BAR_HEIGHT - 4}M${x2.toFixed(1)} ${y + 4}V${y + BAR_HEIGHT - 4}`,
          stroke: '#222222', 'stroke-width': 1.2, fill: 'none', 'data-low': cell.low, 'data-high': cell.high,
        }, s('title', null, `95 % konfidensintervall: ${format(cell.low)} – ${format(cell.high)}`)));
        labelX = Math.max(labelX, x2 + 6);
      }
      svg.append(s('text', {
        x: labelX, y: y + BAR_HEIGHT - 3, class: cell.suppressed ? 'value suppressed' : 'value',
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

// ---- Then and now: one chart, two bars per answer ------------------------------------------

/** 2011 is solid, the later wave hatched in another colour with an outline: told apart without colour too. */
const THEN_COLOUR = COLOURS[0];
const NOW_COLOUR = COLOURS[2];
const PAIR_VALUE_SPACE = 112;

const pointsFormat = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** A difference in percentage points (or in the mean's unit): `+3,0`, `−12,5`, `0,0`. */
export function formatDifference(value) {
  return pointsFormat.format(value);
}

function hatch(id) {
  return s('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    s('rect', { width: 6, height: 6, fill: '#fbe3d3' }),
    s('rect', { width: 3, height: 6, fill: NOW_COLOUR }));
}

function sideFill(side, patternID) {
  return side === 'now' ? `url(#${patternID})` : THEN_COLOUR;
}

/** The words beside a bar: `2026: 61 %`, `2026: skjult – for få svar`, `2011: ikke spurt`. */
function pairText(model, wave, entry) {
  if (entry.absent) return `${wave}: ikke spurt`;
  if (entry.suppressed) return `${wave}: ${SUPPRESSED_TEXT}`;
  if (entry.value === null || entry.value === undefined) return `${wave}: ingen svar`;
  return `${wave}: ${model.unit === '%' ? formatPercent(entry.value) : formatNumber(entry.value)}`;
}

function rowLabel(row, waves) {
  if (row.only === 'then') return `${row.label} (bare i ${waves.then.id})`;
  if (row.only === 'now') return `${row.label} (bare i ${waves.now.id})`;
  return row.label;
}

/** Splits a label into lines that fit `width` pixels (about 7.4 px a character at 13 px): SVG text does not wrap. */
function wrapLines(text, width) {
  const limit = Math.max(12, Math.floor(width / 7.4));
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > limit) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const LINE_HEIGHT = 16;

function multilineText(attributes, lines) {
  return s('text', attributes, lines.map((line, index) => s('tspan', { x: attributes.x, dy: index ? LINE_HEIGHT : 0 }, line)));
}

function drawPairs(model, waves, width, titleID, patternID) {
  const barSpace = Math.max(40, width - PAIR_VALUE_SPACE);
  const pairHeight = 2 * (BAR_HEIGHT + BAR_GAP) + ROW_GAP;
  // Lay out first: a label may take several lines on a narrow screen.
  const layout = model.chart.map((section) => ({
    title: section.title ? wrapLines(section.title, width) : null,
    rows: section.rows.map((row) => ({ row, lines: wrapLines(rowLabel(row, waves), width) })),
  }));
  const height = layout.reduce((sum, section) => sum + (section.title ? section.title.length * LINE_HEIGHT + 10 : 0)
    + section.rows.reduce((rows, item) => rows + LABEL_HEIGHT + (item.lines.length - 1) * LINE_HEIGHT + pairHeight, 0), 0);
  const svg = s('svg', {
    class: 'chart compare', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': titleID,
  }, s('defs', null, hatch(patternID)));
  let top = 0;
  for (const section of layout) {
    if (section.title) {
      svg.append(multilineText({ x: 0, y: top + 16, class: 'section-label' }, section.title));
      top += section.title.length * LINE_HEIGHT + 10;
    }
    for (const { row, lines } of section.rows) {
      const pair = s('g', { class: 'pair', 'data-code': row.code ?? '', 'data-only': row.only ?? '' });
      pair.append(multilineText({ x: 0, y: top + 14, class: 'row-label' }, lines));
      top += (lines.length - 1) * LINE_HEIGHT;
      ['then', 'now'].forEach((side, index) => {
        const entry = row[side];
        const y = top + LABEL_HEIGHT + index * (BAR_HEIGHT + BAR_GAP);
        const hasValue = entry.value !== null && entry.value !== undefined;
        const barWidth = hasValue ? Math.max(entry.value > 0 ? 1 : 0, (entry.value / model.max) * barSpace) : 0;
        if (hasValue) {
          pair.append(s('rect', {
            class: `bar ${side}`, x: 0, y, width: barWidth.toFixed(1), height: BAR_HEIGHT, fill: sideFill(side, patternID),
            stroke: side === 'now' ? NOW_COLOUR : null, 'data-value': entry.value, 'data-wave': waves[side].id,
          }));
        }
        pair.append(s('text', {
          x: barWidth + 6, y: y + BAR_HEIGHT - 3, class: entry.suppressed ? 'value suppressed' : 'value', 'data-wave': waves[side].id,
        }, pairText(model, waves[side].id, entry)));
      });
      svg.append(pair);
      top += LABEL_HEIGHT + pairHeight;
    }
  }
  return svg;
}

/** The swatch of a wave in the legend: the same fill as its bars. */
function swatch(side, patternID) {
  return s('svg', { class: 'swatch-svg', width: 18, height: 14, 'aria-hidden': 'true', focusable: 'false' },
    side === 'now' ? s('defs', null, hatch(`${patternID}-legend`)) : null,
    s('rect', { x: 0.5, y: 0.5, width: 17, height: 13, fill: side === 'now' ? `url(#${patternID}-legend)` : THEN_COLOUR, stroke: side === 'now' ? NOW_COLOUR : null }));
}

function pairLegend(waves, patternID) {
  return h('ul', { class: 'legend compare-legend' }, ['then', 'now'].map((side) => {
    const wave = waves[side];
    const n = wave.n === null || wave.n === undefined ? '' : `n = ${formatNumber(wave.n)}`;
    return h('li', { 'data-wave': wave.id, 'data-n': wave.n ?? '' },
      swatch(side, patternID),
      ` ${wave.id} (${side === 'now' ? 'skravert' : 'helfarget'})${n ? `: ${n}` : ''}${wave.suppressed ? `, ${SUPPRESSED_TEXT}` : ''}`);
  }));
}

function pairTableText(model, entry) {
  if (entry.absent) return 'ikke spurt';
  if (entry.suppressed) return SUPPRESSED_TEXT;
  if (entry.value === null || entry.value === undefined) return entry.base === 0 ? 'ingen svar' : '–';
  return tableText(model, entry);
}

function pairTable(model, waves, caption) {
  const unitWord = model.unit === '%' ? 'prosentpoeng' : 'gjennomsnitt';
  return h('details', { class: 'data-table' },
    h('summary', null, 'Vis tallene som tabell'),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'compare-table' },
        h('caption', null, caption),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Svar'),
          h('th', { scope: 'col' }, waves.then.id),
          h('th', { scope: 'col' }, waves.now.id),
          h('th', { scope: 'col' }, `Endring (${unitWord})`))),
        model.table.map((section) => h('tbody', { 'data-section': section.title ?? '' },
          section.title ? h('tr', null, h('th', { scope: 'rowgroup', colspan: 4, class: 'section' }, section.title)) : null,
          section.rows.map((row) => h('tr', { 'data-code': row.code ?? '' },
            h('th', { scope: 'row' }, rowLabel(row, waves)),
            ['then', 'now'].map((side) => h('td', {
              'data-wave': waves[side].id, 'data-value': row[side].value ?? '',
              class: row[side].suppressed ? 'suppressed' : null,
            }, pairTableText(model, row[side]))),
            h('td', { class: 'difference', 'data-difference': row.difference ?? '' },
              row.difference === null ? '–' : formatDifference(row.difference)))))))));
}

/**
 * The then-vs-now chart of a figure: `waves = {then: {id, n, suppressed}, now: {…}}`. Two bars
 * per answer, 2011 solid and the later wave hatched, each labelled with its wave and value; a
 * legend with each wave's n; the table with the difference in percentage points.
 */
export function renderCompareChart(model, caption, waves) {
  chartCounter += 1;
  const titleID = `chart-title-${chartCounter}`;
  const patternID = `hatch-${chartCounter}`;
  const canvas = h('div', { class: 'chart-canvas' });
  const container = h('div', { class: 'chart-block' },
    h('p', { id: titleID, class: 'visually-hidden' },
      `${caption}: ${waves.then.id} som helfargede søyler, ${waves.now.id} som skraverte søyler. Tallene og endringen står i tabellen under.`),
    pairLegend(waves, patternID),
    canvas,
    pairTable(model, waves, caption));
  let drawnWidth = 0;
  const draw = () => {
    const width = Math.floor(canvas.clientWidth);
    if (width === 0 || width === drawnWidth) return;
    drawnWidth = width;
    canvas.replaceChildren(drawPairs(model, waves, width, titleID, patternID));
  };
  new ResizeObserver(draw).observe(canvas);
  container.drawNow = draw;
  return container;
}
