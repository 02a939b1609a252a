/**
 * `list.filter(item => item.a === x && item.b === y)` for large estates: the items are grouped by the
 * named fields once per list, so a check that looks things up per resource stays linear in the estate.
 * Items come back in list order, like `filter`; `whereEqual(...)[0]` is the `find`.
 */
type Criteria<T> = { [K in keyof T]?: T[K] };

const indexes = new WeakMap<readonly object[], Map<string, Map<string, object[]>>>();

/** Joins field values into one key; a null or undefined value never collides with a string. */
function keyOf(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : `\u0000${String(value)}`)).join('\u0001');
}

export function whereEqual<T extends object>(list: readonly T[], criteria: Criteria<T>): readonly T[] {
  const fields = Object.keys(criteria) as (keyof T)[];
  let byFields = indexes.get(list);
  if (!byFields) {
    byFields = new Map();
    indexes.set(list, byFields);
  }
  const fieldsKey = fields.join('\u0001');
  let index = byFields.get(fieldsKey) as Map<string, T[]> | undefined;
  if (!index) {
    index = new Map();
    for (const item of list) {
      const key = keyOf(fields.map((field) => item[field]));
      const group = index.get(key);
      if (group) group.push(item);
      else index.set(key, [item]);
    }
    byFields.set(fieldsKey, index as Map<string, object[]>);
  }
  return index.get(keyOf(fields.map((field) => criteria[field]))) ?? [];
}
