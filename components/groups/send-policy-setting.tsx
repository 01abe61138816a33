"use client";
// Group info, for those who manage the group: "Only admins can send messages" (an announcement
// group). Members then read, react and vote; a notice takes the composer's place for them.
import { useId, useState } from "react";
import { useToast } from "@/components/ui/toast";
import { api, ApiError } from "@/lib/client/api";
import { useChatStoreApi } from "@/lib/client/context";
import type { ConversationSummary } from "@/lib/realtime/contract";

export function SendPolicySetting({ conversation: c }: { conversation: ConversationSummary }) {
  const store = useChatStoreApi();
  const toast = useToast();
  const id = useId();
  // The switch moves at once; the group's own value follows when the server has it.
  const [saving, setSaving] = useState<boolean | null>(null);

  const change = async (onlyAdminsSend: boolean) => {
    setSaving(onlyAdminsSend);
    try {
      const { group } = await api.updateGroup(c.id, { onlyAdminsSend });
      store.getState().patchConversation(group);
      toast(onlyAdminsSend ? "Only admins can send messages now" : "All members can send messages now");
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't change who can send messages", "error");
    } finally {
      setSaving(null);
    }
  };

  return (
    <section className="mt-2.5 bg-panel px-6 py-4" aria-labelledby={`${id}-title`} data-testid="send-policy">
      <h3 id={`${id}-title`} className="mb-2 text-sm text-muted">
        Group settings
      </h3>
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-only-admins`} className="block text-[15px] text-fg">
            Only admins can send messages
          </label>
          <p id={`${id}-hint`} className="text-[13px] text-muted">
            Members can still read, react and vote in polls.
          </p>
        </div>
        <input
          id={`${id}-only-admins`}
          type="checkbox"
          role="switch"
          checked={saving ?? c.onlyAdminsSend}
          disabled={saving !== null}
          onChange={(e) => void change(e.target.checked)}
          aria-describedby={`${id}-hint`}
          className="mt-1 size-5 shrink-0 accent-[var(--color-accent)]"
          data-testid="send-policy-toggle"
        />
      </div>
    </section>
  );
}
