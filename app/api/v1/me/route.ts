import { apiRoute, jsonBody } from "@/lib/http/api-route";
import { getMyProfile, updateProfile, updateProfileInput } from "@/lib/users/profile";

export const GET = apiRoute(async ({ ctx }) => ({ profile: await getMyProfile(ctx) }));

/** `{ name?, username?, bio?, phoneNumber?, avatarAttachmentId?, settings? }` */
export const PATCH = apiRoute(async ({ ctx, req }) => ({
  profile: await updateProfile(ctx, updateProfileInput.parse(await jsonBody(req))),
}));
