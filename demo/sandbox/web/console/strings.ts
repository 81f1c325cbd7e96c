// The page's texts, handed over by the server in a JSON island (no inline script under the CSP).
export type Strings = Record<string, string>;

export function readStrings(): { lang: string; t: (key: string) => string } {
  const island = document.getElementById('console-strings');
  const parsed = JSON.parse(island?.textContent ?? '{}') as { lang?: string; strings?: Strings };
  const strings = parsed.strings ?? {};
  return { lang: parsed.lang ?? 'ko', t: (key) => strings[key] ?? key };
}
