"use client";
// "View votes": each option of a poll with who chose it. Follows the poll live while open.
import { Dialog } from "@/components/ui/dialog";
import { useChat } from "@/lib/client/context";

type Props = {
  /** The poll message shown, by id (its live copy is read from the store), or null when closed. */
  target: { conversationId: string; messageId: string } | null;
  nameOf: (userId: string) => string;
  onClose: () => void;
};

export function PollVotesDialog({ target, nameOf, onClose }: Props) {
  const message = useChat((s) => (target ? s.messages[target.conversationId]?.items.find((m) => m.id === target.messageId) : undefined));
  const meId = useChat((s) => s.me.id);
  const poll = message?.poll;
  return (
    <Dialog open={!!target && !!poll} onClose={onClose} title="Poll details" testId="poll-votes-dialog">
      {poll && (
        <div className="max-h-[70vh] overflow-y-auto px-6 pt-4 pb-6">
          <p className="text-[16px] font-medium break-words text-fg [overflow-wrap:anywhere]">{message.text}</p>
          <ul className="mt-4 space-y-3">
            {poll.options.map((option, i) => (
              <li key={i} className="rounded-lg bg-panel-2 px-4 py-3" data-testid="poll-votes-option">
                <p className="flex items-baseline justify-between gap-3 text-[15px] text-fg">
                  <span className="break-words [overflow-wrap:anywhere]">{option.text}</span>
                  <span className="shrink-0 text-[13px] text-muted">
                    {option.voterIds.length} {option.voterIds.length === 1 ? "vote" : "votes"}
                  </span>
                </p>
                {option.voterIds.length > 0 && (
                  <ul className="mt-2 space-y-1 text-[14px] text-muted" data-testid="poll-voters">
                    {option.voterIds.map((id) => (
                      <li key={id}>{id === meId ? "You" : nameOf(id) || "Someone"}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
