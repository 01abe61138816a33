// How long a sender may still change a message once sent, as in WhatsApp: edit it for 15
// minutes, delete it for everyone for 60 hours. Later it stays as the others read it. A site
// admin moderating a public group is not limited. Shared by the server's checks and the
// message menu, which offers neither once its time has passed.

export const EDIT_WINDOW_MS = 15 * 60_000;
export const DELETE_FOR_EVERYONE_WINDOW_MS = 60 * 3_600_000;

export const EDIT_WINDOW_PASSED = "A message can only be edited within 15 minutes of sending it";
export const DELETE_WINDOW_PASSED = "A message can only be deleted for everyone within 60 hours of sending it";

const age = (sentAt: Date | string, now: number) => now - new Date(sentAt).getTime();

export const mayStillEdit = (sentAt: Date | string, now = Date.now()): boolean => age(sentAt, now) <= EDIT_WINDOW_MS;

export const mayStillDeleteForEveryone = (sentAt: Date | string, now = Date.now()): boolean =>
  age(sentAt, now) <= DELETE_FOR_EVERYONE_WINDOW_MS;
