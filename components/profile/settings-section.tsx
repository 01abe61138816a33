"use client";
// Settings in the profile drawer: theme, notification sounds, desktop notifications, language,
// blocked contacts.
import { useId, useState, useSyncExternalStore } from "react";
import { Avatar } from "@/components/ui/avatar";
import { BlockIcon, MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChat, useChatStoreApi } from "@/lib/client/context";
import { profileApi, type LastSeenAudience } from "@/lib/client/profile";
import {
  desktopNotificationState,
  setDesktopNotifications,
  subscribeDesktopNotifications,
  type DesktopNotificationState,
} from "@/lib/client/desktop-notifications";
import { playMessageChime } from "@/lib/client/sound";
import { THEMES, readTheme, subscribeTheme, type Theme } from "@/lib/client/theme";
import type { UserSummary } from "@/lib/realtime/contract";
import { THEME_LABEL, useSaveSettings } from "./use-profile";

const THEME_ICON = { light: SunIcon, dark: MoonIcon, system: MonitorIcon } as const;

/** What the desktop-notifications switch does, or why it cannot be used here. */
function desktopHint(state: DesktopNotificationState): string {
  if (state === "unsupported") return "This browser can't show notifications.";
  if (state === "blocked") return "Blocked by this browser: allow notifications for this site in its settings.";
  return "Show new messages on your desktop, even while Convo is in the background.";
}

