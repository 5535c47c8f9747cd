// Generic operations on a keyed collection of records: add at the end, set fields, move, delete.
import * as Y from "yjs";
import { byOrder, keyAtEnd, placeAt, type Ordered } from "../order.ts";
import { change, getRecord, makeRecord, recordsOf, type CollectionName, type Roots } from "./sessionDoc.ts";
import { spliceText } from "../text.ts";

/** The collection's ids and order keys, sorted. */
export function orderOf(r: Roots, collection: CollectionName): Ordered[] {
  const out: Ordered[] = [];
  for (const [id, record] of recordsOf(r, collection)) {
    const order = record.get("order");
    // A record can lack its key for a moment: Yjs applies a move's delete before the insert it waits for.
    if (typeof order === "string" && order !== "") out.push({ id, order });
  }
  return out.sort(byOrder);
}

/** Inserts a record with a fresh order key after the last one; returns its id. */
export function appendRecord(
  r: Roots,
  collection: CollectionName,
  id: string,
  fields: Record<string, unknown>,
  textKeys: readonly string[] = [],
): string {
  const order = keyAtEnd(orderOf(r, collection));
  r[collection].set(id, makeRecord({ ...fields, id, order }, textKeys));
  return id;
}

/** Sets plain fields of a record (last writer wins per field); Y.Text fields get a minimal splice. */
export function setFields(record: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const current = record.get(key);
    if (current instanceof Y.Text && typeof value === "string") {
      spliceText(current, value);
    } else if (current !== value) {
      record.set(key, value);
    }
  }
}

/** Moves a record to `toIndex` of the sorted collection by rewriting its order key only. */
export function moveRecord(doc: Y.Doc, collection: CollectionName, id: string, toIndex: number): void {
  change(doc, (r) => {
    const record = getRecord(r, collection, id);
    const others = orderOf(r, collection).filter((x) => x.id !== id);
    const { key, rekeyed } = placeAt(others, toIndex);
    record.set("order", key);
    for (const item of rekeyed) r[collection].get(item.id)?.set("order", item.order);
  });
}

/** Deletes a record (undoable through the undo manager). */
export function deleteRecord(doc: Y.Doc, collection: CollectionName, id: string): void {
  change(doc, (r) => {
    getRecord(r, collection, id);
    r[collection].delete(id);
    if (collection === "agenda" && r.meta.get("currentAgendaId") === id) r.meta.set("currentAgendaId", null);
  });
}
