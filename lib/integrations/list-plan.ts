// Which index a list page is read through, which ranges of it, and what is checked outside them.
// MariaDB cannot choose this well by itself: it takes columns to be independent (an email follows
// from its owner, a name from its type), guesses what a LIKE keeps, and reads several ranges of
// one index in order only when they lie on the sort column. submission_groups can: it says exactly
// how many submissions each combination of owner, email, type, name and status holds, so what
// each way of reading a page (list-indexes.ts) costs is known before a row is read. Pure:
// list-stats.ts reads the numbers, list-reads.ts builds the SQL.
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { MySqlColumn } from "drizzle-orm/mysql-core";
import {
  candidates,
  probeFor,
  type Candidate,
  type Fixed,
  type GroupColumn,
  type Probe,
} from "./list-indexes";
import type { SortKey } from "./schemas";

export type GroupValue = string | number;
/**
 * A combination of group columns and how many submissions have it. Coarse ones (from
 * submission_counts) know only status and type.
 */
export type Group = Partial<Record<GroupColumn, GroupValue>> & { n: number };

// Costs in rows read through the clustered index (a row looked up, at a million rows mostly not
// in the buffer pool). An entry read from a secondary index alone costs a small fraction of that;
// every part of a UNION costs about one statement. Measured at a million rows (docs/benchmarks.md).
const INDEX_ENTRY = 0.05;
const UNION_PART = 2;
// Beyond these a UNION or an IN-list of ranges costs more to build and run than it saves.
const MAX_PARTS = 50;
const MAX_TUPLES = 200;

/** What plans are chosen by: read from the count tables (list-stats.ts). */
export interface PlanStats {
  /** Submissions matching the filter (dates aside). */
  matches: number;
  /** Combinations holding every match: the matching groups, or coarse status and type ones. */
  groups: Group[];
  /** Every status and type combination (coarse) with its number of submissions. */
  counts: Group[];
  /** Every group of the owners that `groups` name, when they are few enough to read. */
  owned?: Group[];
  /** Every group of the integration names that `groups` name, likewise. */
  named?: Group[];
  /** The columns a search matched through: an index in their order holds its matches together. */
  searched: GroupColumn[];
  /**
   * When the groups are too many to read and the search matched through the sort column: that
   * column's values among the matches, and how many submissions those values hold in all.
   */
  listed?: { column: GroupColumn; values: GroupValue[]; rows: number };
  /** Submissions in all, and those matching the filter's fixed columns (its search aside). */
  total: number;
  unsearched: number;
}

export interface Plan extends Candidate {
  /** UNION parts, each the value tuples of `shape` that share its first `split` values. */
  parts: GroupValue[][][];
  /** Every row of the ranges matches the filter (dates aside): nothing else needs checking. */
  exact: boolean;
  /** The fixed columns checked by index probes. */
  probes: Probe[];
  /** Some condition (a search, a date, a fixed column no probe serves) or the sort key needs the row. */
  onRow: boolean;
  /** Estimated index entries, probes and rows read for one page. */
  reads: number;
  /** The same, weighed: a row read through the clustered index counts 1, an index read INDEX_ENTRY. */
  cost: number;
}

const keyOf = (values: unknown[]) => values.join("\u0000");

/** What a filter asks beyond the groups' ranges. */
export interface PlanFilter {
  /**
   * The columns it fixes (owner, status, type), and to one value or several. Outside the ranges,
   * a column fixed to one value is checked by an index probe where an index allows.
   */
  fixes: Partial<Record<Fixed, "one" | "several">>;
  /** A search: outside exact ranges, a check on the row itself. */
  search: boolean;
  /** The share of all submissions inside its date window, if it has one (the groups hold no dates). */
  window?: number;
}

/**
 * The way of reading a page of `limit` that reads the fewest rows. Undefined only when no group
 * matches.
 */
