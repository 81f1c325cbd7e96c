// Small DOM helpers for the checkout window. Text goes in through
// textContent only, never innerHTML: order names, buyer names and error
// messages come from the merchant and must not become markup.

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export const nextId = (prefix: string): string => `${prefix}-${++idCounter}`;

/** A labelled form field: the label's `for` points at the control. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || nextId('field');
  control.id = id;
  const children: Child[] = [el('label', { for: id }, label), control];
  if (hint) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    children.push(el('p', { class: 'hint', id: hintId }, hint));
  }
  return el('div', { class: 'field' }, ...children);
}

export function select(options: Array<[value: string, label: string]>, attributes: Record<string, string | undefined> = {}, chosen?: string): HTMLSelectElement {
  const element = el('select', attributes);
  for (const [value, label] of options) {
    const option = el('option', { value }, label);
    if (value === chosen) option.selected = true;
    element.append(option);
  }
  return element;
}

export function button(label: string, attributes: Record<string, string | undefined> = {}): HTMLButtonElement {
  return el('button', { type: 'button', ...attributes }, label);
}
