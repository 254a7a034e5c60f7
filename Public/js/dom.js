/// Small DOM helpers: build elements without innerHTML so API text is never parsed as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

function applyAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  return node;
}

/** An HTML element: `h('a', {href: '#/'}, 'text', child)`. */
export function h(tag, attributes, ...children) {
  return append(applyAttributes(document.createElement(tag), attributes), children);
}

/** An SVG element, same shape as `h`. */
export function s(tag, attributes, ...children) {
  return append(applyAttributes(document.createElementNS(SVG_NS, tag), attributes), children);
}

/** Norwegian number formatting: 5 000, 0,5. */
const integerFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
export function formatNumber(value) {
  return integerFormat.format(value);
}

export function formatPercent(value) {
  return `${integerFormat.format(value)} %`;
}

/** The wording the report uses for a cell hidden by small-cell suppression. */
export const SUPPRESSED_TEXT = 'skjult – for få svar';
