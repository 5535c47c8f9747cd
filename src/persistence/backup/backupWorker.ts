// The backup copy's writer: a dedicated worker, because only a worker may hold the Origin Private File
// System's synchronous access handles, whose flush() returns once the bytes are on disk. One file per
// name; requests are done one at a time in arrival order, so appends to a file never interleave.
import { decodeFrames, encodeFrames } from "./frames.ts";
import { reconcile } from "./reconcile.ts";
import type { BackupReplies, BackupRequest, Envelope, Reply } from "./protocol.ts";

interface SyncHandle {
  read(buffer: Uint8Array, options?: { at?: number }): number;
  write(buffer: Uint8Array, options?: { at?: number }): number;
  truncate(size: number): void;
  getSize(): number;
  flush(): void;
  close(): void;
}
type FileHandle = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncHandle> };
type MovableHandle = FileHandle & { move?(name: string): Promise<void> };

/** A file being rewritten whole; it replaces the file once complete (see `replace`). */
const NEW = "~new";
const IDLE_CLOSE_MS = 2000;

/** Open handles by directory (each directory handle is made once, see `directory`) and file. */
const handles = new Map<FileSystemDirectoryHandle, Map<string, SyncHandle>>();
let idleTimer: ReturnType<typeof setTimeout> | null = null;
const dirs = new Map<string, Promise<FileSystemDirectoryHandle>>();

function directory(path: string): Promise<FileSystemDirectoryHandle> {
  let dir = dirs.get(path);
  if (!dir) {
    dir = (async () => {
      let at = await navigator.storage.getDirectory();
      for (const part of path.split("/")) at = await at.getDirectoryHandle(part, { create: true });
      return at;
    })();
    dir.catch(() => dirs.delete(path));
    dirs.set(path, dir);
  }
  return dir;
}

const fileName = (name: string) => encodeURIComponent(name);

async function handle(dir: FileSystemDirectoryHandle, file: string): Promise<SyncHandle> {
  const inDir = handles.get(dir) ?? handles.set(dir, new Map()).get(dir)!;
  let open = inDir.get(file);
  if (!open) {
    const fh = (await dir.getFileHandle(file, { create: true })) as FileHandle;
    open = await fh.createSyncAccessHandle();
    inDir.set(file, open);
  }
  return open;
}

function closeHandle(dir: FileSystemDirectoryHandle, file: string): void {
  handles.get(dir)?.get(file)?.close();
  handles.get(dir)?.delete(file);
}

function readAll(h: SyncHandle): Uint8Array {
  const bytes = new Uint8Array(h.getSize());
  h.read(bytes, { at: 0 });
  return bytes;
}

async function exists(dir: FileSystemDirectoryHandle, file: string): Promise<boolean> {
  try {
    await dir.getFileHandle(file);
    return true;
  } catch {
    return false;
  }
}

async function removeFile(dir: FileSystemDirectoryHandle, file: string): Promise<void> {
  closeHandle(dir, file);
  await dir.removeEntry(file).catch((e: unknown) => {
    if ((e as DOMException)?.name !== "NotFoundError") throw e;
  });
}

async function append(dir: FileSystemDirectoryHandle, file: string, payloads: Uint8Array[]): Promise<void> {
  const h = await handle(dir, file);
  const frames = await encodeFrames(payloads);
  h.write(frames, { at: h.getSize() });
  h.flush();
}

/**
 * What the file holds and `payloads` lack, as one update (none if Yjs cannot read them). A compaction's
 * state is taken before its rows commit, and rows written meanwhile are appended to the file before the
 * replace arrives: without this, the copy would lose them (their rows are in IndexedDB only).
 */
async function notIn(
  dir: FileSystemDirectoryHandle,
  file: string,
  payloads: Uint8Array[],
): Promise<Uint8Array[]> {
  if (payloads.length === 0 || !(await exists(dir, file))) return [];
  const old = (await decodeFrames(readAll(await handle(dir, file)))).payloads;
  if (old.length === 0) return [];
  try {
    const { toStore } = reconcile(old, payloads);
    return toStore ? [toStore] : [];
  } catch {
    return []; // unmergeable (a damaged row kept apart): the rows are what the copy is rewritten from
  }
}