/** A setting that is on or off: its name, what it does, and the switch. */
function SettingSwitch(props: { label: string; hint: string; checked: boolean; disabled: boolean; onToggle: () => void; testId: string }) {
  const id = useId();
  return (
    <div className="flex items-center gap-4 px-6 py-3">
      <div className="min-w-0 flex-1">
        <p id={`${id}-label`} className="text-[15px] text-fg">
          {props.label}
        </p>
        <p id={`${id}-hint`} className="text-[13px] text-muted">
          {props.hint}
        </p>
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={props.checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        disabled={props.disabled}
        onClick={props.onToggle}
        data-testid={props.testId}
        className={`relative h-6 w-11 shrink-0 rounded-full transition-colors disabled:opacity-50 ${props.checked ? "bg-accent" : "bg-[#8696a0]"}`}
      >
        <span
          className={`absolute top-0.5 left-0.5 h-5 w-5 rounded-full bg-white shadow transition-transform ${props.checked ? "translate-x-5" : ""}`}
          aria-hidden="true"
        />
      </button>
    </div>
  );
}

export function SettingsSection() {
  const profile = useChat((s) => s.profile);
  const saveSettings = useSaveSettings();
  const theme = useSyncExternalStore(subscribeTheme, readTheme, () => "system" as Theme);
  const sounds = profile?.settings.notificationSounds ?? true;
  const readReceipts = profile?.settings.readReceipts ?? true;
  const lastSeen = profile?.settings.lastSeen ?? "everyone";
  const linkPreviews = profile?.settings.linkPreviews ?? true;
  const desktop = useSyncExternalStore(subscribeDesktopNotifications, desktopNotificationState, () => "unsupported" as const);
  const ids = useId();

  return (
    <section aria-labelledby={`${ids}-settings`} className="bg-panel pb-2" data-testid="settings-section">
      <h2 id={`${ids}-settings`} className="px-6 pt-5 pb-1 text-base font-semibold text-fg">
        Settings
      </h2>

      <fieldset className="px-6 py-3">
        <legend className="mb-2 text-sm text-accent-strong">Theme</legend>
        <div className="grid grid-cols-3 gap-2" data-testid="theme-options">
          {THEMES.map((t) => {
            const Icon = THEME_ICON[t];
            const checked = theme === t;
            return (
              <label
                key={t}
                className={`relative flex cursor-pointer flex-col items-center gap-1.5 rounded-lg border px-2 py-3 text-center text-[13px] focus-within:outline-2 focus-within:outline-accent ${
                  checked ? "border-accent bg-[#d9fdd3] text-[#0a5c4a] dark:bg-[#103529] dark:text-[#25d366]" : "border-border text-fg hover:bg-hover"
                }`}
              >
                <input
                  type="radio"
                  name={`${ids}-theme`}
                  value={t}
                  checked={checked}
                  onChange={() => void saveSettings({ theme: t })}
                  className="sr-only"
                  data-testid={`settings-theme-${t}`}
                />
                <Icon size={22} />
                {THEME_LABEL[t]}
              </label>
            );
          })}
        </div>
      </fieldset>

      <SettingSwitch
        label="Notification sounds"
        hint="Play a sound for new messages in other chats (not muted ones)."
        checked={sounds}
        disabled={!profile}
        onToggle={() => {
          void saveSettings({ notificationSounds: !sounds });
          if (!sounds) playMessageChime();
        }}
        testId="settings-sounds"
      />
      <SettingSwitch
        label="Desktop notifications"
        hint={desktopHint(desktop)}
        checked={desktop === "on"}
        disabled={desktop === "unsupported" || desktop === "blocked"}
        onToggle={() => void setDesktopNotifications(desktop !== "on")}
        testId="settings-desktop-notifications"
      />
      <SettingSwitch
        label="Read receipts"
        hint="If turned off, you won't send or receive read receipts. Read receipts are always sent for group chats."
        checked={readReceipts}
        disabled={!profile}
        onToggle={() => void saveSettings({ readReceipts: !readReceipts })}
        testId="settings-read-receipts"
      />
      <SettingSwitch
        label="Link previews"
        hint="Show the page of a link you type, and send its preview. If turned off, the pages of the links you write are never fetched."
        checked={linkPreviews}
        disabled={!profile}
        onToggle={() => void saveSettings({ linkPreviews: !linkPreviews })}
        testId="settings-link-previews"
      />

      <div className="px-6 py-3">
        <label htmlFor={`${ids}-last-seen`} className="mb-1.5 block text-[15px] text-fg">
          Last seen and online
        </label>
        <select
          id={`${ids}-last-seen`}
          value={lastSeen}
          disabled={!profile}
          onChange={(e) => void saveSettings({ lastSeen: e.target.value as LastSeenAudience })}
          aria-describedby={`${ids}-last-seen-hint`}
          className="h-10 w-full rounded-lg border border-border bg-panel px-3 text-[15px] text-fg"
          data-testid="settings-last-seen"
        >
          <option value="everyone">Everyone</option>
          <option value="nobody">Nobody</option>
        </select>
        <p id={`${ids}-last-seen-hint`} className="mt-1.5 text-[13px] text-muted">
          If you don&apos;t share your last seen and online, you won&apos;t be able to see other people&apos;s.
        </p>
      </div>

      <div className="px-6 py-3">
        <label htmlFor={`${ids}-language`} className="mb-1.5 block text-[15px] text-fg">
          Language
        </label>
        <select
          id={`${ids}-language`}
          value={profile?.settings.language ?? "en"}
          onChange={() => undefined}
          aria-describedby={`${ids}-language-hint`}
          className="h-10 w-full rounded-lg border border-border bg-panel px-3 text-[15px] text-fg"
          data-testid="settings-language"
        >
          <option value="en">English</option>
        </select>
        <p id={`${ids}-language-hint`} className="mt-1.5 text-[13px] text-muted">
          More languages are coming soon.
        </p>
      </div>

      <BlockedContacts />
    </section>
  );
}

function BlockedContacts() {
  const blocked = useChat((s) => s.blocked);
  const store = useChatStoreApi();
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const list = blocked ? Object.values(blocked).sort((a, b) => a.name.localeCompare(b.name)) : null;

  const unblock = async (user: UserSummary) => {
    setBusy(user.id);
    try {
      await profileApi.unblock(user.id);
      store.getState().setUserBlocked(user, false);
      toast(`${user.name} unblocked`);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't unblock", "error");
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="px-6 pt-3 pb-2" data-testid="blocked-contacts">
      <h3 className="mb-1 flex items-center gap-2 text-[15px] text-fg">
        <BlockIcon size={18} className="text-muted" />
        Blocked contacts{list && list.length > 0 ? ` (${list.length})` : ""}
      </h3>
      {!list && <Spinner size={18} className="my-2" />}
      {list && list.length === 0 && <p className="text-[13px] text-muted">No blocked contacts. People you block can&apos;t message you.</p>}
      {list && list.length > 0 && (
        <ul aria-label="Blocked contacts" className="mt-1">
          {list.map((u) => (
            <li key={u.id} className="flex items-center gap-3 py-2" data-testid="blocked-row">
              <Avatar label={u.name} initials={u.initials} color={u.avatarColor} imageUrl={u.avatarUrl} size={40} />
              <div className="min-w-0 flex-1">
                <p className="truncate text-[15px] text-fg">{u.name}</p>
                <p className="truncate text-[13px] text-muted">@{u.username}</p>
              </div>
              <button
                type="button"
                onClick={() => void unblock(u)}
                disabled={busy === u.id}
                className="rounded-full border border-border px-3 py-1 text-sm font-medium text-accent-strong hover:bg-hover disabled:opacity-60"
                data-testid="unblock-button"
              >
                Unblock<span className="sr-only"> {u.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
