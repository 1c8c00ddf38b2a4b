// Success bodies: always `success: true` plus the payload, as the contract says.
export function ok(body: Record<string, unknown> = {}, init: ResponseInit = {}): Response {
  return Response.json({ success: true, ...body }, init);
}
