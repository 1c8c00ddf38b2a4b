import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRODUCTION_NODE_OPTIONS, SERVER_ENTRY, productionNodeOptions } from "@/scripts/production-node";

describe("how the production server runs Node", () => {
  it("npm start passes the same options as the benchmark and the soak, before any the caller set", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(scripts.start).toBe(
      `NODE_OPTIONS="${PRODUCTION_NODE_OPTIONS} $NODE_OPTIONS" node ${SERVER_ENTRY}`,
    );
    expect(productionNodeOptions("--max-old-space-size=1024")).toBe(
      `${PRODUCTION_NODE_OPTIONS} --max-old-space-size=1024`,
    );
    expect(productionNodeOptions(undefined)).toBe(PRODUCTION_NODE_OPTIONS);
  });
});
