import { STATUS_COLORS, STATUS_LABELS, type Status } from "@/lib/integrations/status";
import { Badge } from "@/components/ui/badge";

export function StatusBadge({ status }: { status: Status }) {
  return <Badge tone={STATUS_COLORS[status].badge}>{STATUS_LABELS[status]}</Badge>;
}