/**
 * Rewrites a file whole, keeping what the old file holds beyond `payloads`: the new frames go to
 * `<file>~new`, flushed, and only then take the file's place, so a crash at any moment leaves the old file
 * or the complete new one (settle() picks it up).
 */
async function replace(dir: FileSystemDirectoryHandle, file: string, payloads: Uint8Array[]): Promise<void> {
  const kept = await notIn(dir, file, payloads);
  const fresh = file + NEW;
  const h = await handle(dir, fresh);
  h.truncate(0);
  h.write(await encodeFrames([...payloads, ...kept]), { at: 0 });
  h.flush();
  closeHandle(dir, fresh);
  await takePlace(dir, fresh, file);
}

async function takePlace(dir: FileSystemDirectoryHandle, fresh: string, file: string): Promise<void> {
  await removeFile(dir, file);
  const fh = (await dir.getFileHandle(fresh)) as MovableHandle;
  if (typeof fh.move === "function") {
    await fh.move(file);
    return;
  }
  // No move(): copy the bytes (a crash here leaves `~new` complete, which settle() finishes).
  const from = await handle(dir, fresh);
  const bytes = readAll(from);
  const to = await handle(dir, file);
  to.truncate(0);
  to.write(bytes, { at: 0 });
  to.flush();
  await removeFile(dir, fresh);
}

/** Finishes a rewrite a crash interrupted: a complete `~new` takes its file's place, a torn one goes. */
async function settle(dir: FileSystemDirectoryHandle, fresh: string): Promise<void> {
  const file = fresh.slice(0, -NEW.length);
  const decoded = await decodeFrames(readAll(await handle(dir, fresh)));
  closeHandle(dir, fresh);
  if (!decoded.damaged && decoded.payloads.length > 0) await takePlace(dir, fresh, file);
  else if (await exists(dir, file)) await removeFile(dir, fresh);
  else await takePlace(dir, fresh, file); // the only copy there is: keep what is sound (the reader cuts)
}

async function list(dir: FileSystemDirectoryHandle): Promise<{ name: string; size: number }[]> {
  const files: string[] = [];
  for await (const file of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) files.push(file);
  for (const fresh of files.filter((f) => f.endsWith(NEW))) await settle(dir, fresh);
  const out: { name: string; size: number }[] = [];
  for await (const file of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
    const h = await handle(dir, file);
    out.push({ name: decodeURIComponent(file), size: h.getSize() });
  }
  return out;
}

async function run(req: BackupRequest, dir: FileSystemDirectoryHandle): Promise<unknown> {
  switch (req.op) {
    case "ping": {
      await handle(dir, fileName("~probe"));
      closeHandle(dir, fileName("~probe"));
      return null;
    }
    case "append":
      return append(dir, fileName(req.name), req.payloads).then(() => null);
    case "replace":
      return replace(dir, fileName(req.name), req.payloads).then(() => null);
    case "remove":
      return removeFile(dir, fileName(req.name)).then(() => null);
    case "list":
      return (await list(dir)).filter((f) => f.name !== "~probe");
    case "reconcile": {
      if (!(await exists(dir, fileName(req.name)))) return null;
      const decoded = await decodeFrames(readAll(await handle(dir, fileName(req.name))));
      if (decoded.payloads.length === 0) return { damaged: decoded.damaged, toStore: null, copyBehind: true };
      return { damaged: decoded.damaged, ...reconcile(decoded.payloads, req.stored) };
    }
    case "read": {
      const out: BackupReplies["read"] = [];
      for (const name of req.names) {
        if (!(await exists(dir, fileName(name)))) continue;
        const decoded = await decodeFrames(readAll(await handle(dir, fileName(name))));
        out.push({ name, payloads: decoded.payloads, damaged: decoded.damaged });
      }
      return out;
    }
  }
}

let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<Envelope>) => {
  const { id, dir: path, ...req } = event.data;
  queue = queue.then(async () => {
    if (idleTimer !== null) clearTimeout(idleTimer);
    let reply: Reply;
    try {
      reply = { id, ok: true, value: await run(req as BackupRequest, await directory(path)) };
    } catch (e) {
      reply = { id, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    self.postMessage(reply);
    // Handles are exclusive: let them go when idle, so another tab of the app can take its turn.
    idleTimer = setTimeout(() => {
      for (const inDir of handles.values()) for (const h of inDir.values()) h.close();
      handles.clear();
    }, IDLE_CLOSE_MS);
  });
};
