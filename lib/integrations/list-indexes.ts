// The ways of reading a list order from the schema's indexes (their own list, so a new index
// becomes a candidate without being named here): which leading columns a read can fix to the
// values of the matching groups, whether the sort column then follows in order, and which other
// index can check a fixed column for an entry by a probe on its key. list-plan.ts prices them.
import { getTableColumns } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/mysql-core";
import { integrationSubmissions as t } from "@/db/schema";
import type { SortKey } from "./schemas";

export const groupColumns = ["userId", "userEmail", "integrationType", "integrationName", "status"] as const;
export type GroupColumn = (typeof groupColumns)[number];
export type IndexColumn = keyof typeof t.$inferSelect;
interface IndexInfo {
  name: string;
  columns: IndexColumn[];
}

const columnKeys = new Map(
  Object.entries(getTableColumns(t)).map(([key, column]) => [column.name, key as IndexColumn]),
);
const INDEXES: IndexInfo[] = getTableConfig(t).indexes.map(({ config }) => ({
  name: config.name,
  columns: config.columns.map((column) => columnKeys.get((column as { name: string }).name)!),
}));

const isGroupColumn = (column: IndexColumn): column is GroupColumn =>
  (groupColumns as readonly string[]).includes(column);

/** The columns a filter can fix to a value or a list. */
export type Fixed = "userId" | "status" | "integrationType";

export interface Candidate {
  index: string;
  /** Its columns (before the id every index ends with). */
  columns: IndexColumn[];
  /** The group columns whose values pick the index's ranges, in index order. */
  shape: GroupColumn[];
  /** The leading shape columns each UNION part fixes; the rest are lists within a part. */
  split: number;
  /** Read every row of the ranges and sort them, rather than read each range in order. */
  sorted: boolean;
  /** The sort column is among the index's columns (an index-only read can return it). */
  coversSort: boolean;
  /** The index continues with submittedAt after the shape: a date window narrows each range. */
  bySubmitted: boolean;
}

/**
 * Every way of reading `sort` order from an index whose leading columns the groups' values can
 * fix: range by range in order when the sort column follows them (or is the next one, with the
 * groups' values of it as a list), or every row of the ranges, then sorted.
 */
export function candidates(sort: SortKey): Candidate[] {
  const found = new Map<string, Candidate>();
  const add = (index: IndexInfo, shape: GroupColumn[], split: number, sorted: boolean) => {
    const bySubmitted = index.columns[shape.length] === "submittedAt";
    const key = sorted
      ? `sorted:${shape.join(",")}:${bySubmitted}`
      : `${index.name}:${shape.join(",")}:${split}`;
    const candidate = {
      index: index.name,
      columns: index.columns,
      shape,
      split,
      sorted,
      coversSort: index.columns.includes(sort),
      bySubmitted,
    };
    // One sorted read per shape: through an index that also holds the sort column, if any.
    if (!found.has(key) || candidate.coversSort) found.set(key, candidate);
  };
  for (const index of INDEXES) {
    const lead = index.columns.filter(isGroupColumn);
    if (index.columns.at(-1) === sort) {
      const shape = lead.filter((column) => column !== sort);
      add(index, shape, shape.length, false);
      if (isGroupColumn(sort)) add(index, lead, lead.length - 1, false);
    }
    // With no shape, only a date window can make the ranges narrow.
    const first = index.columns[0] === "submittedAt" ? 0 : 1;
    for (let k = first; k <= lead.length && index.columns[k - 1] === lead[k - 1]; k++)
      add(index, lead.slice(0, k), 0, true);
  }
  return [...found.values()];
}

/** Where one fixed column is checked: an index starting with it whose other columns the walked index has. */
export interface Probe {
  column: Fixed;
  index: string;
  keys: IndexColumn[];
}

export function probeFor(column: Fixed, walked: IndexColumn[]): Probe | undefined {
  const index = INDEXES.find(
    ({ columns }) => columns[0] === column && columns.slice(1).every((key) => walked.includes(key)),
  );
  return index && { column, index: index.name, keys: index.columns.slice(1) };
}
