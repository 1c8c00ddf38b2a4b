// What bench:scale asks the list for: the filters clients send (the search terms among them are
// fragments that match many owners, a name word, a whole domain) × every sort, each read the way
// a client pages: the first page, three pages on by nextCursor, one back by prevCursor, and, for
// deep pages both ways, a page near the end read forward and backward.
export type Params = Record<string, string>;

export const TARGET_P95_MS = 50;
export const PAGE_SIZE = 50;
// The deep pages start this many rows before the end of the list.
export const TAIL = 200;

export const STEPS = ["first", "next 1", "next 2", "next 3", "back", "deep", "deep back"] as const;
export type Step = (typeof STEPS)[number];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The filters, for an owner who has submissions (as a numeric id). */
export function filters(owner: number): Record<string, Params> {
  return {
    none: {},
    status: { status: "pending" },
    "status (rarest)": { status: "failed" },
    statuses: { status: "pending,failed" },
    type: { type: "lever" },
    owner: { userId: String(owner) },
    "status + type": { status: "failed", type: "greenhouse" },
    "owner + status": { userId: String(owner), status: "failed" },
    "owner + status + type": { userId: String(owner), status: "failed", type: "greenhouse" },
    "last 7 days": { from: day(-7), to: day(0) },
    "q: 10 owners' emails": { q: "user01" },
    "q: 100 owners' emails": { q: "user1" },
    "q: one owner's email": { q: "user007@" },
    "q: every email": { q: "example" },
    "q: a name word": { q: "Green" },
    "q + status": { q: "greenhouse", status: "failed" },
    "q + status + type (sparse)": { q: "user1", status: "failed", type: "lever" },
  };
}

export const flip = (sort: string) => (sort.startsWith("-") ? sort.slice(1) : `-${sort}`);
