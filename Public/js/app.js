/// Hash routing (#/oversikt, #/figur/7?wave=2026, #/figur/7?wave=2026&compare=2011, #/figur/12?wave=2011&by=size_class,
/// #/kommune/5001, #/kommune/0301?map=2011) so the server needs no rewrite rules. After each render <main> gets data-state="ready" and data-view, which the browser test waits for.
import { h } from './dom.js';
import { renderOverview } from './overview.js';
import { renderFigure, figureView } from './figure-view.js';
import { renderRespondent } from './respondent-view.js';
import { BASELINE } from './api.js';

const main = document.getElementById('innhold');
let renderSequence = 0;
let routedOnce = false;

function parseRoute() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  switch (parts[0]) {
    case 'figur': {
      const number = Number.parseInt(parts[1] ?? '1', 10);
      // A wave is named by its id; an old link's `wave=current` (gone from the API) shows the report's.
      const wave = /^[0-9]{1,6}$/.test(params.get('wave') ?? '') ? params.get('wave') : BASELINE;
      const compare = params.get('compare') === BASELINE && wave !== BASELINE ? BASELINE : null;
      const by = params.get('by') === 'size_class' ? 'size_class' : null;
      return { nav: 'figur', view: figureView(number, wave, by, compare), render: () => renderFigure(main, number, wave, by, compare) };
    }
    case 'kommune': {
      const map = /^[0-9]{4}$/.test(params.get('map') ?? '') ? params.get('map') : null;
      const view = parts[1] ? `kommune/${parts[1]}${map ? `?map=${map}` : ''}` : 'kommune';
      return { nav: 'kommune', view, render: () => renderRespondent(main, parts[1], map) };
    }
    default:
      return { nav: 'oversikt', view: 'oversikt', render: () => renderOverview(main) };
  }
}

/** A selector finding the same control after a re-render, or null when focus is not on one in <main>. */
function controlSelector(element) {
  if (!element || !main.contains(element)) return null;
  if (element.id) return `#${CSS.escape(element.id)}`;
  if (element.name && element.value) return `${element.tagName.toLowerCase()}[name="${CSS.escape(element.name)}"][value="${CSS.escape(element.value)}"]`;
  return null;
}

async function route() {
  const sequence = ++renderSequence;
  const focusedControl = controlSelector(document.activeElement);
  const current = parseRoute();
  main.dataset.state = 'loading';
  main.dataset.view = current.view;
  main.setAttribute('aria-busy', 'true');
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === current.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  try {
    const title = await current.render();
    if (sequence !== renderSequence) return;
    document.title = `${title} – BetaKomm`;
    main.dataset.state = 'ready';
  } catch (error) {
    if (sequence !== renderSequence) return;
    main.replaceChildren(h('h1', { tabindex: '-1' }, 'Noe gikk galt'), h('p', { class: 'error', role: 'alert' }, error.message));
    document.title = 'Feil – BetaKomm';
    main.dataset.state = 'error';
  }
  main.removeAttribute('aria-busy');
  // A control that navigated (figure picker, wave switch) keeps focus in the re-rendered view, so
  // arrow keys go on working; any other navigation moves focus to the new heading.
  const again = focusedControl && main.querySelector(focusedControl);
  if (again) again.focus();
  else if (routedOnce) main.querySelector('h1')?.focus();
  routedOnce = true;
}

window.addEventListener('hashchange', route);
route();
