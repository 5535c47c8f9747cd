// Opens the app's database once, reporting a dropped connection or refused storage to the user.
import type { IDBPDatabase } from "idb";
import { openYishiDb, type YishiDB } from "../persistence/db.ts";
import { requestPersistentStorage } from "../persistence/catalogue.ts";
import { notify } from "./notices.ts";

export type AppDb = IDBPDatabase<YishiDB>;

/** The app's database; asks the browser to keep it (tablets must not lose a session to eviction). */
export async function openAppDb(name = "yishi"): Promise<AppDb> {
  const db = await openYishiDb(name, {
    onTerminated: () => notify({ kind: "error", key: "error.storage.closed", sticky: true }),
  });
  void requestPersistentStorage();
  return db;
}
