// /api and /api/* that no other route serves: a JSON 404 rather than the HTML not-found page.
import { unknownPath } from "@/lib/http/fallbacks";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = unknownPath();
