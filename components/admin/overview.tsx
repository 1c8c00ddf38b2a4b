import Link from "next/link";
import { statuses } from "@/lib/integrations/status";
import { STATUS_COLORS, STATUS_LABELS } from "@/lib/integrations/status";
import { OVERVIEW_DAYS, type DayCounts } from "@/lib/integrations/overview";
import { cardClass } from "@/components/ui/card";

const number = new Intl.NumberFormat("en-US");

export function Overview({
  counts,
  attention,
  days,
}: {
  counts: Record<(typeof statuses)[number], number>;
  /** Connections that failed or must be connected again. */
  attention: number;
  days: DayCounts[];
}) {
  const total = statuses.reduce((sum, s) => sum + counts[s], 0);
  return (
    <section aria-label="Overview" className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <ul className="grid grid-cols-2 gap-3">
        {statuses.map((status) => (
          <li key={status}>
            <Link
              href={`/admin?status=${status}`}
              className={cardClass({ padding: "sm", interactive: true }, "block")}
            >
              <span className="flex items-center gap-2 text-sm text-slate-600">
                <span
                  aria-hidden
                  className="size-2 rounded-full"
                  style={{ backgroundColor: STATUS_COLORS[status].fill }}
                />
                {STATUS_LABELS[status]}
              </span>
              <span className="mt-1 block text-2xl font-semibold tabular-nums">
                {number.format(counts[status])}
              </span>
            </Link>
          </li>
        ))}
        <li className="col-span-2">
          <Link
            href="/admin?connection=attention"
            className={cardClass(
              { padding: "none", interactive: true },
              "flex items-baseline justify-between px-4 py-3",
            )}
          >
            <span className="text-sm text-slate-600">Connections needing attention</span>
            <span className={`text-xl font-semibold tabular-nums ${attention > 0 ? "text-red-700" : ""}`}>
              {number.format(attention)}
            </span>
          </Link>
        </li>
      </ul>
      <figure className={cardClass({ padding: "sm" })}>
        <figcaption className="flex items-baseline justify-between text-sm text-slate-600">
          <span>Submissions per day, last {OVERVIEW_DAYS} days</span>
          <span className="tabular-nums">{number.format(total)} in total</span>
        </figcaption>
        <DailyChart days={days} />
      </figure>
    </section>
  );
}

function DailyChart({ days }: { days: DayCounts[] }) {
  const height = 120;
  const barWidth = 100 / days.length;
  const max = Math.max(1, ...days.map((d) => statuses.reduce((sum, s) => sum + d.counts[s], 0)));
  return (
    <svg
      viewBox={`0 0 100 ${height}`}
      preserveAspectRatio="none"
      className="mt-3 h-32 w-full"
      role="img"
      aria-label="Stacked bars of submissions per day by status"
    >
      {days.map((d, i) => {
        let y = height;
        return (
          <g key={d.day}>
            <title>{`${d.day}: ${statuses.map((s) => `${STATUS_LABELS[s]} ${d.counts[s]}`).join(", ")}`}</title>
            {statuses.map((s) => {
              const h = (d.counts[s] / max) * (height - 4);
              y -= h;
              return h > 0 ? (
                <rect
                  key={s}
                  x={i * barWidth + barWidth * 0.15}
                  y={y}
                  width={barWidth * 0.7}
                  height={h}
                  fill={STATUS_COLORS[s].fill}
                />
              ) : null;
            })}
          </g>
        );
      })}
    </svg>
  );
}
