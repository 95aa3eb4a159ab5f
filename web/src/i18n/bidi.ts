/**
 * Isolates user-entered text (a name, a unit) inside a translated sentence or a label, with the
 * Unicode first-strong isolate: "أنا (Nadia (éducatrice paire))" keeps its parentheses in
 * Arabic, and a Latin "Casablanca (CASA)" keeps its closing parenthesis at its end. Works where
 * `<bdi>` cannot go: option labels of native selects, attribute values.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
