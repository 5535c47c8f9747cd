// One Yjs document per community: its root types, the transaction wrapper every mutator uses, and creation.
import * as Y from "yjs";
import { generateNKeysBetween } from "fractional-indexing";
import { actorOf, isDeviceReadOnly } from "../device.ts";
import { DocError, limitText, requireText } from "../docError.ts";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "../civilTime.ts";
import { stableId } from "../stableId.ts";
import { DEFAULT_CATEGORIES } from "../session/schema.ts";
import { DEFAULT_DIRECTORY, WORKSPACE_LIMITS, WORKSPACE_SCHEMA_VERSION } from "./schema.ts";

/** Origin of the workspace's local edits. */
export const WORKSPACE_ORIGIN = "yishi:workspace";

export type YRecord = Y.Map<unknown>;

/** The workspace's root types, by name. Names are part of the stored format: never rename them. */
export function workspaceRoots(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>("meta"),
    talkPoints: doc.getMap<YRecord>("talkPoints"),
    directory: doc.getMap<YRecord>("directory"),
    categories: doc.getMap<YRecord>("categories"),
    /** What the register and report need of each session (kept current by the tablets holding it). */
    sessions: doc.getMap<YRecord>("sessions"),
    /**
     * The register: what was raised, per matter, as it was when the matter was made (a plain value keyed by
     * the id; an older version keyed it by a follow-up's id). Two tablets making the same matter at
     * once write the same value, and nothing is nested in it.
     */
    matters: doc.getMap<unknown>("matters"),
    /** The actions of the matters (follow-ups), as made: a plain value keyed by the follow-up's id. */
    actions: doc.getMap<unknown>("actions"),
    /**
     * What changed since of a matter's or an action's copy fields, one entry per field
     * (`copyFieldKey`): two tablets changing two fields at once both keep theirs.
     */
    fields: doc.getMap<unknown>("fields"),
    /** Per session: the state vector of the session the register was last written from (`fromSession.ts`). */
    sessionStates: doc.getMap<unknown>("sessionStates"),
    /**
     * Every step of every matter, in one append-only log: its order is the causal order, and a step can never
     * be lost to a concurrent re-creation of its matter.
     */
    steps: doc.getArray<unknown>("steps"),
  };
}

export type WorkspaceRoots = ReturnType<typeof workspaceRoots>;
export type WorkspaceCollection = "talkPoints" | "directory" | "categories" | "sessions";

/** True when a newer app wrote this workspace: it opens read-only rather than being misread. */
export function isNewerWorkspace(doc: Y.Doc): boolean {
  const v = workspaceRoots(doc).meta.get("schemaVersion");
  return typeof v === "number" && v > WORKSPACE_SCHEMA_VERSION;
}

/** Runs `fn` as one transaction, after checking this device may write the workspace. */
export function changeWorkspace<T>(doc: Y.Doc, fn: (r: WorkspaceRoots) => T): T {
  if (isNewerWorkspace(doc) || isDeviceReadOnly(doc)) throw new DocError("readOnly");
  let result!: T;
  doc.transact(() => {
    const roots = workspaceRoots(doc);
    result = fn(roots);
    // A workspace this version wrote is of this version: an older app then opens it read-only.
    const version = roots.meta.get("schemaVersion");
    if (typeof version !== "number" || version < WORKSPACE_SCHEMA_VERSION)
      roots.meta.set("schemaVersion", WORKSPACE_SCHEMA_VERSION);
  }, WORKSPACE_ORIGIN);
  return result;
}

/** The record `id` of a collection (a map), or a notFound error. */
export function workspaceRecord(r: WorkspaceRoots, collection: WorkspaceCollection, id: string): YRecord {
  const record: unknown = r[collection].get(id);
  if (!(record instanceof Y.Map)) throw new DocError("notFound", { collection, id });
  return record as YRecord;
}

/** The map records of a collection with their ids (anything else a peer stored is skipped). */
export function workspaceRecords(r: WorkspaceRoots, collection: WorkspaceCollection): [string, YRecord][] {
  const out: [string, YRecord][] = [];
  r[collection].forEach((record: unknown, id) => {
    if (record instanceof Y.Map) out.push([id, record as YRecord]);
  });
  return out;
}

export interface WorkspaceInit {
  id: string;
  name: string;
  timeZone?: string;
  createdAt?: number;
}

/** Fills a fresh workspace: its header, the default directory and the default categories. */
export function initWorkspace(doc: Y.Doc, init: WorkspaceInit): Y.Doc {
  limitText(requireText(init.name, "community"), WORKSPACE_LIMITS.short, "community");
  const timeZone = init.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new DocError("outOfRange", { field: "timeZone" });
  changeWorkspace(doc, (r) => {
    r.meta.set("schemaVersion", WORKSPACE_SCHEMA_VERSION);
    r.meta.set("id", init.id);
    r.meta.set("name", init.name);
    r.meta.set("timeZone", timeZone);
    r.meta.set("createdAt", init.createdAt ?? Date.now());
    const dirKeys = generateNKeysBetween(null, null, DEFAULT_DIRECTORY.length);
    // Ids from the names: two tablets that each made the same community (an upgrade) hold one directory.
    DEFAULT_DIRECTORY.forEach((entry, i) => {
      const id = stableId("dept", entry.name);
      r.directory.set(id, record({ id, order: dirKeys[i], ...entry, contact: "", retired: false }));
    });
    const catKeys = generateNKeysBetween(null, null, DEFAULT_CATEGORIES.length);
    DEFAULT_CATEGORIES.forEach((id, i) => r.categories.set(id, record({ id, label: "", order: catKeys[i] })));
  });
  return doc;
}

/** A new record map holding `fields`. */
export function record(fields: Record<string, unknown>): YRecord {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** Edits the community's name or time zone. */
export function updateCommunity(doc: Y.Doc, patch: { name?: string; timeZone?: string }): void {
  if (patch.name !== undefined)
    limitText(requireText(patch.name, "community"), WORKSPACE_LIMITS.short, "community");
  if (patch.timeZone !== undefined && !isValidTimeZone(patch.timeZone))
    throw new DocError("outOfRange", { field: "timeZone" });
  changeWorkspace(doc, (r) => {
    if (patch.name !== undefined) r.meta.set("name", patch.name);
    if (patch.timeZone !== undefined) r.meta.set("timeZone", patch.timeZone);
  });
}

export { actorOf };
