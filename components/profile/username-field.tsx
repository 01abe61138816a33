"use client";
// @username with a live check: the rules locally first, then (debounced) whether it is free.
import { useEffect, useState } from "react";
import { useDebounced } from "@/lib/client/hooks";
import { profileApi } from "@/lib/client/profile";
import { USERNAME_RULE, normalizeUsername, validateUsername } from "@/lib/client/username";
import { InlineEditField, fieldTestIds, type FieldStatus } from "@/components/ui/inline-edit-field";

type Check = { username: string; available: boolean; reason: string | null };

export function UsernameField({ value, onSave }: { value: string; onSave: (username: string) => Promise<string | null> }) {
  const [draft, setDraft] = useState<string | null>(null);
  const candidate = draft === null ? "" : normalizeUsername(draft);
  const valid = draft !== null && validateUsername(draft).ok;
  const debounced = useDebounced(valid && candidate !== value ? candidate : "", 350);
  const [check, setCheck] = useState<Check | null>(null);

  useEffect(() => {
    if (!debounced) return;
    const ctrl = new AbortController();
    profileApi
      .usernameAvailable(debounced, ctrl.signal)
      .then((res) => setCheck({ username: debounced, available: res.available, reason: res.reason }))
      .catch(() => {
        if (!ctrl.signal.aborted) setCheck({ username: debounced, available: true, reason: null });
      });
    return () => ctrl.abort();
  }, [debounced]);

  let status: FieldStatus = null;
  let canSave = false;
  if (valid && candidate !== value) {
    if (check?.username === candidate) {
      canSave = check.available;
      status = check.available
        ? { tone: "ok", text: `@${candidate} is available` }
        : { tone: "error", text: check.reason ?? "That username is taken" };
    } else {
      status = { tone: "pending", text: "Checking…" };
    }
  }

  return (
    <InlineEditField
      testIds={fieldTestIds("profile-username")}
      className="bg-panel px-6 py-4"
      label="Username"
      value={value}
      emptyText="Choose a username"
      maxLength={24}
      prefix="@"
      autoComplete="username"
      hint={`People can find you by @username. ${USERNAME_RULE}.`}
      transform={(v) => v.replace(/^@/, "").toLowerCase().replace(/\s/g, "_")}
      validate={(v) => {
        const result = validateUsername(v);
        return result.ok ? null : result.message;
      }}
      status={status}
      canSave={canSave}
      onDraftChange={setDraft}
      onSave={onSave}
    />
  );
}
