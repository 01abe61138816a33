"use client";
// Top of the chat list: my avatar (profile + log out), the title, New chat and the theme menu.
import { useEffect, useState, useSyncExternalStore } from "react";
import { logout } from "@/app/(chat)/actions";
import { AdminLink } from "@/components/admin/admin-link";
import { NewGroupButton } from "@/components/groups/new-group";
import { Avatar } from "@/components/ui/avatar";
import { IconButton } from "@/components/ui/icon-button";
import { useChatNavigation } from "@/components/chat/navigation";
import { KeyboardIcon, LogoutIcon, MonitorIcon, MoonIcon, NewChatIcon, SettingsIcon, SunIcon, UserIcon } from "@/components/ui/icons";
import { useSaveSettings } from "@/components/profile/use-profile";
import { Menu, MenuItem } from "@/components/ui/menu";
import { useChat } from "@/lib/client/context";
import { applyTheme, readTheme, subscribeTheme, type Theme } from "@/lib/client/theme";

const THEME_LABEL: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System default" };

type HeaderProps = {
  onNewChat: () => void;
  newChatRef: React.RefObject<HTMLButtonElement | null>;
  /** Opens the profile drawer (at its settings with "settings"). */
  onOpenProfile?: (section: "profile" | "settings") => void;
};

export function SidebarHeader({ onNewChat, newChatRef, onOpenProfile }: HeaderProps) {
  const me = useChat((s) => s.me);
  const [profileOpen, setProfileOpen] = useState(false);
  const [themeOpen, setThemeOpen] = useState(false);
  const [profileButton, setProfileButton] = useState<HTMLButtonElement | null>(null);
  const [themeButton, setThemeButton] = useState<HTMLButtonElement | null>(null);
  const theme = useSyncExternalStore(subscribeTheme, readTheme, () => "system" as Theme);

  // Follow the OS while on "system".
  useEffect(() => {
    if (theme !== "system") return;
    const mql = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => applyTheme("system");
    mql.addEventListener("change", onChange);
    return () => mql.removeEventListener("change", onChange);
  }, [theme]);

  const { openShortcuts } = useChatNavigation();
  const saveSettings = useSaveSettings();
  // Saved with my settings too, so the choice follows me to other browsers.
  const choose = (t: Theme) => void saveSettings({ theme: t });

  const ThemeIcon = theme === "dark" ? MoonIcon : theme === "light" ? SunIcon : MonitorIcon;

  return (
    <header className="flex h-[64px] shrink-0 items-center gap-1 px-3">
      <button
        ref={setProfileButton}
        type="button"
        aria-label={`Profile and settings (${me.name})`}
        aria-haspopup="menu"
        aria-expanded={profileOpen}
        onClick={() => setProfileOpen((o) => !o)}
        className="rounded-full p-0.5 hover:opacity-90"
        data-testid="profile-button"
      >
        <Avatar label={me.name} initials={me.initials} color={me.avatarColor} imageUrl={me.avatarUrl} size={40} />
      </button>
      <h2 className="ml-2 flex-1 truncate text-[22px] font-bold text-fg">Chats</h2>
      <AdminLink role={me.role} />
      <NewGroupButton />
      <IconButton ref={newChatRef} label="New chat" onClick={onNewChat} data-testid="new-chat-button">
        <NewChatIcon size={22} />
      </IconButton>
      <IconButton
        ref={setThemeButton}
        label={`Theme: ${THEME_LABEL[theme]}`}
        aria-haspopup="menu"
        aria-expanded={themeOpen}
        onClick={() => setThemeOpen((o) => !o)}
        data-testid="theme-toggle"
      >
        <ThemeIcon size={22} />
      </IconButton>

      <Menu open={profileOpen} onClose={() => setProfileOpen(false)} anchor={profileButton} label="Profile" align="start" testId="profile-menu">
        <div className="flex items-center gap-3 px-5 pt-2 pb-3">
          <Avatar label={me.name} initials={me.initials} color={me.avatarColor} imageUrl={me.avatarUrl} size={48} />
          <div className="min-w-0">
            <p className="truncate font-medium" data-testid="me-name">
              {me.name}
            </p>
            <p className="truncate text-sm text-muted">@{me.username}</p>
            <p className="truncate text-sm text-muted">{me.email}</p>
          </div>
        </div>
        {onOpenProfile && (
          <>
            <div className="my-1 border-t border-border" />
            <MenuItem icon={<UserIcon size={20} />} onClick={() => onOpenProfile("profile")} data-testid="open-profile">
              Profile
            </MenuItem>
            <MenuItem icon={<SettingsIcon size={20} />} onClick={() => onOpenProfile("settings")} data-testid="open-settings">
              Settings
            </MenuItem>
          </>
        )}
        <MenuItem icon={<KeyboardIcon size={20} />} onClick={openShortcuts} data-testid="open-shortcuts">
          Keyboard shortcuts
        </MenuItem>
        <div className="my-1 border-t border-border" />
        <form action={logout}>
          <MenuItem type="submit" icon={<LogoutIcon size={20} />} data-testid="logout">
            Log out
          </MenuItem>
        </form>
      </Menu>

      <Menu open={themeOpen} onClose={() => setThemeOpen(false)} anchor={themeButton} label="Theme" testId="theme-menu">
        {(["light", "dark", "system"] as Theme[]).map((t) => {
          const Icon = t === "dark" ? MoonIcon : t === "light" ? SunIcon : MonitorIcon;
          return (
            <MenuItem key={t} checked={theme === t} icon={<Icon size={20} />} onClick={() => choose(t)} data-testid={`theme-${t}`}>
              {THEME_LABEL[t]}
            </MenuItem>
          );
        })}
      </Menu>
    </header>
  );
}
