// The SQL of a list plan (list-plan.ts). A page's ids come from the plan's index (`a`, named with
// FORCE INDEX), range by range in sort order, each part of a UNION reading its own ranges. A fixed
// column the ranges leave open is checked by a probe into another index (`p0`, `p1`, … joined by
// id, an index read), and only what no index holds (a search, a date outside the index, a sort key
// a sorted read needs) by joining the row itself (`r`), after the probes. STRAIGHT_JOIN keeps the
// walked index first, so its order is the page's. Then the page's rows are read by primary key.
//
// Paging continues after the last row with `key < ? OR (key = ? AND id < ?)` rather than a
// row-constructor comparison, which MariaDB does not turn into an index range.
import "server-only";
import { and, eq, getTableName, gt, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias, type MySqlColumn } from "drizzle-orm/mysql-core";
import { db } from "@/db";
import { containing } from "@/db/contains";
import { integrationSubmissions as t, statuses, type IntegrationSubmission, type Status } from "@/db/schema";
import { attentionStatuses } from "./connection-status";
import type { Cursor, CursorValue } from "./keyset-cursor";
import type { Fixed, IndexColumn } from "./list-indexes";
import { inTuples, type GroupValue, type Plan } from "./list-plan";
import type { SortKey } from "./schemas";

type Columns = Record<IndexColumn, MySqlColumn>;

export interface ListFilter {
  owner?: number;
  statuses?: Status[];
  type?: string;
  q?: string;
  from?: Date;
  to?: Date;
  /** Only connections that need attention (failed, needs_reauth). */
  attention?: boolean;
}

export interface Order {
  sort: SortKey;
  descending: boolean;
}

/** The filter's conditions on one table or alias, by the column (or what) each looks at. */
function conditionsOn(x: Columns, filter: ListFilter) {
  const fixed: Record<Fixed, SQL | undefined> = {
    userId: filter.owner === undefined ? undefined : eq(x.userId, filter.owner),
    status: filter.statuses && inArray(x.status, filter.statuses),
    integrationType: filter.type === undefined ? undefined : eq(x.integrationType, filter.type),
  };
  return {
    fixed,
    search:
      filter.q === undefined
        ? undefined
        : containing([x.integrationName, x.integrationType, x.userEmail], filter.q),
    dates: and(filter.from && gte(x.submittedAt, filter.from), filter.to && lt(x.submittedAt, filter.to)),
  };
}

/** The whole filter on the table itself. */
export function filterOf(filter: ListFilter): SQL | undefined {
  const on = conditionsOn(t, filter);
  return and(
    ...Object.values(on.fixed),
    on.search,
    on.dates,
    filter.attention ? inArray(t.connectionStatus, [...attentionStatuses]) : undefined,
  );
}

/**
 * A page of the connections that need attention: their index range (only checked rows are in it,
 * and of those only the failing ones), every other condition on the row, then sorted. Few rows
 * by nature, so no plan is needed; a backlog of thousands would sort them all on every page.
 */
export function attentionIdQuery(
  { sort, descending }: Order,
  filter: ListFilter,
  position: Cursor | undefined,
  limit: number,
  reverse = false,
): SQL {
  const down = descending !== reverse;
  const direction = sql.raw(down ? "desc" : "asc");
  const where = and(filterOf(filter), position && after(t, { sort, descending: down }, position));
  return sql`select ${t.id}, ${t[sort]} from ${sql.identifier(getTableName(t))} force index (is_connection_idx) where ${where} order by ${t[sort]} ${direction}, ${t.id} ${direction} limit ${limit + 1}`;
}

/**
 * The ids and sort values of `limit` rows after a position (one more, to know whether another
 * follows); backward: before it, nearest first.
 */