export function cheapestPlan(
  sort: SortKey,
  stats: PlanStats,
  limit: number,
  filter: PlanFilter,
): Plan | undefined {
  const { listed } = stats;
  const isListed = (shape: GroupColumn[]) =>
    listed !== undefined && shape.length === 1 && shape[0] === listed.column;
  const tuplesOf = memo((shape: GroupColumn[]) =>
    isListed(shape) ? listed!.values.map((value) => [value]) : distinct(stats.groups, shape),
  );
  const totalOf = memo((shape: GroupColumn[]) =>
    isListed(shape) ? { rows: listed!.rows, bound: false } : rangeTotal(stats, shape, tuplesOf(shape)!),
  );
  const { window } = filter;
  const share = window ?? 1;
  const matches = Math.max(stats.matches * share, 1);
  const page = limit + 1;
  let best: Plan | undefined;
  for (const candidate of candidates(sort)) {
    const tuples = tuplesOf(candidate.shape);
    if (!tuples || tuples.length > MAX_TUPLES) continue;
    const parts = partsOf(tuples, candidate.split);
    if (parts.length > MAX_PARTS) continue;
    const total = totalOf(candidate.shape);
    if (!total) continue;
    // A date window is part of the ranges of an index that continues with submittedAt, and
    // otherwise a check on each entry (on the entry itself if the index holds submittedAt).
    const windowed = window !== undefined && candidate.bySubmitted;
    const rows = total.rows * (windowed ? share : 1);
    const exact = !total.bound && total.rows === stats.matches && (window === undefined || windowed);
    // Outside exact ranges every fixed column is checked: by a probe into another index where one
    // has it beside the walked index's columns (an index read, no row), else on the row.
    const checked = exact
      ? []
      : (Object.keys(filter.fixes) as Fixed[]).filter((column) => !candidate.shape.includes(column));
    // (A probe for one of several values would read a range of the probed index for each entry.)
    const probes = checked.flatMap((column) =>
      filter.fixes[column] === "one" ? (probeFor(column, candidate.columns) ?? []) : [],
    );
    const onRow =
      probes.length < checked.length ||
      (!exact && filter.search) ||
      (window !== undefined && !candidate.columns.includes("submittedAt")) ||
      (candidate.sorted && !candidate.coversSort);
    // A walk takes matches to be spread evenly through its ranges. Not so in the order of a column
    // a search matched through (its matches lie together), nor, under a date window, in that of
    // updatedAt (which follows submittedAt): a walk may read every range before the first match.
    const clustered =
      !candidate.sorted &&
      !candidate.shape.includes(sort as GroupColumn) &&
      (stats.searched.includes(sort as GroupColumn) ||
        (window !== undefined && !windowed && sort === "updatedAt"));
    const entries = candidate.sorted
      ? rows
      : exact
        ? parts.length * page
        : clustered
          ? rows
          : Math.min(rows, (parts.length * page * rows) / matches);
    // Rows read: of the entries, those that pass the probes (the fixed columns' share of the ranges).
    const passing = probes.length > 0 ? Math.min(1, (stats.unsearched * share) / Math.max(rows, 1)) : 1;
    const rowsRead = onRow ? entries * passing : 0;
    const cost =
      entries * INDEX_ENTRY * (1 + probes.length) +
      rowsRead +
      // Sorting costs about as much again as reading the entries.
      (candidate.sorted ? entries * INDEX_ENTRY : 0) +
      parts.length * UNION_PART;
    const reads = entries * (1 + probes.length) + rowsRead;
    if (!best || cost < best.cost) best = { ...candidate, parts, exact, probes, onRow, reads, cost };
  }
  return best;
}

const COARSE: GroupColumn[] = ["status", "integrationType"];

/**
 * How many submissions the ranges over `tuples` hold: submission_counts knows status and type,
 * the owners' and the names' own groups know the rest. (An email's ranges are counted from its
 * owner's groups: were another owner's rows to carry the same email, the plan would take the
 * ranges for exact and read a few rows that the page then drops.) Without the names' groups, a
 * name's ranges are bounded by the status and type ranges around them (`bound`: an over-estimate,
 * which proves nothing exact).
 */
function rangeTotal(
  stats: PlanStats,
  shape: GroupColumn[],
  tuples: GroupValue[][],
): { rows: number; bound: boolean } | undefined {
  const sumOver = (groups: Group[], columns: GroupColumn[], wanted: GroupValue[][]) => {
    const keys = new Set(wanted.map(keyOf));
    return groups.reduce((n, group) => (keys.has(keyOf(columns.map((c) => group[c]))) ? n + group.n : n), 0);
  };
  if (shape.includes("userId") || shape.includes("userEmail"))
    return stats.owned && { rows: sumOver(stats.owned, shape, tuples), bound: false };
  if (shape.includes("integrationName") && stats.named)
    return { rows: sumOver(stats.named, shape, tuples), bound: false };
  const coarse = shape.flatMap((column, i) => (COARSE.includes(column) ? [i] : []));
  const rows = sumOver(
    stats.counts,
    coarse.map((i) => shape[i]!),
    tuples.map((tuple) => coarse.map((i) => tuple[i]!)),
  );
  return { rows, bound: coarse.length < shape.length };
}

function partsOf(tuples: GroupValue[][], split: number): GroupValue[][][] {
  const parts = new Map<string, GroupValue[][]>();
  for (const tuple of tuples) {
    const key = keyOf(tuple.slice(0, split));
    parts.set(key, [...(parts.get(key) ?? []), tuple]);
  }
  return [...parts.values()];
}

/** The distinct tuples of `shape` among the groups; undefined if some group lacks a column. */
function distinct(groups: Group[], shape: GroupColumn[]): GroupValue[][] | undefined {
  const tuples = new Map<string, GroupValue[]>();
  for (const group of groups) {
    const tuple = shape.map((column) => group[column]);
    if (tuple.includes(undefined)) return undefined;
    tuples.set(keyOf(tuple), tuple as GroupValue[]);
  }
  return [...tuples.values()];
}

function memo<T>(compute: (shape: GroupColumn[]) => T): (shape: GroupColumn[]) => T {
  const cache = new Map<string, T>();
  return (shape) => {
    const key = shape.join(",");
    if (!cache.has(key)) cache.set(key, compute(shape));
    return cache.get(key)!;
  };
}

/**
 * Rows whose `shape` columns hold one of the tuples, as conditions the range optimizer turns into
 * index ranges (an IN-list for one column, equalities joined by OR for several).
 */
export function inTuples(
  columns: Record<GroupColumn, MySqlColumn>,
  shape: GroupColumn[],
  tuples: GroupValue[][],
): SQL | undefined {
  if (shape.length === 0) return undefined;
  if (shape.length === 1)
    return inArray(
      columns[shape[0]!],
      tuples.map(([value]) => value!),
    );
  return or(...tuples.map((tuple) => and(...shape.map((column, i) => eq(columns[column], tuple[i])))));
}
