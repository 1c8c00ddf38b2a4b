// A submission's ETag is its version, quoted: it changes on every write, even two in one
// millisecond, which updatedAt cannot promise.
export const etagOf = (version: number) => `"${version}"`;

/**
 * Does an If-Match / If-None-Match header (a comma list of ETags, weak or strong, or *) name
 * this version? A bare version without the quotes HTTP asks for counts too: refusing it as
 * stale would tell a client its data changed when it did not.
 */
export function etagMatches(header: string, version: number): boolean {
  return header.split(",").some((tag) => {
    const value = tag.trim().replace(/^W\//, "");
    return value === "*" || value === etagOf(version) || value === String(version);
  });
}
