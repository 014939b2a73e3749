// Ids live in Postgres `integer` columns; a larger one would make a query fail, not miss.
const MAX_ID = 2 ** 31 - 1;

/** Whether `id` can name a row at all; repositories answer "not found" for any other. */
export function isStorableId(id: number): boolean {
  return Number.isInteger(id) && id >= 1 && id <= MAX_ID;
}
