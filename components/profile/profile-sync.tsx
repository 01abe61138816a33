"use client";
// Background duties for my profile, mounted once with the chat list: load my profile and
// settings (again when another tab changes them), apply the saved theme, load who I blocked,
// play the new-message sound and show desktop notifications, and explain a message the server
// refused to send.
import { useEffect } from "react";
import { useChatNavigation } from "@/components/chat/navigation";
import { useToast } from "@/components/ui/toast";
import { useChat, useChatStoreApi } from "@/lib/client/context";
import { profileApi } from "@/lib/client/profile";
import { showDesktopNotification } from "@/lib/client/desktop-notifications";
import { chatsToChime, playMessageChime, unlockAudioOnGesture } from "@/lib/client/sound";
import { readTheme, setTheme } from "@/lib/client/theme";

/** At most one chime per this many ms (a burst of messages is one sound). */
const CHIME_GAP_MS = 1_500;

export function ProfileSync() {
  const store = useChatStoreApi();
  const toast = useToast();
  const revision = useChat((s) => s.profileRevision);
  const { openChat } = useChatNavigation();

  useEffect(() => {
    let cancelled = false;
    profileApi
      .me()
      .then(({ profile }) => {
        if (cancelled) return;
        store.getState().setProfile(profile);
        // The saved theme follows me to every browser (the cookie is this browser's copy).
        if (profile.settings.theme !== readTheme()) setTheme(profile.settings.theme);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [store, revision]);

  useEffect(() => {
    profileApi
      .blocked()
      .then(({ users }) => store.getState().setBlockedUsers(users))
      .catch(() => store.getState().setBlockedUsers([]));
  }, [store]);

  useEffect(() => {
    const relock = unlockAudioOnGesture();
    let lastChime = 0;
    const unsubscribe = store.subscribe((next, prev) => {
      if (next.conversations === prev.conversations) return;
      // The chats that deserve a sound deserve a desktop notification too.
      const now = Date.now();
      const ids = chatsToChime(prev.conversations, next.conversations, {
        meId: next.me.id,
        meUsername: next.me.username,
        activeId: next.activeId,
        visible: document.visibilityState === "visible",
        now,
      });
      if (ids.length === 0) return;
      for (const id of ids) showDesktopNotification(next.conversations[id]!, openChat);
      if (next.profile?.settings.notificationSounds && now - lastChime > CHIME_GAP_MS) {
        lastChime = now;
        playMessageChime();
      }
    });
    return () => {
      relock();
      unsubscribe();
    };
  }, [store, openChat]);

  // A send the server refused for good (e.g. a block): say why, once.
  useEffect(
    () =>
      store.subscribe((next, prev) => {
        if (next.outbox === prev.outbox) return;
        for (const e of next.outbox) {
          if (!e.failed) continue;
          const before = prev.outbox.find((p) => p.clientId === e.clientId);
          if (before && !before.failed) toast(e.failed, "error");
        }
      }),
    [store, toast],
  );

  return null;
}
