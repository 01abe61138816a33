// A Node chat client with the browser's delivery semantics, for benchmarks and fault tests.
// Runtime dependencies: socket.io-client, and the browser's receipt batchers (no imports of their own).
//
// - Every message gets a clientId and stays pending until the server acknowledges it. Like the
//   browser's outbox, a conversation has one message in flight at a time, in the order sent: the
//   next goes when the previous is acknowledged or given up (so a busy server sees one attempt
//   per conversation, not one per queued message). It is re-sent with the same clientId on ack
//   timeout or a retryable error (backoff; RATE_LIMITED waits as long as the server says); the
//   server's (sender, clientId) uniqueness makes a retry return the stored message instead of a
//   copy.
// - On disconnect it reconnects with backoff, optionally to the next URL of its list
//   (failover). On every (re)connect and on the server's `resync` it runs `sync` with the highest
//   contiguous seq it holds per conversation, merges what it missed (paging with `messages:list`
//   when the server says a conversation is truncated), then re-sends everything pending.
// - Received messages are deduplicated by id; hooks see each message once, with timestamps.
// - With `receipts`, it sends the delivered (and, as in an open chat, read) receipts the browser
//   sends, through the browser's own batchers.
import { io, type Socket } from "socket.io-client";
import { createReceiptBatchers, emitReceipt, type ReceiptBatchers } from "@/lib/client/receipt-batchers";
import type {
  ClientToServerEvents, MessageDto, MessagePage, PageQuery, ServerToClientEvents, SyncResult,
} from "@/lib/realtime/contract";

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The server's ack, or a failure seen on this side (TIMEOUT, DISCONNECTED). */
type Reply<T> = ({ ok: true } & T) | { ok: false; error: ErrorInfo };

export type DeliveryVia = "live" | "sync" | "page";

export type ErrorInfo = { code: string; message: string; retryAfterSeconds?: number };

export type PendingMessage = {
  readonly clientId: string;
  readonly conversationId: string;
  readonly text: string;
  /** When send() was called (performance.now() clock of this process). */
  readonly createdAt: number;
  attempts: number;
  lastError: ErrorInfo | null;
};

export type SendOutcome = { ok: true; message: MessageDto; at: number } | { ok: false; error: ErrorInfo };

export type ChatClientHooks = {
  /** A message from someone else reached this client for the first time. */
  onDeliver?: (client: ChatClient, message: MessageDto, at: number, via: DeliveryVia) => void;
  /** A message id this client already had arrived again (and was dropped). */
  onRedelivery?: (client: ChatClient, message: MessageDto, via: DeliveryVia) => void;
  onAck?: (client: ChatClient, pending: PendingMessage, message: MessageDto, at: number) => void;
  onSendError?: (client: ChatClient, pending: PendingMessage, error: ErrorInfo, at: number, latencyMs: number) => void;
  /** Gave up on a message: the server refused it for good (not found, forbidden, invalid…). */
  onFailed?: (client: ChatClient, pending: PendingMessage, error: ErrorInfo) => void;
  onConnect?: (client: ChatClient, url: string, attempt: number) => void;
  onDisconnect?: (client: ChatClient, url: string, reason: string) => void;
  onSync?: (client: ChatClient, reason: string, result: SyncResult, ms: number) => void;
};

export type ChatClientOptions = {
  /** Server base URLs (http://host:port). The client starts on `startIndex` and fails over in order. */
  urls: string[];
  startIndex?: number;
  /** Cookie header carrying the session (authjs.session-token=…). */
  cookie: string;
  userId: string;
  /** Move to the next URL after a lost connection (default: when there are several URLs). */
  failover?: boolean;
  /** Known conversations and the seq already held (0 for a fresh one). Others are adopted at their lastSeq on first sync. */
  cursors?: Record<string, number>;
  ackTimeoutMs?: number;
  syncTimeoutMs?: number;
  connectTimeoutMs?: number;
  retry?: { initialMs?: number; maxMs?: number };
  reconnect?: { initialMs?: number; maxMs?: number };
  hooks?: ChatClientHooks;
  /** Clock for timestamps; performance.now by default. */
  now?: () => number;
  /**
   * Receipts for messages from others, as the browser sends them: "delivered" (the chat is not
   * open), "read" (it is open: every message is read as it arrives), "none" (the default).
   */
  receipts?: ReceiptMode;
};

