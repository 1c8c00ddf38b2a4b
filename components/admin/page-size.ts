// Shared by the admin page (server) and its table (client): a plain module, since a constant
// exported from a "use client" file reaches a server component as a client reference, not a number.
/** 25 rows: a page that fits a few screens, with its pagination reachable (the API's default is 100). */
export const ADMIN_PAGE_SIZE = 25;
