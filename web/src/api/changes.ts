/**
 * The fields of `edited` whose value differs from `saved`: what an edit form sends, so that a
 * change names exactly what the user changed (an empty object when nothing changed).
 */
export function changedFields<T extends object, K extends keyof T>(saved: T, edited: Pick<T, K>): Partial<Pick<T, K>> {
  const changes: Partial<Pick<T, K>> = {};
  for (const key of Object.keys(edited) as K[]) {
    if (edited[key] !== saved[key]) changes[key] = edited[key];
  }
  return changes;
}
