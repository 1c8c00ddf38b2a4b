// A submission's ETag is its version, quoted: it changes on every write, even two in one
// millisecond, which updatedAt cannot promise.
export const etagOf = (version: number) => `"${version}"`;

/**
 * Does an If-Match / If-None-Match header (a comma list of ETags, weak or strong, or *) name
 * this version? A bare version without the quotes HTTP asks for counts too: refusing it as
 * stale would tell a client its data changed when it did not. The contract also allows the
 * row's updatedAt (as the API prints it), which every list item carries; two writes in one
 * millisecond would share it, so the version stays the ETag we hand out.
 */
export function etagMatches(header: string, version: number, updatedAt?: Date): boolean {
  const at = updatedAt?.toISOString();
  return header.split(",").some((tag) => {
    const value = tag.trim().replace(/^W\//, "");
    const bare = value.replace(/^"(.*)"$/, "$1");
    return value === "*" || bare === String(version) || (at !== undefined && bare === at);
  });
}
