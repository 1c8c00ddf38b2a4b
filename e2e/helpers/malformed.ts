// The fuzz pass's malformed inputs (e2e/fuzz.spec.ts), in each form they reach the server in.

/** As they go into a URL: controls, a lone surrogate and an over-long "/" in UTF-8, bytes that
 * are not UTF-8, broken escapes, traversal, and 10 kB values. */
export const IN_URL = [
  "%00",
  "%0a",
  "%0d%0a",
  "%09",
  "%7F",
  "%ED%A0%80",
  "%C0%AF",
  "%E3%80%82",
  "%FF%FE",
  "%F4%90%80%80",
  "%",
  "%zz",
  "%u0000",
  "%2e%2e%2f%2e%2e%2f",
  "%5C%5Cevil.example",
  "x".repeat(10_240),
  "%ED%A0%80".repeat(1_100),
];

/** As they go into a JSON string: the same troubles, decoded. */
export const IN_JSON_STRING = [
  "\u0000",
  "\n",
  "\r\n",
  "\u007f",
  "\ud800",
  "\udfff",
  "\u{10ffff}",
  "\u202e",
  "\ufeff",
  "%ED%A0%80",
  "%00",
  "",
  "x".repeat(10_240),
  "\u0000".repeat(10_240),
  "../../etc/passwd",
];

/** As raw JSON text: values of other types, numbers no double holds, escaped lone surrogates. */
export const IN_JSON_RAW = [
  "null",
  "true",
  "[]",
  "{}",
  "-1",
  "1e400",
  "12345678901234567890",
  '"\\ud800\\u0000"',
];

/** As bytes inside a JSON string: over-long "/", a UTF-8-encoded surrogate, not UTF-8 at all. */
export const BAD_BYTES = [
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xff, 0xfe, 0x00]),
];

/** Whole bodies that are not JSON, or JSON that cannot be kept. */
export const BROKEN_BODIES = ["", "{", '{"a":', "[", '"\\ud800"', `{"x":"${"\\u0000".repeat(2_000)}"}`];

/** `body` as JSON text with the value at a dotted path replaced by `raw` (JSON text or bytes). */
export function withRaw(body: Record<string, unknown>, at: string, raw: string | Buffer): Buffer {
  const copy = structuredClone(body);
  const keys = at.split(".");
  let parent = copy;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[keys.at(-1)!] = "\u0001";
  const [head, tail] = JSON.stringify(copy).split('"\\u0001"');
  return Buffer.concat([Buffer.from(head!), Buffer.from(raw), Buffer.from(tail!)]);
}

/** Every malformed value at `field` of `body`: as strings, as other JSON, as bad bytes. */
export function malformedBodies(body: Record<string, unknown>, field: string): Buffer[] {
  return [
    ...IN_JSON_STRING.map((value) => withRaw(body, field, JSON.stringify(value))),
    ...IN_JSON_RAW.map((value) => withRaw(body, field, value)),
    ...BAD_BYTES.map((bytes) =>
      withRaw(body, field, Buffer.concat([Buffer.from('"'), bytes, Buffer.from('"')])),
    ),
  ];
}
