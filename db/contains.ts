import { like, or, type SQL } from "drizzle-orm";

type Column = Parameters<typeof like>[0];

/** Any of the columns contains the text as a substring (LIKE, its wildcards escaped). */
export function containing(columns: Column[], text: string): SQL | undefined {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(...columns.map((column) => like(column, pattern)));
}
