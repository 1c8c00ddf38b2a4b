// The one list query behind GET /api/integrations, GET /api/integrations/all and the admin
// dashboard: filters, a whitelisted sort, keyset paging and the total count.
//
// Paging continues after the last row with `key < ? OR (key = ? AND id < ?)` rather than a
// row-constructor comparison, which MariaDB does not turn into an index range. Every sort key
// has an index, and each filter one that continues with the time sorts (see the schema), so a
// page is one index read; tests/database/list-explain.test.ts checks the plans.
import "server-only";
import { and, asc, count, desc, eq, gt, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { containing } from "@/db/contains";
import { integrationSubmissions as t, statuses, type IntegrationSubmission } from "@/db/schema";
import { findUserByEmail } from "@/lib/auth/accounts";
import { errors } from "@/lib/http/errors";
import { decodeCursor, encodeCursor, type Cursor, type CursorValue } from "./keyset-cursor";
import { sortKeys, type ListQuery, type SortKey } from "./schemas";
import { toIntegrationDto, type IntegrationDto } from "./serialize";
import { countFromGroups, countFromTotals, type GroupFilter } from "./counts";
import { searchNarrowing } from "./search-narrowing";

/** Everything, or one owner's submissions. */
export type ListScope = { all: true } | { userId: number };

export interface ListPage {
  integrations: IntegrationDto[];
  count: number;
  nextCursor: string | null;
  /** The page before this one, in the same order; null on the first page. */
  prevCursor: string | null;
}

const SORT_COLUMNS = {
  submittedAt: t.submittedAt,
  updatedAt: t.updatedAt,
  status: t.status,
  integrationName: t.integrationName,
  userEmail: t.userEmail,
} as const;

// A page reads its rows CHUNK at a time and holds at most PAGE_DATA_BUDGET bytes of sealed data
// (at least one row): with 32 KiB of data allowed per submission, a 1,000-row page could be
// 44 MB, and a few of those at once would fill the heap npm start gives a process (256 MB). A
// page cut short still carries nextCursor; typical rows (a few hundred bytes) never hit it.
const CHUNK = 100;
const PAGE_DATA_BUDGET = 2 * 2 ** 20;

export async function listIntegrations(scope: ListScope, query: ListQuery): Promise<ListPage> {
  const queries = await listQueries(scope, query);
  if (!queries) return { integrations: [], count: 0, nextCursor: null, prevCursor: null };
  const backward = queries.start?.backward === true;
  // A backward page is read from its end towards the start of the list, then turned around.
  const collect = async () => {
    const rows: IntegrationSubmission[] = [];
    let bytes = 0;
    let position = queries.start;
    for (;;) {
      const wanted = Math.min(CHUNK, query.limit - rows.length);
      const chunk = await queries.pageAfter(position, wanted, backward);
      let full = false;
      for (const row of chunk.slice(0, wanted)) {
        if (rows.length > 0 && bytes + row.data.length > PAGE_DATA_BUDGET) {
          full = true;
          break;
        }
        bytes += row.data.length;
        rows.push(row);
        position = { value: row[queries.sort], id: row.id };
      }
      const more = full || chunk.length > wanted;
      if (!more || full || rows.length === query.limit) return { rows: backward ? rows.reverse() : rows, more };
    }
  };
  const [{ rows, more }, count] = await Promise.all([collect(), queries.total()]);
  // Back at the start of the list: the first page proper, full even if rows left the filter.
  if (backward && !more) return listIntegrations(scope, { ...query, cursor: undefined });
  const cursorAt = (row: IntegrationSubmission | undefined, direction: { backward?: true } = {}) =>
    row ? encodeCursor({ value: row[queries.sort], id: row.id, ...direction }, queries.context) : null;
  return {
    integrations: rows.map((row) => toIntegrationDto(row)),
    count,
    // Going forward, rows follow if more were read; going back, the page's own start follows.
    nextCursor: backward || more ? cursorAt(rows.at(-1)) : null,
    prevCursor: (backward ? more : queries.start !== undefined) ? cursorAt(rows[0], { backward: true }) : null,
  };
}

/**
 * Every matching row in list order, a batch at a time (no count, nothing held beyond a batch;
 * 200 rows keeps even rows at their 32 KiB data limit to a few MB).
 */
export async function* eachIntegration(scope: ListScope, query: Omit<ListQuery, "limit" | "cursor">, batch = 200) {
  const queries = await listQueries(scope, { ...query, limit: batch });
  if (!queries) return;
  let position: Cursor | undefined;
  for (;;) {
    const rows = await queries.pageAfter(position, batch);
    const page = rows.slice(0, batch);
    yield page.map((row) => toIntegrationDto(row));
    const last = page.at(-1);
    if (rows.length <= batch || !last) return;
    position = { value: last[queries.sort], id: last.id };
  }
}

/**
 * The page query (one row more than asked, to know whether another page follows) and the
 * count query, not yet run; null when nothing can match (the named owner does not exist, or no
 * submission matches the search). Exported so the query plans can be checked against a large
 * table.
 */
export async function listQueries(scope: ListScope, query: ListQuery) {
  const owner = await ownerFilter(scope, query.userId);
  const { sort, descending } = parseSort(query.sort);
  const column = SORT_COLUMNS[sort];
  const q = query.q?.trim() || undefined;
  // The cursor is checked before any early answer: a tampered one is a 400 even for a list
  // that turns out empty. (An unknown owner must not serialize like no owner filter, null.)
  const context = JSON.stringify([scope, owner === null ? "unknown owner" : owner, query.status?.toSorted(), query.type, q, query.from, query.to, query.sort]);
  const start = query.cursor ? decodeCursor(query.cursor, sort, context) : undefined;
  if (owner === null) return null;

  const grouped: GroupFilter = { userId: owner, statuses: query.status, type: query.type, q };
  const narrowing = q ? await searchNarrowing(grouped) : undefined;
  if (narrowing === null) return null;
  const filters: (SQL | undefined)[] = [
    owner === undefined ? undefined : eq(t.userId, owner),
    query.status?.length === 1
      ? eq(t.status, query.status[0]!)
      : query.status
        ? inArray(t.status, query.status)
        : undefined,
    query.type ? eq(t.integrationType, query.type) : undefined,
    q ? containing([t.integrationName, t.integrationType, t.userEmail], q) : undefined,
    narrowing?.condition,
    query.from ? gte(t.submittedAt, new Date(`${query.from}T00:00:00.000Z`)) : undefined,
    query.to ? lt(t.submittedAt, new Date(Date.parse(`${query.to}T00:00:00.000Z`) + 86_400_000)) : undefined,
  ];
  // Reading backward walks the same order in reverse: the comparisons and the sort flip.
  const after = (c: Cursor, reverse: boolean) => {
    const down = descending !== reverse;
    return or(beyond(sort, down, c.value), and(eq(column, c.value), (down ? lt : gt)(t.id, c.id)));
  };
  const ignoreIndex = misleadingIndexes(sort, {
    type: query.type !== undefined || (narrowing?.column === "integrationType" && narrowing.single),
    owner: owner !== undefined || (narrowing?.column === "userId" && narrowing.single),
  });
  const countFrom: "totals" | "groups" | "rows" =
    query.from || query.to ? "rows" : owner === undefined && !q ? "totals" : "groups";
  const countQuery = db()
    .select({ n: count() })
    .from(t)
    .where(and(...filters));
  /** `limit` rows after a position (one more, to know whether another follows); backward: before it, nearest first. */
  const pageAfter = (position: Cursor | undefined, limit: number, reverse = false) => {
    const order = descending !== reverse ? desc : asc;
    return db()
      .select()
      .from(t, { ignoreIndex })
      .where(and(...filters, position ? after(position, reverse) : undefined))
      .orderBy(order(column), order(t.id))
      .limit(limit + 1);
  };
  return {
    sort,
    context,
    start,
    pageAfter,
    page: pageAfter(start, query.limit, start?.backward),
    count: countQuery,
    countFrom,
    /** The number of matching rows: from the count tables unless dates filter (then counted). */
    total: async () => {
      if (countFrom === "totals") return countFromTotals(grouped);
      if (countFrom === "groups") return countFromGroups(grouped);
      const [row] = await countQuery;
      return row?.n ?? 0;
    },
  };
}

// The optimizer takes columns to be independent, but a name follows from its type and an email
// from its owner: to find one type's rows it would walk the whole name index from one end,
// reading most of a million rows before the first match (seconds). With such a filter the pair
// index, (type, name), (owner, email) or (type, email), serves the order instead.
function misleadingIndexes(sort: SortKey, filter: { type: boolean; owner: boolean }): string[] {
  if (sort === "integrationName" && filter.type) return ["is_name_idx"];
  if (sort === "userEmail" && (filter.owner || filter.type)) return ["is_email_idx"];
  return [];
}

/** The owner id to filter on: undefined for none, null when the named owner does not exist. */
async function ownerFilter(scope: ListScope, userId: string | undefined): Promise<number | null | undefined> {
  if ("userId" in scope) return scope.userId;
  if (userId === undefined) return undefined;
  if (/^\d+$/.test(userId)) return Number(userId);
  return (await findUserByEmail(userId))?.id ?? null;
}

// Rows whose sort key lies strictly beyond the cursor's. Status is an ENUM: it sorts in workflow
// order (its definition order), while comparing it to a string would compare text, so it is
// continued with the list of the statuses that come later.
function beyond(sort: SortKey, descending: boolean, value: CursorValue): SQL | undefined {
  if (sort !== "status") return (descending ? lt : gt)(SORT_COLUMNS[sort], value);
  const at = statuses.findIndex((status) => status === value);
  const later = descending ? statuses.slice(0, Math.max(at, 0)) : statuses.slice(at + 1);
  return later.length > 0 ? inArray(t.status, later) : undefined;
}

function parseSort(value: ListQuery["sort"]): { sort: SortKey; descending: boolean } {
  const descending = value.startsWith("-");
  const sort = sortKeys.find((key) => key === (descending ? value.slice(1) : value));
  if (!sort) throw errors.validation([{ field: "sort", message: "is not a sort key" }]);
  return { sort, descending };
}