type Pending = PendingMessage & {
  attempt: number;
  inFlight: boolean;
  timer: NodeJS.Timeout | undefined;
  failures: number;
  settle: (outcome: SendOutcome) => void;
};

type Cursor = { contiguous: number; above: Set<number> };

const RETRYABLE = new Set(["RATE_LIMITED", "UNAVAILABLE", "INTERNAL", "TIMEOUT", "DISCONNECTED"]);

/** A client's counters, all at zero (clientTotals sums them over a fleet). */
export function newClientStats() {
  return {
    connects: 0,
    connectErrors: 0,
    disconnects: 0,
    syncs: 0,
    syncErrors: 0,
    /** `resync` events the server sent (Redis came back). */
    resyncEvents: 0,
    pagedFetches: 0,
    sendAttempts: 0,
    acked: 0,
    failed: 0,
    redeliveries: 0,
    receiptsSent: 0,
    /** `receipt:update` events received (the tab that sent a receipt does not get it back). */
    receiptUpdates: 0,
    errorsByCode: {} as Record<string, number>,
  };
}

/** What the clients send for the messages they receive (see ChatClientOptions.receipts). */
export const RECEIPT_MODES = ["none", "delivered", "read"] as const;
export type ReceiptMode = (typeof RECEIPT_MODES)[number];

let clientCounter = 0;

/** Random-enough, unique clientId that passes the server's validation ([A-Za-z0-9_-]{8,64}). */
export function newClientId(prefix = "b"): string {
  clientCounter = (clientCounter + 1) % 0x7fffffff;
  return `${prefix}${Date.now().toString(36)}${clientCounter.toString(36)}${Math.random().toString(36).slice(2, 10)}`.slice(0, 64);
}

const jitter = (ms: number) => Math.round(ms * (0.5 + Math.random() * 0.5));

export class ChatClient {
  readonly userId: string;
  readonly stats = newClientStats();

  private readonly opts: ChatClientOptions & { now: () => number };
  private readonly hooks: ChatClientHooks;
  private readonly pending = new Map<string, Pending>();
  /** Pending messages per conversation, in the order sent; only the first is ever transmitted. */
  private readonly lines = new Map<string, Pending[]>();
  private readonly cursors = new Map<string, Cursor>();
  private readonly seen = new Set<string>();
  private readonly receipts: ReceiptBatchers | undefined;
  private urlIndex: number;
  private socket: ClientSocket | undefined;
  private ready = false;
  private closed = false;
  private syncing = false;
  private syncAgain: string | null = null;
  private reconnectAttempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private syncRetryTimer: NodeJS.Timeout | undefined;
  private readyWaiters: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(options: ChatClientOptions) {
    if (options.urls.length === 0) throw new Error("ChatClient needs at least one URL");
    this.opts = { now: () => performance.now(), ...options };
    this.userId = options.userId;
    this.hooks = options.hooks ?? {};
    this.urlIndex = (options.startIndex ?? 0) % options.urls.length;
    for (const [conversationId, seq] of Object.entries(options.cursors ?? {})) {
      this.cursors.set(conversationId, { contiguous: seq, above: new Set() });
    }
    if ((options.receipts ?? "none") !== "none") {
      this.receipts = createReceiptBatchers((kind, conversationId, seq) => {
        const socket = this.socket;
        if (!socket?.connected) return false;
        this.stats.receiptsSent++;
        return emitReceipt(socket, kind, conversationId, seq);
      });
    }
  }

  get url(): string {
    return this.opts.urls[this.urlIndex]!;
  }

  get isReady(): boolean {
    return this.ready;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Highest seq up to which this client holds every message, per conversation. */
  contiguousSeq(conversationId: string): number | undefined {
    return this.cursors.get(conversationId)?.contiguous;
  }

  /** Starts connecting; resolves once connected and synced (or rejects after `timeoutMs`). */
  start(timeoutMs = 30_000): Promise<void> {
    if (!this.socket && !this.reconnectTimer) this.open();
    return this.whenReady(timeoutMs);
  }

  whenReady(timeoutMs = 30_000): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.readyWaiters = this.readyWaiters.filter((w) => w !== done);
        reject(new Error(`client ${this.userId} not ready within ${timeoutMs} ms (url ${this.url})`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.readyWaiters.push(done);
    });
  }

