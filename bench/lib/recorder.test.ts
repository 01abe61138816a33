import { describe, expect, it } from "vitest";
import type { MessageDto } from "@/lib/realtime/contract";
import type { ChatClient, PendingMessage } from "./chat-client";
import { hooksByPhase, Recorder } from "./recorder";

const conversationId = "c1";
const alice = { userId: "alice" } as ChatClient;
const bob = { userId: "bob" } as ChatClient;
const carol = { userId: "carol" } as ChatClient;

function message(clientId: string, id = `m-${clientId}`): MessageDto {
  return { id, clientId, conversationId, senderId: alice.userId } as MessageDto;
}

/** Alice sends `clientId` at `sentAt` (ms); Bob receives it `latency` ms later. */
function sendAndDeliver(recorder: Recorder, clientId: string, sentAt: number, latency: number) {
  recorder.noteSend(clientId, alice.userId, conversationId, sentAt);
  recorder.hooks.onDeliver!(bob, message(clientId), sentAt + latency, "live");
}

describe("Recorder", () => {
  it("gives the p99 of the messages sent in each second, counted from the first send", () => {
    const recorder = new Recorder();
    recorder.setMembers(conversationId, [alice.userId, bob.userId]);
    // Second 0: fast but for its last message, sent at 5,891 ms and delivered in the next second.
    for (let i = 0; i < 100; i++) sendAndDeliver(recorder, `a${i}`, 5_000 + i * 9, i < 99 ? 4 : 300);
    for (let i = 0; i < 100; i++) sendAndDeliver(recorder, `b${i}`, 6_000 + i * 9, i < 50 ? 4 : 120); // second 1: a stall
    sendAndDeliver(recorder, "c0", 8_500, 7); // nothing sent in second 2

    expect(recorder.deliverP99BySecond()).toEqual([300, 120, null, 7]);
  });

  it("counts a message delivered twice to one recipient as duplicated, and its latency once", () => {
    const recorder = new Recorder();
    recorder.setMembers(conversationId, [alice.userId, bob.userId]);
    sendAndDeliver(recorder, "x", 0, 5);
    recorder.hooks.onDeliver!(bob, message("x", "m-x-copy"), 900, "sync");

    expect(recorder.summary().duplicated).toBe(1);
    expect(recorder.deliverLatencies).toEqual([5]);
    expect(recorder.deliverP99BySecond()).toEqual([5]);
  });

  it("counts a copy delivered to the sender or to an outsider as misdelivered, not as delivered", () => {
    const recorder = new Recorder();
    recorder.setMembers(conversationId, [alice.userId, bob.userId]);
    recorder.noteSend("x", alice.userId, conversationId, 0);
    recorder.hooks.onAck!(alice, { clientId: "x" } as PendingMessage, message("x"), 2);
    recorder.hooks.onDeliver!(carol, message("x"), 3, "live");
    recorder.hooks.onDeliver!(alice, message("x"), 3, "live");

    expect(recorder.summary()).toMatchObject({ delivered: 0, misdelivered: 2, lost: 1, duplicated: 0 });
    expect(recorder.deliverLatencies).toEqual([]);
  });

  it("keeps count of the deliveries still missing for acknowledged messages, as they arrive", () => {
    const recorder = new Recorder();
    recorder.setMembers(conversationId, [alice.userId, bob.userId, carol.userId]);
    const ack = (clientId: string) =>
      recorder.hooks.onAck!(alice, { clientId } as PendingMessage, message(clientId), 10);

    recorder.noteSend("x", alice.userId, conversationId, 0);
    recorder.hooks.onDeliver!(bob, message("x"), 3, "live"); // before the sender's ack
    expect(recorder.missingDeliveries()).toBe(0); // nothing acknowledged yet
    ack("x");
    expect(recorder.missingDeliveries()).toBe(1); // carol's
    recorder.hooks.onDeliver!(bob, message("x", "m-x-copy"), 12, "sync"); // a duplicate to bob
    recorder.hooks.onDeliver!(alice, message("x"), 12, "live"); // the sender's own copy
    recorder.hooks.onDeliver!({ userId: "mallory" } as ChatClient, message("x"), 12, "live"); // not a member
    expect(recorder.missingDeliveries()).toBe(1);
    recorder.hooks.onDeliver!(carol, message("x"), 15, "live");
    expect(recorder.missingDeliveries()).toBe(0);

    recorder.noteSend("y", alice.userId, conversationId, 20);
    ack("y");
    expect(recorder.missingDeliveries()).toBe(2);
    expect(recorder.summary()).toMatchObject({ acked: 2, lost: 2, lostMessages: 1, duplicated: 1, misdelivered: 2 });
  });

  it("books each event with the phase its message was sent in, also after the switch", () => {
    const warmUp = new Recorder();
    const measured = new Recorder();
    for (const r of [warmUp, measured]) r.setMembers(conversationId, [alice.userId, bob.userId]);
    const hooks = hooksByPhase([warmUp, measured]);

    warmUp.noteSend("w", alice.userId, conversationId, 0);
    measured.noteSend("m", alice.userId, conversationId, 100);
    // The warm-up message's ack and delivery arrive after the measured phase began.
    hooks.onAck!(alice, { clientId: "w" } as PendingMessage, message("w"), 101);
    hooks.onDeliver!(bob, message("w"), 150, "live");
    hooks.onAck!(alice, { clientId: "m" } as PendingMessage, message("m"), 102);
    hooks.onDeliver!(bob, message("m"), 103, "live");

    expect(warmUp.summary()).toMatchObject({ sent: 1, acked: 1, delivered: 1, lost: 0 });
    expect(warmUp.deliverLatencies).toEqual([150]);
    expect(measured.summary()).toMatchObject({ sent: 1, acked: 1, delivered: 1, lost: 0 });
    expect(measured.deliverLatencies).toEqual([3]);
    expect(measured.foreign).toBe(0);
  });
});
