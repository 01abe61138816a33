import Link from "next/link";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { previewInvite } from "@/lib/groups/invites";
import { JoinButton } from "./join-button";

// An invite link (`/join/<code>`): sign in first (and come back here), then the group's preview
// with Join, or Open group when already in; an invalid or revoked code gets a friendly page.

export const dynamic = "force-dynamic";
export const metadata = { title: "Group invite", robots: { index: false } };

type Preview = Awaited<ReturnType<typeof previewInvite>>;

export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/join/${code}`)}`);

  let group: Preview | null = null;
  try {
    group = await previewInvite(contextFor(user), { code });
  } catch (err) {
    // NOT_FOUND (revoked, unknown, archived group) or a malformed code: the same friendly page.
    if (!(err instanceof AppError) && !(err instanceof ZodError)) throw err;
  }

  return (
    <main className="flex min-h-full flex-col items-center justify-center gap-5 bg-panel-2 p-4">
      <p className="flex items-center gap-2 text-lg font-semibold text-accent-strong">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src="/icon.svg" alt="" width={28} height={28} />
        Convo
      </p>
      <div className="w-full max-w-sm rounded-2xl bg-panel p-8 text-center shadow-sm" data-testid={group ? "join-card" : "invite-invalid"}>
        {group ? (
          <>
            <span
              className="mx-auto mb-4 flex h-24 w-24 items-center justify-center rounded-full text-5xl leading-none before:content-[attr(data-glyph)]"
              style={{ background: group.iconBg }}
              data-glyph={group.icon ?? "👥"}
              aria-hidden="true"
            />
            <p className="text-sm text-muted">You&apos;ve been invited to join</p>
            <h1 className="mt-1 text-2xl font-semibold break-words text-fg" data-testid="join-group-name">
              {group.name}
            </h1>
            <p className="mt-1 text-sm text-muted" data-testid="join-member-count">
              Group · {group.memberCount} {group.memberCount === 1 ? "member" : "members"}
            </p>
            {group.about && <p className="mt-4 text-[15px] break-words whitespace-pre-wrap text-fg">{group.about}</p>}
            <div className="mt-6">
              {group.isMember ? (
                <>
                  <p className="mb-3 text-sm text-muted">You&apos;re already a member of this group.</p>
                  <Link
                    href={`/?c=${encodeURIComponent(group.id)}`}
                    className="inline-flex w-full items-center justify-center rounded-full bg-accent px-4 py-2.5 font-semibold text-accent-fg hover:bg-accent-strong"
                    data-testid="open-invited-group"
                  >
                    Open group
                  </Link>
                </>
              ) : (
                <JoinButton code={code} />
              )}
            </div>
            <p className="mt-4 text-sm">
              <Link href="/" className="text-accent-strong underline-offset-2 hover:underline">
                Back to chats
              </Link>
            </p>
          </>
        ) : (
          <>
            <span className="mx-auto mb-4 flex h-20 w-20 items-center justify-center rounded-full bg-panel-2 text-4xl" aria-hidden="true">
              🔗
            </span>
            <h1 className="text-xl font-semibold text-fg">This invite link is invalid or was revoked</h1>
            <p className="mt-2 text-sm text-muted">Ask a group admin to send you a new link.</p>
            <Link
              href="/"
              className="mt-6 inline-flex w-full items-center justify-center rounded-full bg-accent px-4 py-2.5 font-semibold text-accent-fg hover:bg-accent-strong"
            >
              Go to your chats
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
