// GET /api/integrations/export – admin: the list filters as a streamed CSV download
import { route } from "@/lib/http/route";
import { listQuery } from "@/lib/integrations/schemas";
import { csvStream } from "@/lib/integrations/csv-export";
import { otherMethods } from "@/lib/http/fallbacks";

const exportQuery = listQuery.omit({ limit: true, cursor: true });

export const GET = route({ auth: "admin", query: exportQuery }, async ({ query }) => {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csvStream({ all: true }, query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="integrations-${day}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
