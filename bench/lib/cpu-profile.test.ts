import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { summariseCpuProfile } from "./cpu-profile";

const dir = mkdtempSync(path.join(tmpdir(), "cpu-profile-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Start-up busy in `boot`, then the measured phase: half idle, half in `send`.
function writeProfile(): string {
  const frame = (id: number, functionName: string, url = "") => ({ id, callFrame: { functionName, url, lineNumber: 0 }, children: [] });
  const nodes = [
    { ...frame(1, "(root)"), children: [2, 3, 4] },
    frame(2, "boot", "file:///app/dist/server.mjs"),
    frame(3, "send", "file:///app/node_modules/socket.io/dist/socket.js"),
    frame(4, "(idle)"),
  ];
  const samples = [2, 2, 2, 2, 3, 4, 3, 4];
  const file = path.join(dir, "test.cpuprofile");
  writeFileSync(file, JSON.stringify({ nodes, startTime: 1_000, endTime: 9_000, samples, timeDeltas: samples.map(() => 1_000) }));
  return file;
}

describe("summariseCpuProfile", () => {
  it("counts only the samples of the measured window when given one", () => {
    const file = writeProfile();
    const whole = summariseCpuProfile(file);
    expect(whole.busyPercent).toBe(75);
    expect(whole.selfTimeByArea["app: dist/server.mjs (lib/ + server.ts)"]).toBe("50%");

    const measured = summariseCpuProfile(file, { fromUs: 5_500, toUs: 9_000 });
    expect(measured.busyPercent).toBe(50);
    expect(measured.selfTimeByArea).not.toHaveProperty(["app: dist/server.mjs (lib/ + server.ts)"]);
    expect(measured.selfTimeByArea["socket.io"]).toBe("50%");
  });
});
