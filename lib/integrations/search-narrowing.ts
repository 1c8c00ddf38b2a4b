// Search (`q`) is a substring match, which no index can serve. The few thousand rows of
// submission_groups can, though: every submission that matches lies in a matching group, so its
// owner, type and name are among those groups' values. One of those value lists, added to the
// page query next to the LIKE, turns "scan a million rows" into index ranges; the LIKE keeps the
// answer exact.
import "server-only";
import { and, inArray, sum, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { integrationSubmissions as t, submissionGroups as g } from "@/db/schema";
import { groupsMatching, type GroupFilter } from "./counts";

// Beyond this a list stops narrowing much and only lengthens the statement.
const MAX_VALUES = 100;

const COLUMNS = [
  ["userId", t.userId, g.userId],
  ["integrationType", t.integrationType, g.integrationType],
  ["integrationName", t.integrationName, g.integrationName],
] as const;

export interface Narrowing {
  column: (typeof COLUMNS)[number][0];
  condition: SQL;
  /** One value only: the column is then as good as an equality filter. */
  single: boolean;
}

/**
 * The condition on submissions that a search implies and that selects the fewest rows; null when
 * no submission matches, undefined when no list is short enough to help.
 */
export async function searchNarrowing(filter: GroupFilter): Promise<Narrowing | null | undefined> {
  const matching = groupsMatching(filter);
  const lists = await Promise.all(
    COLUMNS.map(async ([name, column, groupColumn]) => {
      const rows = await db().selectDistinct({ value: groupColumn }).from(g).where(matching).limit(MAX_VALUES + 1);
      return { name, column, groupColumn, values: rows.map((row) => row.value) };
    }),
  );
  // Every list is empty at once when no group matches.
  if (lists[0]!.values.length === 0) return null;
  // Only one list: given several correlated ones (a type and its name) the optimizer intersects
  // indexes and sorts instead of reading one range in order. The one whose values cover the
  // fewest submissions under the other filters wins.
  const unsearched = groupsMatching({ ...filter, q: undefined });
  const covered = async (condition?: SQL) => {
    const [row] = await db().select({ n: sum(g.n) }).from(g).where(and(unsearched, condition));
    return Number(row?.n ?? 0);
  };
  const [all, ...candidates] = await Promise.all([
    covered(),
    ...lists
      .filter(({ values }) => values.length <= MAX_VALUES)
      .map(async ({ name, column, groupColumn, values }) => ({
        column: name,
        condition: inArray(column, values),
        single: values.length === 1,
        rows: await covered(inArray(groupColumn, values)),
      })),
  ]);
  const best = candidates.sort((a, b) => a.rows - b.rows)[0];
  // A list that keeps most rows narrows nothing; the page then reads its sort index, where
  // matches are dense, as it would without a search.
  if (!best || best.rows * 2 > all) return undefined;
  return { column: best.column, condition: best.condition, single: best.single };
}
