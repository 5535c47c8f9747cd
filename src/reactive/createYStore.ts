// The bridge from a Yjs session document to a Solid store: each root type refreshes only its own slice.
import type * as Y from "yjs";
import { batch, onCleanup } from "solid-js";
import { createStore, reconcile, unwrap, type SetStoreFunction } from "solid-js/store";
import { patchStore } from "./patchStore.ts";
import { roots } from "../doc/session/sessionDoc.ts";
import {
  readAgenda,
  readAttendees,
  readCategories,
  readFollowUps,
  readReportBack,
  readHeadcount,
  readIssues,
  readMeta,
  readVotes,
  readLock,
  readLockLog,
  snapshot,
} from "../doc/session/snapshot.ts";
import { isNewerThanApp } from "../doc/session/sessionDoc.ts";
import { readQuickPoll } from "../doc/session/quickPoll.ts";
import { finalisedOf } from "../doc/session/lock.ts";
import type { SessionSnapshot } from "../doc/session/schema.ts";

/** A slice's refresh: `set` writes the store; `patch` writes a freshly read value, changing only what differs. */
type Refresh = (set: SetStoreFunction<SessionSnapshot>, doc: Y.Doc, patch: Patch<SessionSnapshot>) => void;

// Which slice each root type feeds. reconcile keys records by id, so an edit re-renders only what changed.
const SLICES: Record<keyof ReturnType<typeof roots>, Refresh> = {
  meta: (set, doc) => {
    set("meta", reconcile(readMeta(doc)));
    set("readOnly", isNewerThanApp(doc));
  },
  notes: (set, doc) => set("notes", roots(doc).notes.toString()),
  headcount: (set, doc) => set("headcount", readHeadcount(doc)),
  headcountLog: (set, doc) => set("headcount", readHeadcount(doc)),
  attendees: (_set, doc, patch) => patch("attendees", readAttendees(doc)),
  categories: (_set, doc, patch) => patch("categories", readCategories(doc)),
  agenda: (_set, doc, patch) => patch("agenda", readAgenda(doc)),
  issues: (_set, doc, patch) => patch("issues", readIssues(doc)),
  votes: (_set, doc, patch) => patch("votes", readVotes(doc)),
  followUps: (_set, doc, patch) => patch("followUps", readFollowUps(doc)),
  reportBack: (_set, doc, patch) => patch("reportBack", readReportBack(doc)),
  minutes: (set, doc) => set("minutes", roots(doc).minutes.toString()),
  quickPoll: (set, doc) => set("quickPoll", readQuickPoll(doc)),
  quickTally: (set, doc) => set("quickPoll", readQuickPoll(doc)),
  lockLog: (set, doc) => {
    set("lockLog", reconcile(readLockLog(doc)));
    set("lock", readLock(doc));
    set("finalised", reconcile(finalisedOf(doc)));
  },
};

/** Writes a freshly read value as the store's `key`, setting only what differs (patchStore.ts). */
export type Patch<S> = <K extends keyof S & string>(key: K, next: S[K]) => void;

// Root types differ in their event type (Y.Map, Y.Text, Y.Array), so the record's values take any.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyYType = Y.AbstractType<any>;

/**
 * A read-only Solid store that mirrors `doc`: each root type in `slices` refreshes its own part of the
 * state when it (or anything nested in it) changes. Call inside a reactive root; listeners go with it.
 */
export function createSlicedStore<S extends object, R extends Record<string, AnyYType>>(
  doc: Y.Doc,
  rootTypes: R,
  slices: Record<keyof R, (set: SetStoreFunction<S>, doc: Y.Doc, patch: Patch<S>) => void>,
  initial: S,
): S {
  const [state, setState] = createStore<S>(initial);
  const patch: Patch<S> = (key, next) => patchStore(setState, key, unwrap(state)[key], next);
  const unobserve = (Object.keys(slices) as (keyof R)[]).map((name) => {
    const handler = () => batch(() => slices[name](setState, doc, patch));
    rootTypes[name]!.observeDeep(handler);
    return () => rootTypes[name]!.unobserveDeep(handler);
  });
  onCleanup(() => unobserve.forEach((off) => off()));
  return state;
}

/**
 * A read-only Solid store that mirrors session `doc`. Call inside a reactive root; listeners go with it.
 * `initial` is what the doc will hold once its stored state is applied (a stored view), shown until then.
 * @example const session = createYStore(doc); session.agenda.length
 */
export function createYStore(doc: Y.Doc, initial: SessionSnapshot = snapshot(doc)): SessionSnapshot {
  return createSlicedStore(doc, roots(doc), SLICES, initial);
}
