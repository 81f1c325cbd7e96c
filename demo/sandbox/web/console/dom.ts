// Small DOM helpers for the console page. Text always goes in through
// textContent, never innerHTML, so data from the API cannot inject markup.

export function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`console page: missing [data-testid=${id}]`);
  return element;
}

export function show(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}

type Child = Node | string | null | undefined;

export function el(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

export function button(label: string, testId: string, onClick: () => void, extra: Record<string, string> = {}): HTMLElement {
  const element = el('button', { type: 'button', 'data-testid': testId, ...extra }, label);
  element.addEventListener('click', onClick);
  return element;
}

/** Replaces a tbody's rows; shows one row with `emptyText` when there are none. */
export function fillRows(tbody: HTMLElement, rows: HTMLElement[], columns: number, emptyText: string): void {
  tbody.replaceChildren(...(rows.length > 0 ? rows : [el('tr', {}, el('td', { colspan: String(columns), class: 'muted' }, emptyText))]));
}

export function formValue(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name);
  return field instanceof HTMLInputElement || field instanceof HTMLSelectElement ? field.value : '';
}
