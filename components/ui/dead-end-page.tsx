import Link from "next/link";
import type { ReactNode } from "react";
import { BackIcon } from "./icons";

const TONES = {
  accent: "bg-accent/10 text-accent-strong dark:text-accent",
  danger: "bg-danger/10 text-danger",
} as const;

/** A whole page for somewhere the user cannot go: an icon, what happened, and the way back to the chats. */
export function DeadEndPage(props: { icon: ReactNode; tone: keyof typeof TONES; title: string; children: ReactNode; testId: string }) {
  return (
    <main className="flex min-h-full items-center justify-center bg-panel-2 p-4" data-testid={props.testId}>
      <div className="w-full max-w-md rounded-2xl bg-panel p-8 text-center shadow-sm">
        <span className={`mx-auto mb-4 flex h-14 w-14 items-center justify-center rounded-full ${TONES[props.tone]}`}>{props.icon}</span>
        <h1 className="text-2xl font-semibold">{props.title}</h1>
        <p className="mt-2 text-muted">{props.children}</p>
        <Link
          href="/"
          className="mt-6 inline-flex h-10 items-center gap-2 rounded-full bg-accent px-5 text-sm font-medium text-accent-fg hover:bg-accent-strong"
        >
          <BackIcon size={18} />
          Back to chats
        </Link>
      </div>
    </main>
  );
}
