// GET /api/health/live – liveness for orchestrators: the process answers; touches nothing else.
import { otherMethods } from "@/lib/http/fallbacks";

export const GET = () => Response.json({ success: true }, { headers: { "cache-control": "no-store" } });

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
