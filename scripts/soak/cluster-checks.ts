// Races the cluster soak runs before its load, each through instances that write on different
// Galera nodes (instance i writes through node i): what one database server serializes with
// locks, Galera settles at commit, and the app must come out exact either way.
import { randomBytes } from "node:crypto";
import { rawQuery } from "@/tests/helpers/raw-db";

interface Instances {
  /** Each instance's own URL: instance i writes through node i. */
  apps: string[];
  /** The HTTP balancer. */
  web: string;
  userToken: string;
  adminToken: string;
}

const json = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

async function submit(base: string, token: string, name: string, key?: string) {
  const response = await fetch(`${base}/api/integrations/submit`, {
    method: "POST",
    headers: { ...json(token), ...(key ? { "idempotency-key": key } : {}) },
    body: JSON.stringify({ integrationType: "lever", integrationName: name, data: { apiKey: "race-key" } }),
  });
  return { status: response.status, id: ((await response.json()) as { id?: number }).id };
}

const rowsNamed = async (name: string) =>
  (
    await rawQuery<{ n: number }>(
      "SELECT COUNT(*) AS n FROM integration_submissions WHERE integration_name = ?",
      [name],
    )
  )[0]!.n;

/** Each check's verdict: a line to print, and a problem when it failed. */
export async function clusterChecks(at: Instances): Promise<{ lines: string[]; problems: string[] }> {
  const run = randomBytes(4).toString("hex");
  const lines: string[] = [];
  const problems: string[] = [];
  const check = (ok: boolean, line: string) => {
    lines.push(`${ok ? "✔" : "✖"} ${line}`);
    if (!ok) problems.push(line);
  };
  const instance = (i: number) => at.apps[i % at.apps.length]!;

  // One Idempotency-Key sent twelve times at once, through every instance.
  const name = `Race ${run}`;
  const raced = await Promise.all(
    Array.from({ length: 12 }, (_, i) => submit(instance(i), at.userToken, name, `race-${run}`)),
  );
  const ids = new Set(raced.filter((r) => r.status < 300).map((r) => r.id));
  const stored = await rowsNamed(name);
  check(
    ids.size === 1 && stored === 1 && raced.every((r) => r.status < 300 || r.status === 409),
    `one Idempotency-Key raced 12 times through 3 instances: ${stored} row, answers ${raced.map((r) => r.status).join(" ")}`,
  );

  // A write through one node, read at once through the others.
  const written = await submit(instance(0), at.userToken, `Read ${run}`);
  const reads = await Promise.all(
    [1, 2].map((i) =>
      fetch(`${instance(i)}/api/integrations/${written.id}`, { headers: json(at.userToken) }).then(
        (r) => r.status,
      ),
    ),
  );
  check(
    reads.every((status) => status === 200),
    `a submit through node 1 read at once through nodes 2 and 3: ${reads.join(", ")}`,
  );

  // Status changes of one submission at once through all three instances: each one that is
  // answered 200 moved the version by one, and nothing else did.
  const target = (await submit(instance(0), at.userToken, `Moves ${run}`)).id!;
  const version = async () =>
    (
      await rawQuery<{ v: number }>("SELECT version AS v FROM integration_submissions WHERE id = ?", [target])
    )[0]!.v;
  const before = await version();
  const moves = await Promise.all(
    Array.from({ length: 24 }, (_, i) =>
      fetch(`${instance(i)}/api/integrations/${target}/update`, {
        method: "PUT",
        headers: json(at.adminToken),
        body: JSON.stringify({
          status: ["completed", "failed", "in_progress"][i % 3],
          data: { apiKey: `move-${i}` },
        }),
      }).then((r) => r.status),
    ),
  );
  const moved = moves.filter((status) => status === 200).length;
  const after = await version();
  check(
    after - before === moved && moves.every((status) => status === 200 || status === 409),
    `24 concurrent updates of one submission through 3 nodes: ${moved} answered 200, version +${after - before}; answers ${moves.join(" ")}`,
  );

  // The same If-Match through two nodes at once: one wins, the other is told it is stale.
  const etag = (
    await fetch(`${instance(0)}/api/integrations/${target}`, { headers: json(at.adminToken) })
  ).headers.get("etag")!;
  const guarded = await Promise.all(
    [0, 1].map((i) =>
      fetch(`${instance(i)}/api/integrations/${target}/update`, {
        method: "PUT",
        headers: { ...json(at.adminToken), "if-match": etag },
        // A real change each: an update that changes nothing is answered 200 without a write.
        body: JSON.stringify({ data: { apiKey: `guarded-${i}` } }),
      }).then((r) => r.status),
    ),
  );
  check(
    guarded.sort().join(" ") === "200 409",
    `one If-Match through two nodes at once: ${guarded.join(" and ")}`,
  );

  // Twelve wrong passwords for one account at once through the balancer (every instance):
  // the limit of five per account and address holds across nodes.
  const email = `nobody-${run}@example.test`;
  const signIns = await Promise.all(
    Array.from({ length: 12 }, () =>
      fetch(`${at.web}/api/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: "wrong-password" }),
      }).then((r) => r.status),
    ),
  );
  const refused = signIns.filter((status) => status === 429).length;
  check(
    refused === 7 && signIns.filter((status) => status === 401).length === 5,
    `12 wrong passwords at once across 3 instances: ${12 - refused} checked, ${refused} refused with 429`,
  );
  return { lines, problems };
}

/** submission_counts and submission_groups against COUNT(*) over the rows they count. */
export async function countsProblems(): Promise<string[]> {
  const compare = async (keptSql: string, realSql: string, what: string) => {
    const asMap = (rows: { k: string; n: number }[]) =>
      new Map(rows.filter((r) => Number(r.n) !== 0).map((r) => [r.k, Number(r.n)]));
    const [kept, real] = (
      await Promise.all([
        rawQuery<{ k: string; n: number }>(keptSql),
        rawQuery<{ k: string; n: number }>(realSql),
      ])
    ).map(asMap);
    const wrong = [...new Set([...kept!.keys(), ...real!.keys()])].filter(
      (k) => kept!.get(k) !== real!.get(k),
    );
    return wrong.length > 0 ? [`${wrong.length} ${what} differ from the rows they count`] : [];
  };
  return [
    ...(await compare(
      "SELECT CONCAT(status, '/', integration_type) AS k, SUM(n) AS n FROM submission_counts GROUP BY status, integration_type",
      "SELECT CONCAT(status, '/', integration_type) AS k, COUNT(*) AS n FROM integration_submissions GROUP BY status, integration_type",
      "submission_counts rows",
    )),
    ...(await compare(
      "SELECT CONCAT_WS('/', user_id, user_email, integration_type, integration_name, status) AS k, n FROM submission_groups",
      "SELECT CONCAT_WS('/', user_id, user_email, integration_type, integration_name, status) AS k, COUNT(*) AS n FROM integration_submissions GROUP BY user_id, user_email, integration_type, integration_name, status",
      "submission_groups rows",
    )),
  ];
}
