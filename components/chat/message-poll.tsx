"use client";
// A poll in its bubble (WhatsApp's): the question, "Select one" or "Select one or more", each
// option with a tick box, its count and a bar of its share, and "View votes".
import { myChoices, voterCount } from "@/lib/client/polls";
import type { PollDto } from "@/lib/realtime/contract";

type Props = {
  question: string;
  poll: PollDto;
  meId: string;
  /** Not stored yet, or the chat is read-only: the options don't take votes. */
  disabled: boolean;
  metaColor: string;
  /** "View votes": a lighter green on my dark bubble (bubble-colors). */
  actionColor: string;
  onVote: (option: number) => void;
  onShowVotes: () => void;
};

export function MessagePoll({ question, poll, meId, disabled, metaColor, actionColor, onVote, onShowVotes }: Props) {
  const mine = new Set(myChoices(poll, meId));
  const most = Math.max(1, ...poll.options.map((o) => o.voterIds.length));
  const voters = voterCount(poll);
  // 320 px where the bubble has room; narrower in a narrow chat column (a side panel open).
  return (
    <div className="w-[320px] max-w-full px-[6px] pt-1" data-testid="message-poll">
      <p className="text-[15px] leading-5 font-medium break-words text-fg [overflow-wrap:anywhere]">{question}</p>
      <p className={`mt-1 mb-2 text-[12.5px] ${metaColor}`}>{poll.multiple ? "Select one or more" : "Select one"}</p>
      <ul className="space-y-3">
        {poll.options.map((option, i) => {
          const count = option.voterIds.length;
          const chosen = mine.has(i);
          return (
            <li key={i}>
              <label className={`flex items-start gap-3 ${disabled ? "" : "cursor-pointer"}`} data-testid="poll-option-row">
                <input
                  type="checkbox"
                  checked={chosen}
                  disabled={disabled}
                  onChange={() => onVote(i)}
                  className="mt-[2px] size-[18px] shrink-0 accent-[var(--color-accent)]"
                  data-testid="poll-vote"
                />
                <span className="min-w-0 flex-1">
                  <span className="flex items-baseline justify-between gap-2 text-[14.2px] leading-[19px] text-fg">
                    <span className="break-words [overflow-wrap:anywhere]">{option.text}</span>
                    <span className={`shrink-0 text-[13px] ${metaColor}`} data-testid="poll-count">
                      {count}
                      <span className="sr-only">{count === 1 ? " vote" : " votes"}</span>
                    </span>
                  </span>
                  <span className="mt-1.5 block h-[5px] overflow-hidden rounded-full bg-black/10 dark:bg-white/15" aria-hidden="true">
                    <span className="block h-full rounded-full bg-accent transition-[width] duration-300" style={{ width: `${(count / most) * 100}%` }} />
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <div className="mt-3 -mx-[6px] border-t border-black/10 pt-1 dark:border-white/10">
        <button
          type="button"
          onClick={onShowVotes}
          disabled={voters === 0}
          className={`w-full rounded-md py-1.5 text-center text-[14px] font-medium ${actionColor} hover:bg-black/5 disabled:text-current disabled:opacity-50 dark:hover:bg-white/5`}
          data-testid="poll-view-votes"
        >
          {voters === 0 ? "No votes yet" : "View votes"}
        </button>
      </div>
    </div>
  );
}
