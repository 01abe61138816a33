import { expect, test } from "./support/fixtures";
import { openChat, sendDirect, signInAll } from "./support/chat";
import { expectNoAxeViolations } from "./support/checks";

// Voice messages recorded from Chromium's fake microphone (a test tone, see playwright.config.ts):
// recorded, uploaded, sniffed by the server as audio, and played back on the other side.

test("record a voice message and send it; the other person gets it with its length; Esc discards one", async ({ newUsers }, testInfo) => {
  const [alice, bob] = await newUsers(2, { label: "voice" });
  // Keep hold of every microphone stream the page opens (the real ones), to see that each is let go.
  await alice!.context.addInitScript(() => {
    const streams: MediaStream[] = [];
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      streams.push(stream);
      return stream;
    };
    Object.assign(window, { microphoneStreams: streams });
  });
  await signInAll([alice!, bob!]);
  const A = alice!.page;
  const B = bob!.page;
  await sendDirect(A, bob!.name, "Listen to this");
  await openChat(B, alice!.name);

  // An empty box offers the microphone where Send would be.
  await expect(A.getByTestId("send-button")).toHaveCount(0);
  await A.getByTestId("composer-input").fill("x");
  await expect(A.getByTestId("voice-record")).toHaveCount(0);
  await A.getByTestId("composer-input").fill("");
  const recordingFrom = Date.now();
  await A.getByRole("button", { name: "Record voice message" }).click();

  const recorder = A.getByTestId("voice-recorder");
  await expect(recorder).toBeVisible();
  await expect(A.getByRole("button", { name: "Send voice message" })).toBeFocused();
  await expect(A.getByTestId("voice-elapsed")).toHaveText("0:02", { timeout: 5_000 });
  // Bob sees what Alice is doing, in the header and in his chat list, as in WhatsApp.
  await expect(B.getByTestId("typing-indicator")).toHaveText("recording audio…");
  await expect(B.getByTestId("conversation-row").filter({ hasText: alice!.name })).toContainText("recording audio…");
  // Axe-clean while recording, wide and light, narrow and dark.
  for (const [width, colorScheme] of [[1280, "light"], [390, "dark"]] as const) {
    await A.setViewportSize({ width, height: 800 });
    await A.emulateMedia({ colorScheme });
    await expectNoAxeViolations(A);
    await A.screenshot({ path: testInfo.outputPath(`voice-recording-${colorScheme}-${width}.png`) });
  }
  await A.setViewportSize({ width: 1280, height: 720 });
  await A.emulateMedia({ colorScheme: "light" });
  await A.keyboard.press("Enter");
  const recordedSeconds = (Date.now() - recordingFrom) / 1000;
  await expect(recorder).toHaveCount(0);
  await expect(A.getByTestId("composer-input")).toBeFocused();

  // Both sides show it as audio (the server sniffed the upload), with a length of 2 s or more.
  for (const page of [A, B]) {
    const audio = page.getByTestId("message-audio");
    await expect(audio).toHaveCount(1);
    await expect(audio.getByTestId("audio-name")).toHaveText(/^Voice message \d{4}-\d\d-\d\d at \d\d\.\d\d\.\d\d\.webm$/);
    // Shown whole: the long name is what gets cut short.
    const [box, length] = await Promise.all([audio.boundingBox(), audio.getByTestId("audio-duration").boundingBox()]);
    expect(length!.x + length!.width).toBeLessThanOrEqual(box!.x + box!.width);
    await expect(audio.getByTestId("audio-duration")).toHaveText(/^0:(0[2-9]|[1-5]\d)$/);
  }
  const seconds = await B.getByTestId("message-audio").locator("audio").evaluate((el: HTMLAudioElement) => el.duration);
  expect(seconds).toBeGreaterThanOrEqual(2);
  // No longer than the recorder was open (the axe runs above make that vary with the machine).
  expect(seconds).toBeLessThanOrEqual(recordedSeconds);
  // It plays from the start once the length has been found.
  const played = await B.getByTestId("message-audio").locator("audio").evaluate(async (el: HTMLAudioElement) => {
    el.muted = true;
    await el.play();
    await new Promise((resolve) => setTimeout(resolve, 600));
    el.pause();
    return el.currentTime;
  });
  expect(played).toBeGreaterThan(0.2);
  expect(played).toBeLessThan(2);

  // The speed button cycles 1×, 1.5×, 2×, back to 1×; the choice holds for this browser's
  // players, after a reload too, and is not the other person's.
  const speed = B.getByTestId("message-audio").getByTestId("playback-speed");
  const rate = (page: typeof B) => page.getByTestId("message-audio").locator("audio").evaluate((el: HTMLAudioElement) => el.playbackRate);
  await expect(speed).toHaveText("1×");
  await speed.click();
  await expect(speed).toHaveText("1.5×");
  expect(await rate(B)).toBe(1.5);
  await speed.click();
  await expect(speed).toHaveAccessibleName("Playback speed 2×");
  expect(await rate(B)).toBe(2);
  await expectNoAxeViolations(B, '[data-testid="message-audio"]');
  await B.screenshot({ path: testInfo.outputPath("voice-received-1280.png") });
  await B.reload();
  await openChat(B, alice!.name);
  await expect(speed).toHaveText("2×");
  await expect.poll(() => rate(B)).toBe(2);
  await speed.click();
  await expect(speed).toHaveText("1×");
  expect(await rate(B)).toBe(1);
  await expect(A.getByTestId("message-audio").getByTestId("playback-speed")).toHaveText("1×");
  expect(await rate(A)).toBe(1);

  // Another recording, discarded with Esc: nothing is sent.
  await A.getByRole("button", { name: "Record voice message" }).click();
  await expect(A.getByTestId("voice-elapsed")).toHaveText("0:01", { timeout: 5_000 });
  await expect(B.getByTestId("typing-indicator")).toHaveText("recording audio…");
  await A.keyboard.press("Escape");
  await expect(recorder).toHaveCount(0);
  await expect(A.getByTestId("composer-input")).toBeFocused();
  // Discarded: the hint goes at once, not when it would have run out (5 s).
  await expect(B.getByTestId("typing-indicator")).toHaveCount(0, { timeout: 2_000 });
  await B.waitForTimeout(1_500);
  await expect(B.getByTestId("message-audio")).toHaveCount(1);
  await expect(A.getByTestId("message-audio")).toHaveCount(1);

  // Closing the chat mid-recording lets the microphone go too, and sends nothing.
  await A.getByRole("button", { name: "Record voice message" }).click();
  await expect(A.getByTestId("voice-elapsed")).toHaveText("0:01", { timeout: 5_000 });
  await A.getByTestId("chat-menu-button").click();
  await A.getByTestId("close-chat").click();
  await expect(A.getByTestId("voice-recorder")).toHaveCount(0);
  const microphones = () =>
    A.evaluate(() => (window as unknown as { microphoneStreams: MediaStream[] }).microphoneStreams.flatMap((s) => s.getTracks().map((t) => t.readyState)));
  await expect.poll(microphones).toEqual(["ended", "ended", "ended"]);
  await B.waitForTimeout(1_000);
  await expect(B.getByTestId("message-audio")).toHaveCount(1);
});
