import { describe, expect, it } from "vitest";
import { retryDeadlocks } from "@/db/retry-deadlocks";
import { toAppError } from "@/lib/http/errors";

// What Galera adds to a single server's errors: certification conflicts arrive as deadlocks,
// and a node cut off from the cluster refuses queries with ER_UNKNOWN_COM_ERROR.
const coded = (code: string) => Object.assign(new Error("driver error"), { code });
const wrapped = (code: string) => new Error("Failed query", { cause: coded(code) });

describe("database errors on one server and on Galera", () => {
  it("runs work that lost a deadlock again, and gives up after eight tries", async () => {
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject(wrapped("ER_LOCK_DEADLOCK")) : Promise.resolve("done"));
    await expect(retryDeadlocks(flaky)).resolves.toBe("done");
    expect(calls).toBe(3);

    calls = 0;
    await expect(
      retryDeadlocks(() => {
        calls += 1;
        return Promise.reject(wrapped("ER_LOCK_DEADLOCK"));
      }),
    ).rejects.toThrow("Failed query");
    expect(calls).toBe(8);
  });

  it("does not run work again for any other error", async () => {
    let calls = 0;
    await expect(
      retryDeadlocks(() => {
        calls += 1;
        return Promise.reject(wrapped("ER_DUP_ENTRY"));
      }),
    ).rejects.toThrow();
    expect(calls).toBe(1);
  });

  it("answers 503 for a conflict that outlasted its retries and for a node outside the cluster, 500 otherwise", () => {
    for (const code of ["ER_LOCK_DEADLOCK", "ER_UNKNOWN_COM_ERROR", "ECONNREFUSED"])
      expect(toAppError(wrapped(code), "test")).toMatchObject({ status: 503, code: "db_unavailable" });
    expect(toAppError(wrapped("ER_PARSE_ERROR"), "test")).toMatchObject({ status: 500, code: "internal" });
  });
});
