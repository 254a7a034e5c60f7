/// Turns a figure document asked with `compare=2011` (each panel's `compare` member) into the model
/// of one then-vs-now chart: `{unit, max, chart: [section], table: [section]}`, a section being
/// `{title, rows: [{label, code, only, then, now, difference}]}` and `then`/`now` a cell
/// `{value, count, base, suppressed, absent}`. The chart pairs the two waves per answer for all
/// units (per group too where a figure has one bar per group); the table adds every group.
import { panelLabel, niceMax } from './chart-model.js';

/** The side of an answer the other wave has no counterpart of. */
const ABSENT = Object.freeze({ value: null, absent: true, suppressed: false });

/** One wave's cell: hidden when suppressed, empty (no bar) when the group has no respondents. */
function cell(side, value, count = null) {
  if (side.suppressed) return { value: null, suppressed: true };
  if (!side.base_n) return { value: null, suppressed: false, base: side.base_n ?? 0 };
  if (value === null || value === undefined) return { value: null, suppressed: false, base: side.base_n };
  return { value, count, base: side.base_n, suppressed: false };
}

/** The difference the API computed, shown only where both waves have a value. */
function difference(then, now, points) {
  return then.value !== null && now.value !== null && points !== null && points !== undefined ? points : null;
}

function optionRow(group, option, label = option.label_nb) {
  const only = option.code === null ? 'then' : option.code_2011 === null ? 'now' : null;
  const then = only === 'now' ? ABSENT : cell(group.then, option.percent_then, option.count_then);
  const now = only === 'then' ? ABSENT : cell(group.now, option.percent_now, option.count_now);
  return { label, code: option.code ?? option.code_2011, only, then, now, difference: difference(then, now, option.difference_points) };
}

function yesRow(group, label) {
  const option = group.options.find((candidate) => candidate.code === 'yes' || candidate.code_2011 === 'yes');
  if (!option) return { label, code: group.key, only: null, then: cell(group.then, null), now: cell(group.now, null), difference: null };
  return { ...optionRow(group, option, label), code: group.key };
}

function meanRow(group, label, code = group.key) {
  const then = cell(group.then, group.mean_then);
  const now = cell(group.now, group.mean_now);
  return { label, code, only: null, then, now, difference: difference(then, now, group.mean_difference) };
}

/** The groups of a compared panel: all units, then each group when the figure is broken down. */
function groupsOf(figure, comparison) {
  return figure.by ? [comparison.total, ...comparison.groups] : [comparison.total];
}

function distribution(figure) {
  const many = figure.panels.length > 1;
  const chart = [];
  const table = [];
  for (const panel of figure.panels) {
    const comparison = panel.compare;
    const title = many ? panel.question.text_nb : null;
    chart.push({ title, rows: comparison.total.options.map((option) => optionRow(comparison.total, option)) });
    for (const group of groupsOf(figure, comparison)) {
      const name = figure.by ? group.label_nb : null;
      table.push({ title: [title, name].filter(Boolean).join(' – ') || null, rows: group.options.map((option) => optionRow(group, option)) });
    }
  }
  return { unit: '%', max: 100, chart, table };
}

function percentYes(figure) {
  const many = figure.panels.length > 1;
  const sections = figure.panels.map((panel) => ({
    title: many ? panel.question.text_nb : null,
    rows: groupsOf(figure, panel.compare).map((group) => yesRow(group, group.label_nb)),
  }));
  return { unit: '%', max: 100, chart: sections, table: sections };
}

function mean(figure) {
  const isScale = figure.panels.every((panel) => panel.question.type === 'scale');
  let chart;
  let table;
  if (figure.panels.length === 1) {
    chart = [{ title: null, rows: groupsOf(figure, figure.panels[0].compare).map((group) => meanRow(group, group.label_nb)) }];
    table = chart;
  } else {
    // Several questions or series (Fig. 24, 26): one row each for all units; the table adds each group.
    chart = [{ title: null, rows: figure.panels.map((panel, index) => meanRow(panel.compare.total, panelLabel(panel), `panel-${index}`)) }];
    table = [...chart];
    if (figure.by) {
      for (const [groupIndex, group] of figure.panels[0].compare.groups.entries()) {
        table.push({
          title: group.label_nb,
          rows: figure.panels.map((panel, index) => meanRow(panel.compare.groups[groupIndex], panelLabel(panel), `panel-${index}`)),
        });
      }
    }
  }
  const values = table.flatMap((section) => section.rows.flatMap((row) => [row.then, row.now]));
  return { unit: '', max: isScale ? 100 : niceMax(values), chart, table };
}

/** The then-vs-now model of a figure asked with `compare=2011`. */
export function compareModel(figure) {
  switch (figure.statistic) {
    case 'percent_yes': return percentYes(figure);
    case 'mean': return mean(figure);
    default: return distribution(figure);
  }
}
