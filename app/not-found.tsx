import type { Metadata } from "next";
import { CompassIcon } from "@/components/ui/icons";
import { DeadEndPage } from "@/components/ui/dead-end-page";

export const metadata: Metadata = { title: "Page not found" };

/** Any address that matches no page: Convo's look and a way back, not the framework's bare 404. */
export default function NotFound() {
  return (
    <DeadEndPage icon={<CompassIcon size={28} />} tone="accent" title="Page not found" testId="not-found">
      This address doesn&apos;t lead anywhere in Convo. The link may be mistyped, or the page has moved.
    </DeadEndPage>
  );
}
