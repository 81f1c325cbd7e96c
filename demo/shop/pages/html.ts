// A tiny escaping template for the shop's server-rendered pages:
//   html`<p>${userText}</p>`   escapes userText;
//   nested html`` fragments and arrays of them are inserted as they are.
// Every value that is not already a fragment is escaped, so forgetting to
// escape is not possible.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Text the server itself wrote and knows to be markup-safe (e.g. a JSON import map). Never pass input through this. */
export function trusted(text: string): Html {
  return new Html(text);
}
