// The register's raw roots gathered per matter: each matter's info (as made, with the copy fields changed
// since), its actions, and its steps in log order. Reads what an older version stored too: it kept one
// matter per follow-up, keyed by the follow-up's id; such a follow-up is read as an action of its issue's
// matter, and its steps are routed there.
import type * as Y from "yjs";
import type { ActionSeed, FoldStep } from "./lifecycle.ts";
import { cleanEvent } from "./stepReader.ts";
import { workspaceRoots } from "./workspaceDoc.ts";
import { isObject, num, str, type Json } from "./plainValues.ts";

/** Marks what this version stores in `matters` and `actions` (an older version's entries have no `v`). */
export const INFO_VERSION = 2;

const SEP = "\u001f";
/** The `fields` key of one copy field of a matter ("m") or an action ("a"). */
export const copyFieldKey = (of: "m" | "a", id: string, field: string): string =>
  `${of}${SEP}${id}${SEP}${field}`;

function parseFieldKey(key: string): { of: string; id: string; field: string } | null {
  const parts = key.split(SEP);
  return parts.length === 3 ? { of: parts[0]!, id: parts[1]!, field: parts[2]! } : null;
}

/** An action as stored, with the matter it belongs to. */
export type ActionRecord = ActionSeed & { matter: string };

export interface MatterIndex {
  /** Each matter's info: as made, with every copy field changed since (unknown keys kept). */
  infos: Map<string, Json>;
  /** Each matter's actions, in the order they were made. */
  actions: Map<string, ActionSeed[]>;
  /** Each matter's steps in log order (an older version's steps keyed by an action are `routed`). */
  steps: Map<string, FoldStep[]>;
  /** Sessions where an issue linked to the matter ("same as") was raised. */
  linkedFrom: Map<string, string[]>;
  /** Every action as stored now (with copy fields applied), by id, whatever its matter. */
  actionRecords: Map<string, ActionRecord>;
  /** The id of every step in the log. */
  stepIds: Set<string>;
  /** The matter a key of the roots belongs to (a matter, an action or a copy field), if any. */
  matterOfKey(key: string): string | undefined;
}

const CARRIED = [
  "sessionId",
  "talkPointId",
  "issueId",
  "raisedOn",
  "createdAt",
  "text",
  "categoryId",
  "category",
  "urgent",
  "raisedBy",
  "anonymous",
  "location",
] as const;

/** What an older version's follow-up-matter says of the issue it came from. */
function infoOfLegacy(id: string, value: Json): Json {
  const info: Json = { id };
  for (const key of CARRIED) if (key in value) info[key] = value[key];
  return info;
}

function actionOfLegacy(id: string, matter: string, value: Json): ActionRecord {
  return {
    id,
    matter,
    sessionId: str(value.sessionId),
    voteId: str(value.voteId) || null,
    action: str(value.action),
    createdAt: num(value.createdAt),
    removed: false,
  };
}

function actionOf(id: string, value: Json): ActionRecord {
  return { ...actionOfLegacy(id, str(value.matter), value), removed: value.removed === true };
}

const byMade = (a: [string, Json], b: [string, Json]) =>
  num(a[1].createdAt) - num(b[1].createdAt) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Reads the workspace's matters, actions, copy fields and steps into one index; with `only`, just what the
 * matters it names are made of (a mutator's check, a refresh of the matters one change touched: the log is
 * still read once, but nothing else is built).
 */
