// GET /api/health/live – liveness for orchestrators: the process answers; touches nothing else.
export const GET = () => Response.json({ success: true }, { headers: { "cache-control": "no-store" } });
