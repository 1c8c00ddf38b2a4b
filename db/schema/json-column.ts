import { customType } from "drizzle-orm/mysql-core";

// A JSON column that reads back as an object on both servers: MySQL 8 hands mysql2 a parsed
// value, MariaDB (where JSON is LONGTEXT) a string.
export const jsonColumn = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => "json",
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => (typeof value === "string" ? JSON.parse(value) : value) as T,
  })(name);
