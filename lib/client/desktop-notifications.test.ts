import { afterEach, describe, expect, it, vi } from "vitest";
import { desktopNotificationState, notificationContent, setDesktopNotifications, showDesktopNotification } from "./desktop-notifications";
import { ANA, conv } from "./test-support/fixtures";

const last = (text: string, type: "TEXT" | "IMAGE" = "TEXT") => ({
  id: "m1", seq: 1, senderId: ANA, type, text, createdAt: "2025-03-10T10:00:00.000Z",
  deletedAt: null, deletedByAdmin: false, withheld: false, system: null, senderName: "Ana Lima",
});

/** A browser with the Notification API, where the person answers `answer` when asked. */
function browser(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const shown: { title: string; options: NotificationOptions; instance: { onclick: (() => void) | null; close: () => void } }[] = [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = vi.fn(async () => (FakeNotification.permission = answer));
    onclick: (() => void) | null = null;
    close = vi.fn();
    constructor(title: string, options: NotificationOptions) {
      shown.push({ title, options, instance: this });
    }
  }
  const storage = new Map<string, string>();
  vi.stubGlobal("Notification", FakeNotification);
  vi.stubGlobal("window", { Notification: FakeNotification, focus: vi.fn() });
  vi.stubGlobal("localStorage", { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
  return { shown, FakeNotification };
}

afterEach(() => vi.unstubAllGlobals());

describe("desktop notifications", () => {
  it("say who wrote what, the words without formatting; in a group, the group and then the sender", () => {
    expect(notificationContent(conv({ title: "Ana Lima", lastMessage: last("*Lunch* at 1?") }))).toEqual({ title: "Ana Lima", body: "Lunch at 1?" });
    expect(notificationContent(conv({ type: "GROUP", title: "Tech Talk", lastMessage: last("", "IMAGE") }))).toEqual({
      title: "Tech Talk",
      body: "Ana Lima: 📷 Photo",
    });
    expect(notificationContent(conv({ lastMessage: null }))).toBeNull();
  });

  it("ask the browser once when turned on, and can be turned off again in this browser", async () => {
    expect(desktopNotificationState()).toBe("unsupported");
    const { FakeNotification } = browser("default", "granted");
    expect(desktopNotificationState()).toBe("ask");
    expect(await setDesktopNotifications(true)).toBe("on");
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(await setDesktopNotifications(false)).toBe("off");
    expect(await setDesktopNotifications(true)).toBe("on");
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
  });

  it("stay blocked when the person refuses, and show nothing then", async () => {
    const { shown } = browser("default", "denied");
    expect(await setDesktopNotifications(true)).toBe("blocked");
    showDesktopNotification(conv({ lastMessage: last("hi") }), () => undefined);
    expect(shown).toEqual([]);
  });

  it("show nothing, and do not fail, where the browser refuses to construct one (Chrome on Android)", () => {
    const { FakeNotification } = browser("granted");
    vi.stubGlobal(
      "Notification",
      Object.assign(
        function Refusing() {
          throw new TypeError("Illegal constructor");
        },
        { permission: FakeNotification.permission },
      ),
    );
    expect(() => showDesktopNotification(conv({ lastMessage: last("hi") }), () => undefined)).not.toThrow();
  });

  it("show one per chat (tagged with it) and open the chat when clicked", async () => {
    const { shown } = browser("granted");
    const opened: string[] = [];
    showDesktopNotification(conv({ id: "c9", title: "Ana Lima", lastMessage: last("hi") }), (id) => opened.push(id));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: "Ana Lima", options: { body: "hi", tag: "c9" } });
    shown[0]!.instance.onclick!();
    expect(opened).toEqual(["c9"]);
    await setDesktopNotifications(false);
    showDesktopNotification(conv({ lastMessage: last("again") }), () => undefined);
    expect(shown).toHaveLength(1);
  });
});
