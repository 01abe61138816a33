"use client";
// The "Profile and settings" drawer over the chat list: photo (upload with a square crop,
// remove), name, @username (live availability check), about, phone; then Settings: theme,
// notification sounds, language and blocked contacts.
import { useEffect, useRef, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { BackIcon, CameraIcon, TrashIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { InlineEditField, fieldTestIds } from "@/components/ui/inline-edit-field";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/client/api";
import { useChat } from "@/lib/client/context";
import { profileApi, type ProfilePatch } from "@/lib/client/profile";
import { AvatarCropper } from "./avatar-cropper";
import { SettingsSection } from "./settings-section";
import { UsernameField } from "./username-field";
import { useUpdateProfile } from "./use-profile";

const PICTURE_TYPES = "image/jpeg,image/png,image/webp,image/gif";

type Props = { onClose: () => void; section?: "profile" | "settings" };

export function ProfileDrawer({ onClose, section = "profile" }: Props) {
  const profile = useChat((s) => s.profile);
  const me = useChat((s) => s.me);
  const update = useUpdateProfile();
  const toast = useToast();
  const backRef = useRef<HTMLButtonElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const settingsRef = useRef<HTMLDivElement>(null);
  const [cropping, setCropping] = useState<File | null>(null);
  const [removing, setRemoving] = useState(false);

  useEffect(() => {
    if (section === "settings") settingsRef.current?.scrollIntoView({ block: "start" });
    backRef.current?.focus({ preventScroll: section === "settings" });
  }, [section]);

  const save = async (patch: ProfilePatch): Promise<string | null> => {
    try {
      await update(patch);
      return null;
    } catch (err) {
      return err instanceof ApiError ? err.message : "Couldn't save. Try again.";
    }
  };

  const uploadPhoto = async (blob: Blob, name: string) => {
    const { attachment } = await profileApi.uploadAvatar(blob, name).catch((err: unknown) => {
      throw new Error(err instanceof ApiError ? err.message : "Couldn't upload the photo");
    });
    await update({ avatarAttachmentId: attachment.id }).catch((err: unknown) => {
      throw new Error(err instanceof ApiError ? err.message : "Couldn't update your photo");
    });
    setCropping(null);
    toast("Profile photo updated");
  };

  const removePhoto = async () => {
    setRemoving(true);
    try {
      await update({ avatarAttachmentId: null });
      toast("Profile photo removed");
    } catch (err) {
      toast(err instanceof ApiError ? err.message : "Couldn't remove the photo", "error");
    } finally {
      setRemoving(false);
    }
  };

  return (
    <section
      aria-labelledby="profile-drawer-title"
      className="absolute inset-0 z-20 flex flex-col bg-panel-2"
      data-testid="profile-drawer"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="flex h-[64px] shrink-0 items-center gap-3 bg-panel px-3">
        <IconButton ref={backRef} label="Back to chats" onClick={onClose} data-testid="profile-back">
          <BackIcon size={22} />
        </IconButton>
        {/* One name for both ways in, "Profile" and "Settings" (which scrolls to the settings):
            it holds both, as the avatar button that opens it says. Not "Settings" alone: its
            settings section is named that, and two landmarks would share a name. */}
        <h2 id="profile-drawer-title" className="text-lg font-semibold">
          Profile and settings
        </h2>
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto pb-8">
        <div className="relative flex flex-col items-center gap-3 bg-panel px-6 pt-6 pb-5">
          <button
            type="button"
            onClick={() => fileRef.current?.click()}
            className="group relative rounded-full outline-offset-4"
            aria-label={me.avatarUrl ? "Change profile photo" : "Add profile photo"}
            data-testid="avatar-change"
          >
            <Avatar label={me.name} initials={me.initials} color={me.avatarColor} imageUrl={me.avatarUrl} size={168} />
            <span
              className="absolute inset-0 flex flex-col items-center justify-center gap-1 rounded-full bg-black/45 text-[13px] leading-4 font-medium text-white opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100"
              aria-hidden="true"
            >
              <CameraIcon size={26} />
              {me.avatarUrl ? "CHANGE PHOTO" : "ADD PHOTO"}
            </span>
          </button>
          <input
            ref={fileRef}
            type="file"
            accept={PICTURE_TYPES}
            className="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="avatar-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) setCropping(file);
            }}
          />
          <div className="flex flex-wrap justify-center gap-2">
            <button
              type="button"
              onClick={() => fileRef.current?.click()}
              className="inline-flex items-center gap-2 rounded-full border border-border px-4 py-1.5 text-sm font-medium text-accent-strong hover:bg-hover"
            >
              <CameraIcon size={18} />
              {me.avatarUrl ? "Change photo" : "Upload photo"}
            </button>
            {me.avatarUrl && (
              <button
                type="button"
                onClick={() => void removePhoto()}
                disabled={removing}
                className="inline-flex items-center gap-2 rounded-full border border-border px-4 py-1.5 text-sm font-medium text-danger hover:bg-hover disabled:opacity-60"
                data-testid="avatar-remove"
              >
                {removing ? <Spinner size={18} /> : <TrashIcon size={18} />}
                Remove photo
              </button>
            )}
          </div>
        </div>

        {!profile ? (
          <div className="flex justify-center py-10">
            <Spinner size={28} />
          </div>
        ) : (
          <>
            <div className="mt-2.5">
              <InlineEditField
                testIds={fieldTestIds("profile-name")}
                className="bg-panel px-6 py-4"
                label="Your name"
                value={profile.name}
                emptyText="Add your name"
                maxLength={60}
                autoComplete="name"
                validate={(v) => (v.trim() ? null : "Enter your name")}
                hint="This is the name your contacts and groups see."
                onSave={(name) => save({ name })}
              />
            </div>
            <div className="mt-px">
              <UsernameField value={profile.username} onSave={(username) => save({ username })} />
            </div>
            <div className="mt-px">
              <InlineEditField
                testIds={fieldTestIds("profile-about")}
                className="bg-panel px-6 py-4"
                label="About"
                value={profile.bio}
                emptyText="Add a few words about yourself"
                maxLength={160}
                onSave={(bio) => save({ bio })}
              />
            </div>
            <div className="mt-px">
              <InlineEditField
                testIds={fieldTestIds("profile-phone")}
                className="bg-panel px-6 py-4"
                label="Phone"
                type="tel"
                value={profile.phoneNumber ?? ""}
                emptyText="Add a phone number"
                maxLength={20}
                autoComplete="tel"
                validate={(v) => (v.trim() === "" || /^\+?[0-9 ()-]{5,20}$/.test(v.trim()) ? null : "Enter a valid phone number")}
                hint="Only people in a chat where you have written can see it."
                onSave={(phoneNumber) => save({ phoneNumber })}
              />
            </div>
            <div ref={settingsRef} className="mt-2.5 scroll-mt-2">
              <SettingsSection />
            </div>
          </>
        )}
      </div>

      <AvatarCropper file={cropping} onCancel={() => setCropping(null)} onConfirm={uploadPhoto} />
    </section>
  );
}