  /** Resolves when nothing is pending (every message acknowledged or given up), or after `timeoutMs`. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.pending.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.idleWaiters.push(done);
    });
  }

  /**
   * Queues a text message. It is sent now when connected, or after the next sync. The promise
   * settles once: acknowledged, or refused for good; it never rejects.
   */
  send(conversationId: string, text: string, clientId = newClientId()): { clientId: string; done: Promise<SendOutcome> } {
    let settle!: (outcome: SendOutcome) => void;
    const done = new Promise<SendOutcome>((resolve) => (settle = resolve));
    const p: Pending = {
      clientId,
      conversationId,
      text,
      createdAt: this.opts.now(),
      attempts: 0,
      lastError: null,
      attempt: 0,
      inFlight: false,
      timer: undefined,
      failures: 0,
      settle,
    };
    this.pending.set(clientId, p);
    const line = this.lines.get(conversationId);
    if (line) line.push(p);
    else this.lines.set(conversationId, [p]);
    if (this.ready) this.advance(conversationId);
    return { clientId, done };
  }

  /** Ask the server for what this client missed (what the `resync` event triggers). */
  resync(reason = "manual"): Promise<void> {
    return this.sync(reason);
  }

  /** Stops for good: no reconnects, no retries; pending messages stay unacknowledged. */
  close(): void {
    this.closed = true;
    this.ready = false;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.syncRetryTimer);
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.receipts?.delivered.dispose();
    this.receipts?.reads.dispose();
    const socket = this.socket;
    this.socket = undefined;
    socket?.removeAllListeners();
    socket?.close();
  }

  // --- connection -------------------------------------------------------------------------

  private open(): void {
    if (this.closed) return;
    const url = this.url;
    const socket: ClientSocket = io(url, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      timeout: this.opts.connectTimeoutMs ?? 10_000,
      extraHeaders: { cookie: this.opts.cookie, origin: url },
    });
    this.socket = socket;
    socket.on("connect", () => {
      if (socket !== this.socket) return;
      this.stats.connects++;
      this.hooks.onConnect?.(this, url, this.reconnectAttempt);
      this.reconnectAttempt = 0;
      // As the browser does: what was sent on the old connection may not have reached the server.
      this.receipts?.delivered.reset();
      this.receipts?.reads.reset();
      void this.sync("connect");
    });
    socket.on("connect_error", (err) => {
      this.stats.connectErrors++;
      this.lost(socket, url, `connect_error: ${err.message}`);
    });
    socket.on("disconnect", (reason) => this.lost(socket, url, reason));
    socket.on("message:new", (m) => {
      if (socket === this.socket) this.receive(m, "live");
    });
    socket.on("receipt:update", () => {
      this.stats.receiptUpdates++;
    });
    socket.on("resync", () => {
      this.stats.resyncEvents++;
      if (socket === this.socket) void this.sync("resync");
    });
  }

  private lost(socket: ClientSocket, url: string, reason: string): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    socket.removeAllListeners();
    socket.close();
    if (this.ready || !reason.startsWith("connect_error")) this.stats.disconnects++;
    this.ready = false;
    this.hooks.onDisconnect?.(this, url, reason);
    // Acks of the old connection will never come: everything in flight is re-sent after the next sync.
    for (const p of this.pending.values()) {
      if (p.inFlight) {
        p.inFlight = false;
        p.attempt++;
      }
    }
    if (this.closed) return;
    if (this.opts.failover ?? this.opts.urls.length > 1) this.urlIndex = (this.urlIndex + 1) % this.opts.urls.length;
    const { initialMs = 100, maxMs = 3_000 } = this.opts.reconnect ?? {};
    const delay = jitter(Math.min(maxMs, initialMs * 2 ** Math.min(this.reconnectAttempt, 10)));
    this.reconnectAttempt++;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.open();
    }, delay);
  }

  // --- sync --------------------------------------------------------------------------------

  private async sync(reason: string): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected || this.closed) return;
    if (this.syncing) {
      this.syncAgain = reason;
      return;
    }
    this.syncing = true;
    clearTimeout(this.syncRetryTimer);
    const started = this.opts.now();
    try {
      const cursors = Object.fromEntries([...this.cursors].map(([id, c]) => [id, c.contiguous]));
      const res = await this.emitWithAck<SyncResult>(socket, "sync", { cursors }, this.opts.syncTimeoutMs ?? 15_000);
      if (socket !== this.socket) return;
      if (!res.ok) {
        this.stats.syncErrors++;
        this.countError(res.error.code);
        // The connection is up but the server could not answer (database down…): try again.
        this.syncRetryTimer = setTimeout(() => void this.sync(`${reason}:retry`), jitter(1_000));
        return;
      }
      this.stats.syncs++;
      for (const c of res.conversations) {
        if (!this.cursors.has(c.id)) this.cursors.set(c.id, { contiguous: c.lastSeq, above: new Set() });
      }
      for (const list of Object.values(res.missed)) for (const m of list) this.receive(m, "sync");
      for (const conversationId of res.truncated) await this.page(conversationId);
      this.hooks.onSync?.(this, reason, res, this.opts.now() - started);
      if (socket !== this.socket) return;
      if (!this.ready) {
        this.ready = true;
        const waiters = this.readyWaiters;
        this.readyWaiters = [];
        for (const w of waiters) w();
      }
      this.flush();
    } finally {
      this.syncing = false;
      const again = this.syncAgain;
      this.syncAgain = null;
      if (again && socket === this.socket) void this.sync(again);
    }
  }

  /** A page of history over this client's socket, as the browser asks for it when connected. */
  fetchPage(conversationId: string, query: PageQuery): Promise<Reply<MessagePage>> {
    const socket = this.socket;
    if (!socket) return Promise.resolve({ ok: false, error: { code: "DISCONNECTED", message: "Not connected" } });
    return this.emitWithAck<MessagePage>(socket, "messages:list", { conversationId, ...query }, this.opts.syncTimeoutMs ?? 15_000);
  }

  /** More missed messages than one sync carries: read them page by page. */
  private async page(conversationId: string): Promise<void> {
    for (let i = 0; i < 10_000 && !this.closed; i++) {
      const after = this.cursors.get(conversationId)?.contiguous ?? 0;
      const page = await this.fetchPage(conversationId, { after, limit: 100 });
      this.stats.pagedFetches++;
      if (!page.ok) return; // the next sync asks again
      for (const m of page.messages) this.receive(m, "page");
      if (page.nextAfter == null || page.messages.length === 0) return;
    }
  }

  // --- receiving ---------------------------------------------------------------------------

  private receive(m: MessageDto, via: DeliveryVia): void {
    this.markSeq(m.conversationId, m.seq);
    if (m.senderId === this.userId) {
      // My own message echoed back (another tab, or the ack was lost): it is stored, so it is acknowledged.
      const p = this.pending.get(m.clientId);
      if (p) this.acked(p, m);
      return;
    }
    if (this.seen.has(m.id)) {
      this.stats.redeliveries++;
      this.hooks.onRedelivery?.(this, m, via);
      return;
    }
    this.seen.add(m.id);
    this.hooks.onDeliver?.(this, m, this.opts.now(), via);
    this.receipts?.delivered.add(m.conversationId, m.seq);
    if (this.opts.receipts === "read") this.receipts?.reads.add(m.conversationId, m.seq);
  }

  private markSeq(conversationId: string, seq: number): void {
    let c = this.cursors.get(conversationId);
    if (!c) {
      c = { contiguous: seq - 1, above: new Set() };
      this.cursors.set(conversationId, c);
    }
    if (seq <= c.contiguous) return;
    c.above.add(seq);
    while (c.above.delete(c.contiguous + 1)) c.contiguous++;
  }

  // --- sending -----------------------------------------------------------------------------

  private flush(): void {
    for (const conversationId of this.lines.keys()) this.advance(conversationId);
  }

  /** Sends the first pending message of the conversation unless it is in flight or waiting to retry. */
  private advance(conversationId: string): void {
    const head = this.lines.get(conversationId)?.[0];
    if (head && !head.inFlight && !head.timer) this.transmit(head);
  }

  /** Takes a settled message out of its line and lets the next one go. */
  private settled(p: Pending): void {
    const line = this.lines.get(p.conversationId);
    const i = line?.indexOf(p) ?? -1;
    if (line && i >= 0) line.splice(i, 1);
    if (line?.length === 0) this.lines.delete(p.conversationId);
    if (this.ready) this.advance(p.conversationId);
  }

  private transmit(p: Pending): void {
    const socket = this.socket;
    if (!socket || !this.ready || p.inFlight) return;
    clearTimeout(p.timer);
    p.timer = undefined;
    p.inFlight = true;
    p.attempts++;
    const attempt = ++p.attempt;
    const sentAt = this.opts.now();
    this.stats.sendAttempts++;
    const input = { conversationId: p.conversationId, clientId: p.clientId, text: p.text };
    void this.emitWithAck<{ message: MessageDto }>(socket, "message:send", input, this.opts.ackTimeoutMs ?? 8_000).then((res) => {
      if (!this.pending.has(p.clientId)) return; // done
      // A late success still counts (the message is stored); a superseded attempt's error does not.
      if (res.ok) return this.acked(p, res.message);
      if (p.attempt !== attempt) return;
      p.inFlight = false;
      const now = this.opts.now();
      p.lastError = res.error;
      this.countError(res.error.code);
      this.hooks.onSendError?.(this, p, res.error, now, now - sentAt);
      if (!RETRYABLE.has(res.error.code)) return this.fail(p, res.error);
      this.retryLater(p, res.error);
    });
  }

  private retryLater(p: Pending, error: ErrorInfo): void {
    const { initialMs = 200, maxMs = 5_000 } = this.opts.retry ?? {};
    p.failures++;
    let delay = jitter(Math.min(maxMs, initialMs * 2 ** Math.min(p.failures - 1, 10)));
    if (error.code === "RATE_LIMITED") delay = Math.max(delay, (error.retryAfterSeconds ?? 1) * 1000);
    clearTimeout(p.timer);
    p.timer = setTimeout(() => {
      p.timer = undefined;
      if (this.pending.has(p.clientId) && this.ready) this.transmit(p);
    }, delay);
  }

  private acked(p: Pending, message: MessageDto): void {
    if (!this.pending.delete(p.clientId)) return;
    clearTimeout(p.timer);
    p.inFlight = false;
    p.attempt++;
    this.markSeq(message.conversationId, message.seq);
    this.stats.acked++;
    const at = this.opts.now();
    this.hooks.onAck?.(this, p, message, at);
    p.settle({ ok: true, message, at });
    this.settled(p);
    this.checkIdle();
  }

  private fail(p: Pending, error: ErrorInfo): void {
    if (!this.pending.delete(p.clientId)) return;
    clearTimeout(p.timer);
    this.stats.failed++;
    this.hooks.onFailed?.(this, p, error);
    p.settle({ ok: false, error });
    this.settled(p);
    this.checkIdle();
  }

  private checkIdle(): void {
    if (this.pending.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private countError(code: string): void {
    this.stats.errorsByCode[code] = (this.stats.errorsByCode[code] ?? 0) + 1;
  }

  private emitWithAck<T extends object>(
    socket: ClientSocket,
    event: "sync" | "message:send" | "messages:list",
    input: unknown,
    timeoutMs: number,
  ): Promise<Reply<T>> {
    return new Promise((resolve) => {
      if (!socket.connected) return resolve({ ok: false, error: { code: "DISCONNECTED", message: "Not connected" } });
      // Socket.IO's typed emit cannot follow a union of events: call it untyped.
      const timed = socket.timeout(timeoutMs);
      const emit = timed.emit as unknown as (this: typeof timed, ev: string, arg: unknown, cb: (err: unknown, res: Reply<T>) => void) => void;
      emit.call(timed, event, input, (err, res) => {
        if (err) return resolve({ ok: false, error: { code: "TIMEOUT", message: `No answer within ${timeoutMs} ms` } });
        if (!res || typeof res !== "object" || !("ok" in res)) {
          return resolve({ ok: false, error: { code: "INTERNAL", message: "Malformed reply" } });
        }
        resolve(res);
      });
    });
  }
}
