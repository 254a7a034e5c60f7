/// Turns a figure document of the API (`/v1/figures/{n}`) into chart models:
/// `{title, unit, max, columns: [{key, label, n, suppressed}], rows: [{label, cells: [{value, count, base, suppressed}]}]}`.
/// Distributions chart one bar per answer and group; "% Ja" figures one bar per group; means one bar
/// per group, or per panel when a figure has several (Fig. 24's series, Fig. 26's factors).

/** The cells a panel shows: the total, then each group when the figure is broken down. */
function columnsOf(figure, panel) {
  return figure.by ? [panel.total, ...panel.groups] : [panel.total];
}

function column(cell) {
  return { key: cell.key, label: cell.label_nb, n: cell.base_n, suppressed: cell.suppressed };
}

function percentCell(cell, code) {
  if (cell.suppressed) return { value: null, suppressed: true };
  const option = cell.options.find((candidate) => candidate.code === code);
  if (!option || !cell.base_n) return { value: null, suppressed: false, base: cell.base_n ?? 0 };
  return {
    value: option.percent, count: option.count, base: cell.base_n, suppressed: false,
    // The confidence interval (share scale in the API) in percent, for the whisker.
    low: option.ci_low === null || option.ci_low === undefined ? null : option.ci_low * 100,
    high: option.ci_high === null || option.ci_high === undefined ? null : option.ci_high * 100,
  };
}

function meanCell(cell) {
  if (cell.suppressed) return { value: null, suppressed: true };
  if (!cell.summary) return { value: null, suppressed: false, base: cell.base_n ?? 0 };
  return {
    value: cell.summary.mean, count: null, base: cell.summary.n, suppressed: false,
    low: cell.summary.ci_low ?? null, high: cell.summary.ci_high ?? null,
  };
}

/** Option codes in the order the API lists them, across all cells (a suppressed cell lists none). */
function optionOrder(cells) {
  const order = new Map();
  for (const cell of cells) for (const option of cell.options) if (!order.has(option.code)) order.set(option.code, option.label_nb);
  return [...order];
}

/** The short label of a question in a multi-panel figure: the part after the shared stem's colon. */
export function panelLabel(panel) {
  if (panel.series) return panel.series.label_nb;
  const text = panel.question.text_nb;
  const colon = text.lastIndexOf(': ');
  return colon >= 0 ? text.slice(colon + 2) : text;
}

function distributionCharts(figure) {
  return figure.panels.map((panel) => {
    const cells = columnsOf(figure, panel);
    return {
      title: figure.panels.length > 1 ? panel.question.text_nb : null,
      unit: '%',
      max: 100,
      columns: cells.map(column),
      rows: optionOrder(cells).map(([code, label]) => ({ label, cells: cells.map((cell) => percentCell(cell, code)) })),
    };
  });
}

function percentYesCharts(figure) {
  return figure.panels.map((panel) => ({
    title: figure.panels.length > 1 ? panel.question.text_nb : null,
    unit: '%',
    max: 100,
    columns: [{ key: 'percent_yes', label: '% Ja', n: panel.total.base_n, suppressed: false }],
    rows: columnsOf(figure, panel).map((cell) => ({ label: cell.label_nb, cells: [percentCell(cell, 'yes')] })),
  }));
}

function meanCharts(figure) {
  const isScale = figure.panels.every((panel) => panel.question.type === 'scale');
  if (figure.panels.length === 1) {
    const panel = figure.panels[0];
    const cells = columnsOf(figure, panel);
    const values = cells.map(meanCell);
    return [{
      title: null,
      unit: '',
      max: isScale ? 100 : niceMax(values),
      columns: [{ key: 'mean', label: 'Gjennomsnitt', n: panel.total.base_n, suppressed: false }],
      rows: cells.map((cell, index) => ({ label: cell.label_nb, cells: [values[index]] })),
    }];
  }
  const first = figure.panels[0];
  const rows = figure.panels.map((panel) => ({ label: panelLabel(panel), cells: columnsOf(figure, panel).map(meanCell) }));
  return [{
    title: null,
    unit: '',
    max: isScale ? 100 : niceMax(rows.flatMap((row) => row.cells)),
    // Each row has its own base here, so the legend names the groups without one n (the table has each).
    columns: columnsOf(figure, first).map((cell) => ({ key: cell.key, label: figure.by ? cell.label_nb : 'Gjennomsnitt', n: null, suppressed: false })),
    rows,
  }];
}

/** A round axis maximum just above the largest value (1, 2 or 5 times a power of ten). */
export function niceMax(cells) {
  const largest = Math.max(1, ...cells.map((cell) => cell.value ?? 0));
  const power = 10 ** Math.floor(Math.log10(largest));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= largest);
}

export function chartModels(figure) {
  switch (figure.statistic) {
    case 'percent_yes': return percentYesCharts(figure);
    case 'mean': return meanCharts(figure);
    default: return distributionCharts(figure);
  }
}
