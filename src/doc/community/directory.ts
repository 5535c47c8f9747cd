// Mutators for the community's directory of departments and units (whom a matter can be escalated to) and
// its list of categories.
import type * as Y from "yjs";
import { DocError, limitText, requireText } from "../docError.ts";
import { newId } from "../ids.ts";
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

/** Adds a department or unit; returns its id. */
export function addDirectoryEntry(
  doc: Y.Doc,
  input: { name: string; kind: DirectoryKind; contact?: string },
): string {
  checkName(input.name, "department");
  if (!DIRECTORY_KINDS.includes(input.kind)) throw new DocError("outOfRange", { field: "kind" });
  if (input.contact !== undefined) limitText(input.contact, WORKSPACE_LIMITS.short, "contact");
  return changeWorkspace(doc, (r) => {
    const id = newId();
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
