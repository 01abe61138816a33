"use client";
// Saving my profile and settings: PATCH /api/v1/me, then the store (and so every avatar and
// name on this page) takes the server's copy.
import { useCallback } from "react";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChatStoreApi } from "@/lib/client/context";
import { profileApi, type MyProfile, type ProfilePatch, type UserSettings } from "@/lib/client/profile";
import { setTheme, type Theme } from "@/lib/client/theme";

export function useUpdateProfile(): (patch: ProfilePatch) => Promise<MyProfile> {
  const store = useChatStoreApi();
  return useCallback(
    async (patch) => {
      const { profile } = await profileApi.updateMe(patch);
      store.getState().setProfile(profile);
      return profile;
    },
    [store],
  );
}

/** A settings change: applied at once, saved to the server (reverted with a toast if refused). */
export function useSaveSettings(): (patch: Partial<UserSettings>) => Promise<void> {
  const store = useChatStoreApi();
  const toast = useToast();
  return useCallback(
    async (patch) => {
      const before = store.getState().profile;
      if (patch.theme) setTheme(patch.theme);
      if (before) store.getState().setProfile({ ...before, settings: { ...before.settings, ...patch } });
      try {
        // The whole settings object: the server fills fields left out with their defaults.
        const base = before ?? (await profileApi.me()).profile;
        const { profile } = await profileApi.updateMe({ settings: { ...base.settings, ...patch } });
        store.getState().setProfile(profile);
      } catch (err) {
        if (before) {
          store.getState().setProfile(before);
          if (patch.theme) setTheme(before.settings.theme);
        }
        toast(err instanceof ApiError ? err.message : "Couldn't save the setting", "error");
      }
    },
    [store, toast],
  );
}

export const THEME_LABEL: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System default" };
