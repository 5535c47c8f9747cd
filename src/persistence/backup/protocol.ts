// Messages between the app and its backup worker (backupWorker.ts). Names are the worker's file names as
// the app chose them; every request gets exactly one reply with its id.
import type { Reconciled } from "./reconcile.ts";

export type BackupRequest =
  | { op: "ping" }
  | { op: "append"; name: string; payloads: Uint8Array[] }
  | { op: "replace"; name: string; payloads: Uint8Array[] }
  | { op: "remove"; name: string }
  | { op: "list" }
  | { op: "read"; names: string[] }
  | { op: "reconcile"; name: string; stored: Uint8Array[] };

export interface BackupFile {
  name: string;
  payloads: Uint8Array[];
  /** Bytes after the sound frames were not a sound frame (the file was cut or changed on disk). */
  damaged: boolean;
}

export interface BackupReplies {
  ping: null;
  append: null;
  replace: null;
  remove: null;
  list: { name: string; size: number }[];
  read: BackupFile[];
  /** A document's copy against its stored rows (reconcile.ts), done in the worker; null: no copy. */
  reconcile: ({ damaged: boolean } & Reconciled) | null;
}

export type Envelope = BackupRequest & { id: number; dir: string };
export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