export function buildMatterIndex(doc: Y.Doc, only?: string | ReadonlySet<string>): MatterIndex {
  const r = workspaceRoots(doc);
  const wanted = typeof only === "string" ? new Set([only]) : only;
  const want = (id: string) => wanted === undefined || wanted.has(id);
  // Infos are the stored values themselves until a copy field changes one (then it is copied first).
  const infos = new Map<string, Json>();
  const copied = new Set<string>();
  const legacy: [string, Json][] = [];
  r.matters.forEach((value, key) => {
    if (!isObject(value)) return;
    if (value.v === undefined) {
      if (want(str(value.issueId) || key)) legacy.push([key, value]);
    } else if (want(key)) infos.set(key, value);
  });
  const actions = new Map<string, ActionRecord>();
  for (const [key, value] of legacy.sort(byMade)) {
    const matter = str(value.issueId) || key;
    if (!infos.has(matter)) {
      infos.set(matter, infoOfLegacy(matter, value));
      copied.add(matter);
    }
    actions.set(key, actionOfLegacy(key, matter, value));
  }
  r.actions.forEach((value, key) => {
    if (!isObject(value)) return;
    // An action moved to another matter ("same as…") says so in a copy field.
    const moved = wanted === undefined ? undefined : r.fields.get(copyFieldKey("a", key, "matter"));
    if (want(str(value.matter)) || (typeof moved === "string" && want(moved)))
      actions.set(key, actionOf(key, value));
  });
  r.fields.forEach((value, key) => {
    const f = parseFieldKey(key);
    if (!f) return;
    if (f.of === "m") {
      let info = infos.get(f.id);
      if (!info) return;
      if (!copied.has(f.id)) {
        infos.set(f.id, (info = { ...info }));
        copied.add(f.id);
      }
      info[f.field] = value;
    } else if (f.of === "a") {
      const a = actions.get(f.id);
      if (!a) return;
      if (f.field === "action") a.action = str(value);
      else if (f.field === "voteId") a.voteId = str(value) || null;
      else if (f.field === "matter" && typeof value === "string" && value !== "") a.matter = value;
      else if (f.field === "removed") a.removed = value === true;
    }
  });

  const byMatter = new Map<string, ActionSeed[]>();
  const actionMatter = new Map<string, string>();
  for (const a of actions.values()) {
    if (!infos.has(a.matter)) continue;
    actionMatter.set(a.id, a.matter);
    let list = byMatter.get(a.matter);
    if (!list) byMatter.set(a.matter, (list = []));
    list.push(a);
  }
  for (const list of byMatter.values())
    if (list.length > 1)
      list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const log = r.steps.toArray();
  const steps = new Map<string, FoldStep[]>();
  for (const raw of log) {
    if (!isObject(raw)) continue;
    const key = str(raw.matter);
    if (
      wanted !== undefined &&
      !infos.has(key) &&
      !actionMatter.has(key) &&
      !actionMatter.has(str(raw.actionId))
    )
      continue;
    const event = cleanEvent(raw);
    if (!event || key === "") continue;
    let matter: string | undefined;
    let step: FoldStep = event;
    if (event.actionId && actionMatter.has(event.actionId)) matter = actionMatter.get(event.actionId);
    else if (infos.has(key)) matter = key;
    else if (actionMatter.has(key)) {
      matter = actionMatter.get(key);
      step = { ...event, actionId: key, routed: true };
    }
    if (matter === undefined) continue;
    let list = steps.get(matter);
    if (!list) steps.set(matter, (list = []));
    list.push(step);
  }

  const linkedFrom = new Map<string, string[]>();
  if (wanted !== undefined) {
    // Only some matters read: the issues linked to them are found by their copy field alone.
    r.fields.forEach((value, key) => {
      const f = parseFieldKey(key);
      if (!f || f.of !== "m" || f.field !== "sameAs" || typeof value !== "string" || !wanted.has(value))
        return;
      const info = r.matters.get(f.id);
      if (isObject(info)) linkedFrom.set(value, [...(linkedFrom.get(value) ?? []), str(info.sessionId)]);
    });
  }
  for (const [id, info] of wanted === undefined ? infos : []) {
    const target = str(info.sameAs);
    if (!target || target === id || !infos.has(target)) continue;
    const list = linkedFrom.get(target) ?? [];
    list.push(str(info.sessionId));
    linkedFrom.set(target, list);
  }

  let stepIds: Set<string> | undefined;
  const matterOfKey = (key: string): string | undefined => {
    if (infos.has(key)) return key;
    const viaAction = actionMatter.get(key);
    if (viaAction !== undefined) return viaAction;
    const f = parseFieldKey(key);
    return f ? matterOfKey(f.id) : undefined;
  };
  return {
    infos,
    actions: byMatter,
    steps,
    linkedFrom,
    actionRecords: actions,
    // Read only by the session's carry (which needs all of it): made when first asked for.
    get stepIds() {
      return (stepIds ??= new Set(log.map((raw) => (isObject(raw) ? str(raw.id) : ""))));
    },
    matterOfKey,
  };
}

/**
 * The matters keys of the roots belong to (a matter's, an action's, a copy field's, a step's matter or
 * action key), looked up one by one: what a change touched, without reading the whole register.
 */
export function mattersOfKeys(doc: Y.Doc, keys: Iterable<string>): Set<string> {
  const r = workspaceRoots(doc);
  const out = new Set<string>();
  const add = (key: string): void => {
    const f = parseFieldKey(key);
    if (f) return add(f.id);
    const value = r.matters.get(key);
    if (isObject(value)) out.add(value.v === undefined ? str(value.issueId) || key : key);
    const action = r.actions.get(key);
    if (isObject(action)) {
      out.add(str(action.matter));
      const moved = r.fields.get(copyFieldKey("a", key, "matter"));
      if (typeof moved === "string" && moved) out.add(moved);
    }
  };
  for (const key of keys) add(key);
  out.delete("");
  return out;
}
