// Mutators for the community's directory of departments and units (whom a matter can be escalated to) and
// its list of categories.
import type * as Y from "yjs";
import { DocError, limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
import { stableId } from "../stableId.ts";
import { byOrder, keyAtEnd } from "../order.ts";
import { DIRECTORY_KINDS, WORKSPACE_LIMITS, type DirectoryKind } from "./schema.ts";
import {
  changeWorkspace,
  record,
  workspaceRecord,
  workspaceRecords,
  type WorkspaceCollection,
  type WorkspaceRoots,
} from "./workspaceDoc.ts";

const orderKey = (r: WorkspaceRoots, collection: WorkspaceCollection) =>
  keyAtEnd(
    workspaceRecords(r, collection)
      .map(([id, rec]) => ({ id, order: String(rec.get("order") ?? "") }))
      .sort(byOrder),
  );

function checkName(name: string, field: string): void {
  limitText(requireText(name, field), WORKSPACE_LIMITS.short, field);
}

/** The id a department of this name gets on every tablet (so two tablets adding it add one). */
export const departmentIdOf = (name: string): string => stableId("dept", name.trim());

/** The entry of the directory named `name` (ignoring spaces around it), if any. */
function entryNamed(r: WorkspaceRoots, name: string): string | undefined {
  const wanted = name.trim();
  return workspaceRecords(r, "directory").find(
    ([, rec]) => String(rec.get("name") ?? "").trim() === wanted,
  )?.[0];
}

/**
 * Adds a department or unit; returns its id. A name already in the directory is not added again (its entry's
 * id is returned), and the same name added on two tablets at once makes one entry.
 */
export function addDirectoryEntry(
  doc: Y.Doc,
  input: { name: string; kind: DirectoryKind; contact?: string },
): string {
  checkName(input.name, "department");
  if (!DIRECTORY_KINDS.includes(input.kind)) throw new DocError("outOfRange", { field: "kind" });
  if (input.contact !== undefined) limitText(input.contact, WORKSPACE_LIMITS.short, "contact");
  return changeWorkspace(doc, (r) => {
    const existing = entryNamed(r, input.name);
    if (existing !== undefined) return existing;
    const id = r.directory.has(departmentIdOf(input.name)) ? newId() : departmentIdOf(input.name);
    r.directory.set(
      id,
      record({
        id,
        order: orderKey(r, "directory"),
        name: input.name,
        kind: input.kind,
        contact: input.contact ?? "",
        retired: false,
      }),
    );
    return id;
  });
}

/** Renames, re-kinds or retires a directory entry (a retired one is not offered for new escalations). */
export function updateDirectoryEntry(
  doc: Y.Doc,
  id: string,
  patch: { name?: string; kind?: DirectoryKind; contact?: string; retired?: boolean },
): void {
  if (patch.name !== undefined) checkName(patch.name, "department");
  if (patch.kind !== undefined && !DIRECTORY_KINDS.includes(patch.kind))
    throw new DocError("outOfRange", { field: "kind" });
  if (patch.contact !== undefined) limitText(patch.contact, WORKSPACE_LIMITS.short, "contact");
  changeWorkspace(doc, (r) => {
    const entry = workspaceRecord(r, "directory", id);
    for (const [key, value] of Object.entries(patch))
      if (value !== undefined && entry.get(key) !== value) entry.set(key, value);
  });
}

/** Adds a category to the community's list; returns its id. */
export function addCommunityCategory(doc: Y.Doc, label: string): string {
  checkName(label, "category");
  return changeWorkspace(doc, (r) => {
    const id = newId();
    r.categories.set(id, record({ id, order: orderKey(r, "categories"), label }));
    return id;
  });
}

/** Renames a category (a default one too: its label then replaces the translated name). */
export function renameCommunityCategory(doc: Y.Doc, id: string, label: string): void {
  checkName(label, "category");
  changeWorkspace(doc, (r) => workspaceRecord(r, "categories", id).set("label", label));
}

/**
 * The directory id of department `name`, added to the directory when it is not there (free text from a
 * session's follow-up); "" for no name.
 */
export function ensureDepartment(doc: Y.Doc, name: string): string {
  if (name.trim() === "") return "";
  return addDirectoryEntry(doc, { name: name.trim().slice(0, WORKSPACE_LIMITS.short), kind: "department" });
}
