// A database of its own for each IndexedDB test (as jakearchibald/idb's tests do), deleted after it.
import { deleteDB } from "idb";
import { openYishiDb, type YishiDatabase } from "../../src/persistence/db.ts";

/** Opens the app's database under a new name; `cleanups` (run after the test) closes and deletes it. */
export async function freshDb(
  cleanups: (() => Promise<void>)[],
): Promise<{ db: YishiDatabase; name: string }> {
  const name = `yishi-test-${crypto.randomUUID()}`;
  const db = await openYishiDb(name);
  cleanups.push(async () => {
    db.close();
    await deleteDB(name);
  });
  return { db, name };
}
