// The one list query behind GET /api/integrations, GET /api/integrations/all and the admin
// dashboard: filters, a whitelisted sort, keyset paging and the total count. Which index a page is
// read through, and which ranges of it, list-plan.ts decides from the totals the writers keep
// (list-stats.ts); list-reads.ts reads the page's ids there, then their rows.
// tests/database/list-explain.test.ts checks the plans.
import "server-only";
import { count } from "drizzle-orm";
import { db } from "@/db";
import { integrationSubmissions as t, type IntegrationSubmission } from "@/db/schema";
import { findUserByEmail } from "@/lib/auth/accounts";
import { AppError, errors } from "@/lib/http/errors";
import { decodeCursor, encodeCursor, type Cursor, type CursorValue } from "./keyset-cursor";
import { cheapestPlan } from "./list-plan";
import { attentionIdQuery, filterOf, idQuery, rowsById, type ListFilter } from "./list-reads";
import { listStats, windowShare } from "./list-stats";
import { sortKeys, type ListQuery, type SortKey } from "./schemas";
import { toIntegrationDto, type IntegrationDto } from "./serialize";

/** Everything, or one owner's submissions. */
export type ListScope = { all: true } | { userId: number };

export interface ListPage {
  integrations: IntegrationDto[];
  count: number;
  nextCursor: string | null;
  /** The page before this one, in the same order; null on the first page. */
  prevCursor: string | null;
}

// A search whose page would read more rows than this through the clustered index for each row it
// can return (counting at least MIN_PAGE) has its matches too thinly spread in every index range
// that could list them: at a million rows a page of 50 would take over 50 ms (docs/benchmarks.md),
// so it is answered at once with a hint to narrow the search instead. Filters without a search
// always have a dense or a small index range.
const MAX_READS_PER_ROW = 30;
const MIN_PAGE = 50;

// A page reads its rows CHUNK at a time and holds at most PAGE_DATA_BUDGET bytes of sealed data
// (at least one row): with 32 KiB of data allowed per submission, a 1,000-row page could be
// 44 MB, and a few of those at once would fill the heap npm start gives a process (256 MB). A
// page cut short still carries nextCursor; typical rows (a few hundred bytes) never hit it.
const CHUNK = 100;
const PAGE_DATA_BUDGET = 2 * 2 ** 20;

export async function listIntegrations(scope: ListScope, query: ListQuery): Promise<ListPage> {
  const queries = await listQueries(scope, query);
  if (!queries) return { integrations: [], count: 0, nextCursor: null, prevCursor: null };
  if (queries.tooBroad) throw queries.tooBroad;
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
      for (const row of chunk.rows) {
        if (rows.length > 0 && bytes + row.data.length > PAGE_DATA_BUDGET) {
          full = true;
          break;
        }
        bytes += row.data.length;
        rows.push(row);
        position = { value: row[queries.sort], id: row.id };
      }
      if (!full) position = chunk.end ?? position;
      const more = full || chunk.more;
      if (!more || full || rows.length === query.limit)
        return { rows: backward ? rows.reverse() : rows, more };
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
    prevCursor: (backward ? more : queries.start !== undefined)
      ? cursorAt(rows[0], { backward: true })
      : null,
  };
}

/**
 * Every matching row in list order, a batch at a time (no count, nothing held beyond a batch;
 * 200 rows keeps even rows at their 32 KiB data limit to a few MB).
 */
export async function* eachIntegration(
  scope: ListScope,
  query: Omit<ListQuery, "limit" | "cursor">,
  batch = 200,
) {
  const queries = await listQueries(scope, { ...query, limit: batch });
  if (!queries) return;
  let position: Cursor | undefined;
  for (;;) {
    const { rows, more, end } = await queries.pageAfter(position, batch);
    yield rows.map((row) => toIntegrationDto(row));
    if (!more || !end) return;
    position = end;
  }
}

function searchTooBroad(matches: number, dated: boolean): AppError {
  const message = `matches ${matches} submissions${dated ? " (dates aside)" : ""} spread too thinly in every index that could list them in this order to page through quickly; search for more of a name, type or email, add a status, type or owner filter, or sort by another column`;
  return new AppError(400, "search_too_broad", "The search is too broad to list; narrow it", [
    { field: "q", message },
  ]);
}

/**
 * The plan of a list (list-plan.ts) and its page query, not yet run; null when nothing can match
 * (the named owner does not exist, or no group matches the filter). Exported so the plans can be
 * checked against a large table.
 */
