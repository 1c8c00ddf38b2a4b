import { datetime } from "drizzle-orm/mysql-core";
import { sql } from "drizzle-orm";

/** A UTC instant to the millisecond (see db/client.ts for the time zone). */
export const instant = (name: string) => datetime(name, { mode: "date", fsp: 3 });

/** An instant that defaults to the moment the row is written. */
export const createdNow = (name: string) =>
  instant(name)
    .notNull()
    .default(sql`CURRENT_TIMESTAMP(3)`);
