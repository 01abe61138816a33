"use client";
// The top of Group info: icon, name and "Group · N members", and the About card. Owners and
// admins edit them in place (InlineEditField), and the icon in a dialog.
import { useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Dialog } from "@/components/ui/dialog";
import { DialogFooter } from "@/components/ui/dialog-footer";
import { InlineEditField } from "@/components/ui/inline-edit-field";
import { useToast } from "@/components/ui/toast";
import { api, ApiError } from "@/lib/client/api";
import { useChat, useChatStoreApi } from "@/lib/client/context";
import { GROUP_ABOUT_MAX, GROUP_NAME_MAX, groupNameError, isSingleEmoji } from "@/lib/client/groups";
import type { ConversationSummary } from "@/lib/realtime/contract";
import { AppearancePicker } from "./appearance-picker";
import { PencilIcon } from "@/components/ui/icons";
import { useGroupRights } from "./use-group-rights";

type Changes = { name?: string; icon?: string; iconBg?: string; about?: string };

/** Resolves to an error message, or null when saved (the inline fields show it under the input). */
function useSaveGroup(conversationId: string) {
  const store = useChatStoreApi();
  return async (changes: Changes): Promise<string | null> => {
    try {
      const { group } = await api.updateGroup(conversationId, changes);
      store.getState().patchConversation(group);
      return null;
    } catch (err) {
      return err instanceof ApiError ? err.message : "Couldn't save the change";
    }
  };
}

export function GroupProfile({ conversation: c }: { conversation: ConversationSummary }) {
  const { edit } = useGroupRights(c);
  const memberCount = useChat((s) => s.members[c.id]?.length ?? c.memberCount);
  const save = useSaveGroup(c.id);
  const toast = useToast();
  const [iconOpen, setIconOpen] = useState(false);

  return (
    <div className="flex flex-col items-center gap-1 bg-panel px-6 pt-7 pb-6 text-center" data-testid="group-profile">
      {edit ? (
        <button
          type="button"
          onClick={() => setIconOpen(true)}
          className="group relative mb-3 rounded-full outline-none focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-offset-4 focus-visible:outline-accent"
          aria-label="Change group icon"
          data-testid="edit-group-icon"
        >
          <Avatar label={c.title} icon={c.icon} color={c.iconBg} size={160} />
          <span
            className="absolute inset-0 flex flex-col items-center justify-center gap-1 rounded-full bg-black/45 text-sm text-white opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100"
            aria-hidden="true"
          >
            <PencilIcon size={22} />
            Change icon
          </span>
        </button>
      ) : (
        <Avatar label={c.title} icon={c.icon} color={c.iconBg} size={160} className="mb-3" />
      )}
      <InlineEditField
        variant="title"
        className="w-full"
        label="Group name"
        labelHidden
        value={c.title}
        canEdit={edit}
        maxLength={GROUP_NAME_MAX}
        validate={groupNameError}
        onSave={(name) => save({ name })}
        testIds={{ value: "group-name", edit: "edit-group-name", input: "group-name-input", save: "save-group-name" }}
      />
      <p className="text-muted">
        Group · {memberCount} {memberCount === 1 ? "member" : "members"}
      </p>
      {iconOpen && (
        <IconDialog
          icon={c.icon ?? "👥"}
          iconBg={c.iconBg}
          onClose={() => setIconOpen(false)}
          onSave={async (icon, iconBg) => {
            const problem = await save({ icon, iconBg });
            if (problem) toast(problem, "error");
            else setIconOpen(false);
          }}
        />
      )}
    </div>
  );
}

export function GroupAbout({ conversation: c }: { conversation: ConversationSummary }) {
  const { edit } = useGroupRights(c);
  const save = useSaveGroup(c.id);
  if (!c.about && !edit) return null;
  return (
    <div className="mt-2.5 bg-panel px-6 py-4" data-testid="group-about">
      <h3 className="mb-1 text-sm text-muted">About</h3>
      <InlineEditField
        label="Group description"
        labelHidden
        value={c.about}
        emptyText="Add group description"
        canEdit={edit}
        multiline
        maxLength={GROUP_ABOUT_MAX}
        onSave={(about) => save({ about })}
        testIds={{ value: "group-about-text", edit: "edit-group-about-text", input: "group-about-text-input", save: "save-group-about-text" }}
      />
    </div>
  );
}

function IconDialog({ icon, iconBg, onClose, onSave }: { icon: string; iconBg: string; onClose: () => void; onSave: (icon: string, iconBg: string) => Promise<void> }) {
  const [nextIcon, setIcon] = useState(icon);
  const [nextBg, setBg] = useState(iconBg);
  const [saving, setSaving] = useState(false);
  return (
    <Dialog open onClose={onClose} title="Group icon" testId="group-icon-dialog">
      <div className="flex flex-col gap-4 p-5">
        <div className="flex justify-center">
          <Avatar label="Preview" icon={nextIcon} color={nextBg} size={96} />
        </div>
        <AppearancePicker icon={nextIcon} iconBg={nextBg} onIcon={setIcon} onColor={setBg} />
        <DialogFooter onCancel={onClose}>
          <button
            type="button"
            disabled={saving || !isSingleEmoji(nextIcon)}
            onClick={async () => {
              setSaving(true);
              await onSave(nextIcon, nextBg);
              setSaving(false);
            }}
            className="rounded-full bg-accent px-5 py-2 text-sm font-medium text-accent-fg hover:bg-accent-strong disabled:opacity-60"
            data-testid="save-group-icon"
          >
            Save
          </button>
        </DialogFooter>
      </div>
    </Dialog>
  );
}