export async function listQueries(scope: ListScope, query: ListQuery) {
  const owner = await ownerFilter(scope, query.userId);
  const { sort, descending } = parseSort(query.sort);
  const column = t[sort];
  const q = query.q?.trim() || undefined;
  // The cursor is checked before any early answer: a tampered one is a 400 even for a list
  // that turns out empty. (An unknown owner must not serialize like no owner filter, null.)
  const context = JSON.stringify([
    scope,
    owner === null ? "unknown owner" : owner,
    query.status?.toSorted(),
    query.type,
    q,
    query.from,
    query.to,
    query.sort,
    query.connection,
  ]);
  const start = query.cursor ? decodeCursor(query.cursor, sort, context) : undefined;
  if (owner === null) return null;

  const filter: ListFilter = {
    owner,
    statuses: query.status,
    type: query.type,
    q,
    from: query.from ? new Date(`${query.from}T00:00:00.000Z`) : undefined,
    to: query.to ? new Date(Date.parse(`${query.to}T00:00:00.000Z`) + 86_400_000) : undefined,
    attention: query.connection === "attention",
  };
  const dated = filter.from !== undefined || filter.to !== undefined;
  const [stats, window] = await Promise.all([
    listStats({ userId: owner, statuses: query.status, type: query.type, q }, sort),
    dated ? windowShare(filter.from, filter.to) : undefined,
  ]);
  if (stats.matches === 0) return null;
  const fixes = {
    ...(owner !== undefined && { userId: "one" as const }),
    ...(query.status && { status: query.status.length === 1 ? ("one" as const) : ("several" as const) }),
    ...(query.type !== undefined && { integrationType: "one" as const }),
  };
  const plan = cheapestPlan(sort, stats, query.limit, { fixes, search: q !== undefined, window });
  if (!plan) throw new Error(`No index can serve the sort ${sort}.`);
  const order = { sort, descending };
  // The connections that need attention are read through their own small range, not a plan.
  const pageIds = (position: Cursor | undefined, limit: number, reverse = false) =>
    filter.attention
      ? attentionIdQuery(order, filter, position, limit, reverse)
      : idQuery(plan, order, filter, position, limit, reverse);
  /** `limit` rows after a position: their ids through the plan, then the rows. */
  const pageAfter = async (position: Cursor | undefined, limit: number, reverse = false) => {
    const [found] = (await db().execute(pageIds(position, limit, reverse))) as unknown as [
      Record<string, unknown>[],
    ];
    const ids = found.slice(0, limit).map((row) => Number(row[t.id.name]));
    const last = found[ids.length - 1];
    return {
      // A row that left the filter since its id was read is dropped; paging goes on past it.
      rows: await rowsById(ids, filter),
      more: found.length > limit,
      end: last && {
        value: column.mapFromDriverValue(last[column.name] as string) as CursorValue,
        id: Number(last[t.id.name]),
      },
    };
  };
  const countQuery = db().select({ n: count() }).from(t).where(filterOf(filter));
  return {
    sort,
    context,
    start,
    plan,
    pageAfter,
    /** The statement that reads a page's ids (for EXPLAIN). */
    idQuery: pageIds,
    count: countQuery,
    /** For a search whose matches no index range holds densely enough to page through quickly: the answer. */
    tooBroad:
      q !== undefined &&
      !filter.attention &&
      plan.cost > MAX_READS_PER_ROW * Math.max(Math.min(query.limit, stats.matches), MIN_PAGE)
        ? searchTooBroad(stats.matches, dated)
        : undefined,
    /** The number of matching rows: from the groups unless dates or connections filter (then counted). */
    total: async () => {
      if (!dated && !filter.attention) return stats.matches;
      const [row] = await countQuery;
      return row?.n ?? 0;
    },
  };
}

/** The owner id to filter on: undefined for none, null when the named owner does not exist. */
async function ownerFilter(scope: ListScope, userId: string | undefined): Promise<number | null | undefined> {
  if ("userId" in scope) return scope.userId;
  if (userId === undefined) return undefined;
  if (/^\d+$/.test(userId)) return Number(userId);
  return (await findUserByEmail(userId))?.id ?? null;
}

function parseSort(value: ListQuery["sort"]): { sort: SortKey; descending: boolean } {
  const descending = value.startsWith("-");
  const sort = sortKeys.find((key) => key === (descending ? value.slice(1) : value));
  if (!sort) throw errors.validation([{ field: "sort", message: "is not a sort key" }]);
  return { sort, descending };
}
