// The numbers a list is planned by (list-plan.ts), read from the tables the writers keep exact in
// their own transactions (counts.ts): which combinations of owner, email, type, name and status
// hold the submissions a filter matches, and how many (the list's count); every status and type
// total; every group of the owners and names among them, when few; and which columns a search
// matched through. A search (`q`, a substring, which no index can serve) is matched against the
// few thousand groups instead of the rows.
import "server-only";
import { and, eq, gt, inArray, max, min, sql, sum, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { containing } from "@/db/contains";
import {
  integrationSubmissions as t,
  submissionCounts as c,
  submissionGroups as g,
  type Status,
} from "@/db/schema";
import type { GroupColumn } from "./list-indexes";
import type { Group, GroupValue, PlanStats } from "./list-plan";
import type { SortKey } from "./schemas";

// A filter matching more groups than this is broad and its matches dense: status and type
// (submission_counts) are then enough to plan by, and reading the groups would cost more.
const MAX_GROUPS = 1_000;
// Beyond these many owners or names, their ranges are more than a plan reads as a list
// (list-plan.ts): their groups are not read.
const MAX_OWNERS = 50;
const MAX_NAMES = 200;

/** A list filter that submission_groups can answer: anything but dates. */
export interface GroupFilter {
  userId?: number;
  statuses?: Status[];
  type?: string;
  /** Substring of name, type or email. */
  q?: string;
}

const GROUP_FIELDS = {
  userId: g.userId,
  userEmail: g.userEmail,
  integrationType: g.integrationType,
  integrationName: g.integrationName,
  status: g.status,
  n: g.n,
};

/** The groups a filter selects (only those that still hold a submission). */
function groupsMatching(filter: GroupFilter): SQL | undefined {
  return and(
    gt(g.n, 0),
    filter.userId === undefined ? undefined : eq(g.userId, filter.userId),
    filter.statuses ? inArray(g.status, filter.statuses) : undefined,
    filter.type ? eq(g.integrationType, filter.type) : undefined,
    filter.q ? containing([g.integrationName, g.integrationType, g.userEmail], filter.q) : undefined,
  );
}

// The columns a search looks in.
const SEARCHED = ["userEmail", "integrationName", "integrationType"] as const;
type Searched = (typeof SEARCHED)[number];

const total = (groups: Group[]) => groups.reduce((n, group) => n + group.n, 0);

/** The groups holding submissions under a condition, or undefined when there are too many to read. */
async function groupsWhere(condition: SQL): Promise<Group[] | undefined> {
  const found = await db()
    .select(GROUP_FIELDS)
    .from(g)
    .where(and(gt(g.n, 0), condition))
    .limit(MAX_GROUPS + 1);
  return found.length <= MAX_GROUPS ? found : undefined;
}

export async function listStats(filter: GroupFilter, sort?: SortKey): Promise<PlanStats> {
  // Without an owner or a search, status and type are all a filter has: submission_counts knows.
  const fine = filter.userId !== undefined || filter.q !== undefined;
  const [counts, found] = await Promise.all([
    db()
      .select({
        status: c.status,
        integrationType: c.integrationType,
        n: sql<number>`sum(${c.n})`.mapWith(Number),
      })
      .from(c)
      .groupBy(c.status, c.integrationType)
      .having(sql`sum(${c.n}) > 0`),
    fine ? matchingGroups(filter) : undefined,
  ]);
  const fixed = (group: Group) =>
    (!filter.statuses || filter.statuses.includes(group.status as Status)) &&
    (!filter.type || group.integrationType === filter.type);
  const coarse = counts.filter(fixed);
  const base = { counts, total: total(counts), unsearched: total(coarse), groups: coarse };
  if (!fine) return { ...base, matches: total(coarse), searched: [] };
  // A search sorted by a column it matched through has its matches together in that order: that
  // column's own values among them are ranges that hold them densely.
  const sortColumn = SEARCHED.find((column) => column === sort);
  if (!found) {
    const { matches, searched } = await searchTotals(filter);
    const listed =
      sortColumn && searched.includes(sortColumn) ? await listedValues(filter, sortColumn) : undefined;
    return { ...base, matches, searched, listed };
  }
  const searched = SEARCHED.filter(
    (column) => filter.q !== undefined && found.some((group) => group.hits[column]),
  );
  // Every group of the owners (a primary key range each) and, for a search that matched names,
  // of those names (sg_name_idx).
  const owners = [...new Set(found.map((group) => group.userId))];
  const names = [...new Set(found.map((group) => group.integrationName))];
  const [owned, named] = await Promise.all([
    owners.length > 0 && owners.length <= MAX_OWNERS ? groupsWhere(inArray(g.userId, owners)) : undefined,
    searched.includes("integrationName") && names.length <= MAX_NAMES
      ? groupsWhere(inArray(g.integrationName, names))
      : undefined,
  ]);
  const listed =
    sortColumn && searched.includes(sortColumn) && !(sortColumn === "userEmail" ? owned : named)
      ? await listedValues(filter, sortColumn, [...new Set(found.map((group) => group[sortColumn]))])
      : undefined;
  const ownersOwn = filter.userId === undefined ? undefined : owned?.filter(fixed);
  return {
    ...base,
    ...(ownersOwn && { unsearched: total(ownersOwn) }),
    matches: total(found),
    groups: found,
    owned,
    named,
    searched,
    listed,
  };
}

// Whether a group matched the search through a column (1 or 0).
const through = (column: Searched, q: string | undefined) =>
  sql<number>`${containing([g[column]], q ?? "")}`.mapWith(Number);

/** Every group the filter matches, with the columns it matched a search through; undefined when too many. */
async function matchingGroups(filter: GroupFilter) {
  const found = await db()
    .select({
      ...GROUP_FIELDS,
      hits: {
        userEmail: through("userEmail", filter.q),
        integrationName: through("integrationName", filter.q),
        integrationType: through("integrationType", filter.q),
      },
    })
    .from(g)
    .where(groupsMatching(filter))
    .limit(MAX_GROUPS + 1);
  return found.length <= MAX_GROUPS ? found : undefined;
}

/** For too many groups to read: the submissions they hold, and the columns any matched the search through. */
async function searchTotals(filter: GroupFilter): Promise<{ matches: number; searched: GroupColumn[] }> {
  const any = (column: Searched) => sql<number>`max(${through(column, filter.q)})`.mapWith(Number);
  const [row] = await db()
    .select({
      n: sum(g.n),
      hits: {
        userEmail: any("userEmail"),
        integrationName: any("integrationName"),
        integrationType: any("integrationType"),
      },
    })
    .from(g)
    .where(groupsMatching(filter));
  const searched = SEARCHED.filter((column) => filter.q !== undefined && row?.hits[column] === 1);
  return { matches: Number(row?.n ?? 0), searched };
}

/** A column's values among the matching groups (read unless given), if few, and the submissions they hold in all. */
async function listedValues(
  filter: GroupFilter,
  column: Searched,
  given?: GroupValue[],
): Promise<PlanStats["listed"]> {
  const values =
    given ??
    (
      await db()
        .selectDistinct({ value: g[column] })
        .from(g)
        .where(groupsMatching(filter))
        .limit(MAX_NAMES + 1)
    ).map(({ value }) => value);
  if (values.length > MAX_NAMES) return undefined;
  const [held] = await db()
    .select({ n: sum(g.n) })
    .from(g)
    .where(and(gt(g.n, 0), inArray(g[column], values as string[])));
  return { column, values, rows: Number(held?.n ?? 0) };
}

/**
 * The share of all submissions submitted in [from, to), taking them as spread evenly between the
 * first and the last (two reads at the ends of is_submitted_idx).
 */
export async function windowShare(from: Date | undefined, to: Date | undefined): Promise<number> {
  const [row] = await db()
    .select({ first: min(t.submittedAt), last: max(t.submittedAt) })
    .from(t);
  if (!row?.first || !row.last) return 0;
  const start = row.first.getTime();
  const end = row.last.getTime() + 1;
  const inside = Math.min(to?.getTime() ?? end, end) - Math.max(from?.getTime() ?? start, start);
  return Math.max(inside, 0) / (end - start);
}