export function idQuery(
  plan: Plan,
  { sort, descending }: Order,
  filter: ListFilter,
  position: Cursor | undefined,
  limit: number,
  reverse = false,
): SQL {
  const a = alias(t, "a");
  const r = alias(t, "r");
  const down = descending !== reverse;
  const direction = sql.raw(down ? "desc" : "asc");
  const table = sql.identifier(getTableName(t));
  const onA = conditionsOn(a, filter);
  const onR = conditionsOn(r, filter);
  const probes = plan.probes.map((probe, i) => {
    const p = alias(t, `p${i}`);
    const on = and(
      conditionsOn(p, filter).fixed[probe.column],
      ...probe.keys.map((key) => eq(p[key], a[key])),
      eq(p.id, a.id),
    );
    return sql` straight_join ${table} as ${sql.identifier(`p${i}`)} force index (${sql.identifier(probe.index)}) on ${on}`;
  });
  const probed: Fixed[] = plan.probes.map((probe) => probe.column);
  // What the ranges leave to check: on the walked index where it holds the column, else on the row.
  const dates = plan.columns.includes("submittedAt") ? onA.dates : onR.dates;
  const checks = plan.exact
    ? [dates]
    : [
        ...(Object.keys(onR.fixed) as Fixed[])
          .filter((column) => !plan.shape.includes(column) && !probed.includes(column))
          .map((column) => onR.fixed[column]),
        onR.search,
        dates,
      ];
  const row = plan.onRow
    ? sql` straight_join ${table} as ${sql.identifier("r")} force index (primary) on ${eq(r.id, a.id)}`
    : sql``;
  // A sorted read through an index without the sort key takes it from the row.
  const keyed = plan.coversSort ? a : r;
  const key = keyed[sort];
  const parts = plan.parts.map((part) => {
    const where = and(
      rangesOf(plan, part, a),
      ...checks,
      position && after(keyed, { sort, descending: down }, position),
    );
    return sql`select ${a.id}, ${key} from ${table} as ${sql.identifier("a")} force index (${sql.identifier(plan.index)})${sql.join(probes)}${row}${where ? sql` where ${where}` : sql``} order by ${key} ${direction}, ${a.id} ${direction} limit ${limit + 1}`;
  });
  if (parts.length === 1) return parts[0]!;
  // The parts merged: the UNION's own ORDER BY sees plain values, so status sorts by its rank.
  const column = sql.identifier(t[sort].name);
  const merged =
    sort === "status"
      ? sql`field(${column}, ${sql.join(
          statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : column;
  return sql`${sql.join(
    parts.map((part) => sql`(${part})`),
    sql` union all `,
  )} order by ${merged} ${direction}, ${sql.identifier(t.id.name)} ${direction} limit ${limit + 1}`;
}

/** The rows of these ids, in their order, by primary key; one that left the filter meanwhile is dropped. */
export async function rowsById(ids: number[], filter: ListFilter): Promise<IntegrationSubmission[]> {
  if (ids.length === 0) return [];
  // Given the filter too, the optimizer may read an owner's or a status's whole range instead.
  const rows = await db()
    .select()
    .from(t, { forceIndex: "PRIMARY" })
    .where(and(inArray(t.id, ids), filterOf(filter)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Within one UNION part, the plan's ranges: the part's fixed values, then the lists under them. */
function rangesOf(plan: Plan, part: GroupValue[][], x: Columns): SQL | undefined {
  const fixed = plan.shape.slice(0, plan.split).map((column, i) => eq(x[column], part[0]![i]!));
  const rest = plan.shape.slice(plan.split);
  return and(
    ...fixed,
    inTuples(
      x,
      rest,
      part.map((tuple) => tuple.slice(plan.split)),
    ),
  );
}

/** Rows beyond a position in an order: strictly past its key, or on its key and past its id. */
function after(x: Columns, { sort, descending }: Order, position: Cursor): SQL | undefined {
  return or(
    beyond(x, sort, descending, position.value),
    and(eq(x[sort], position.value), (descending ? lt : gt)(x.id, position.id)),
  );
}

// Rows whose sort key lies strictly beyond the cursor's. Status is an ENUM: it sorts in workflow
// order (its definition order), while comparing it to a string would compare text, so it is
// continued with the list of the statuses that come later.
function beyond(x: Columns, sort: SortKey, descending: boolean, value: CursorValue): SQL | undefined {
  if (sort !== "status") return (descending ? lt : gt)(x[sort], value);
  const at = statuses.findIndex((status) => status === value);
  const later = descending ? statuses.slice(0, Math.max(at, 0)) : statuses.slice(at + 1);
  return later.length > 0 ? inArray(x.status, later) : undefined;
}
