// The app's side of the backup copy: a second copy of every stored document in the Origin Private File
// System, written by backupWorker.ts, which the browser does not delete with IndexedDB's files. One copy
// per database name (tests open several). Where the browser has no OPFS or no worker, there is none, and
// Device settings says so.
import type { BackupFile, BackupReplies, BackupRequest, Reply } from "./protocol.ts";

export type BackupState = "starting" | "on" | "unavailable";

export interface BackupCopy {
  readonly state: BackupState;
  /** Resolves once the copy is usable (or known unavailable). */
  readonly ready: Promise<void>;
  /** Appends updates to document `name`'s file; resolves once they are on disk. */
  append(name: string, updates: Uint8Array[]): Promise<void>;
  /** Replaces document `name`'s file by `updates` (a compacted state), atomically. */
  replace(name: string, updates: Uint8Array[]): Promise<void>;
  remove(name: string): Promise<void>;
  list(): Promise<{ name: string; size: number }[]>;
  read(names: string[]): Promise<BackupFile[]>;
  /** Document `name`'s copy against its stored rows (see reconcile.ts); null when there is no copy. */
  reconcile(name: string, stored: Uint8Array[]): Promise<BackupReplies["reconcile"]>;
  /** Names whose last write to the copy failed (the next repair rewrites them from IndexedDB). */
  readonly failed: ReadonlySet<string>;
}

const copies = new Map<string, BackupCopy>();

/** The backup copy of database `dbName`, if one was started. */
export const backupOf = (dbName: string): BackupCopy | undefined => copies.get(dbName);

/** Stops and forgets the copy of `dbName` (tests, and a database being deleted). */
export function stopBackup(dbName: string): void {
  (copies.get(dbName) as WorkerCopy | undefined)?.stop();
  copies.delete(dbName);
}

/** Starts (once) the backup copy of database `dbName`. */
export function startBackup(dbName: string): BackupCopy {
  let copy = copies.get(dbName);
  if (!copy) {
    copy = new WorkerCopy(`yishi-backup/${encodeURIComponent(dbName)}`);
    copies.set(dbName, copy);
  }
  return copy;
}

const supported = (): boolean =>
  typeof Worker !== "undefined" && typeof globalThis.navigator?.storage?.getDirectory === "function";

class WorkerCopy implements BackupCopy {
  state: BackupState = "starting";
  readonly ready: Promise<void>;
  readonly failed = new Set<string>();
  private worker: Worker | null = null;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly dir: string) {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    if (!supported()) {
      this.state = "unavailable";
      return;
    }
    try {
      this.worker = new Worker(new URL("./backupWorker.ts", import.meta.url), { type: "module" });
      this.worker.onmessage = (e: MessageEvent<Reply>) => this.settle(e.data);
      this.worker.onerror = () => this.fail("the backup worker stopped");
      await this.call({ op: "ping" });
      this.state = "on";
    } catch {
      this.fail("the backup copy could not start");
    }
  }

  private fail(why: string): void {
    this.state = "unavailable";
    for (const { reject } of this.waiting.values()) reject(new Error(why));
    this.waiting.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  stop(): void {
    this.fail("stopped");
  }

  private settle(reply: Reply): void {
    const waiter = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.value);
    else waiter?.reject(new Error(reply.error));
  }

  private call<K extends BackupRequest["op"]>(
    req: Extract<BackupRequest, { op: K }>,
  ): Promise<BackupReplies[K]> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error("no backup copy"));
    const id = ++this.next;
    return new Promise<BackupReplies[K]>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...req, id, dir: this.dir });
    });
  }

  /** A write: when it fails, `name` is noted for repair and the caller is not failed (IndexedDB has it). */
  private async write(name: string, req: BackupRequest): Promise<void> {
    await this.ready;
    if (this.state !== "on") return;
    try {
      await this.call(req);
      if (req.op === "replace" || req.op === "remove") this.failed.delete(name);
    } catch {
      this.failed.add(name);
    }
  }

  append(name: string, updates: Uint8Array[]): Promise<void> {
    return this.write(name, { op: "append", name, payloads: updates });
  }
  replace(name: string, updates: Uint8Array[]): Promise<void> {
    return this.write(name, { op: "replace", name, payloads: updates });
  }
  remove(name: string): Promise<void> {
    return this.write(name, { op: "remove", name });
  }
  async list(): Promise<{ name: string; size: number }[]> {
    await this.ready;
    return this.state === "on" ? this.call({ op: "list" }) : [];
  }
  async reconcile(name: string, stored: Uint8Array[]): Promise<BackupReplies["reconcile"]> {
    await this.ready;
    return this.state === "on" ? this.call({ op: "reconcile", name, stored }) : null;
  }
  async read(names: string[]): Promise<BackupFile[]> {
    await this.ready;
    return this.state === "on" ? this.call({ op: "read", names }) : [];
  }
}
