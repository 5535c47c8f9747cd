// The backup copy at start-up: when storage may have been lost, everything the copy holds is restored
// before the first screen and the user is told in one line; otherwise the check runs in the background,
// and the copy is repaired (missing or damaged files rewritten from IndexedDB) shortly after.
import type { BackupCopy } from "../persistence/backup/backupCopy.ts";
import type { YishiDatabase } from "../persistence/db.ts";
import { onDeviceRecordChange } from "../persistence/backup/docBackup.ts";
import { KEY_KEPT, writeDeviceRecord } from "./backupRecord.ts";
import { hasDeviceKey } from "../sync/deviceKey.ts";
import { notify } from "./notices.ts";
import type { Restored } from "./restoreBackup.ts";

// Restoring and repairing are loaded only when they run (never on the way to a normal first screen).
const restoring = () => import("./restoreBackup.ts");

/** How many documents this tablet held at its last start (localStorage: it outlives a lost database). */
const HELD_KEY = "yishi.backup.held";
const REPAIR_AFTER_MS = 2000;

function heldBefore(): number {
  try {
    return Number(localStorage.getItem(HELD_KEY) ?? 0) || 0;
  } catch {
    return 0;
  }
}

function keyKept(): boolean {
  try {
    return localStorage.getItem(KEY_KEPT) !== null;
  } catch {
    return false;
  }
}

async function noteHeld(db: YishiDatabase): Promise<void> {
  try {
    const held = (await db.count("sessions")) + (await db.count("communities"));
    localStorage.setItem(HELD_KEY, String(held));
  } catch {
    // Nothing to compare with at the next start: the copy is still checked then, in the background.
  }
}

function tell(restored: Restored | null, lost: boolean): void {
  if (restored) {
    const { talkPoints, sessions } = restored;
    notify({ kind: "info", key: "restore.done", params: { talkPoints, sessions }, sticky: true });
    if (restored.waiting.length > 0) {
      notify({
        kind: "info",
        key: "restore.waiting",
        params: { names: restored.waiting.join("、") },
        sticky: true,
      });
    }
  } else if (lost) {
    notify({ kind: "error", key: "restore.nothing", sticky: true });
  }
}

/**
 * Before the first screen: restores from `copy` when the database is new or damaged (`fresh`), or holds
 * fewer documents than it did at the last start. Never rejects (a failed restore is told).
 */
export async function restoreBeforeStart(
  db: YishiDatabase,
  copy: BackupCopy,
  fresh: { dataLoss: string; message: string } | null,
): Promise<void> {
  if (fresh && (fresh.dataLoss !== "none" || heldBefore() > 0)) {
    console.warn(
      `Storage came up empty (data loss: ${fresh.dataLoss} ${fresh.message}); held ${heldBefore()}`,
    );
  }
  let suspect = fresh !== null;
  // The device key lives in a database of its own, which the browser may have lost alone.
  if (keyKept() && !(await hasDeviceKey())) suspect = true;
  if (!suspect) {
    const held = (await db.count("sessions").catch(() => 0)) + (await db.count("communities").catch(() => 0));
    suspect = held < heldBefore();
  }
  if (!suspect) return;
  try {
    const restored = await (await restoring()).restoreFromBackup(db, copy);
    // A database made on a tablet's first start is not a loss, unless the browser says so.
    tell(restored, fresh !== null && (fresh.dataLoss === "total" || heldBefore() > 0));
  } catch (error) {
    notify({ kind: "error", key: "restore.failed", params: { error: String(error) }, sticky: true });
  }
  await noteHeld(db);
}

/** After the first screen: restores anything still missing, repairs the copy, keeps the device record. */
export function afterStartBackup(db: () => YishiDatabase, copy: BackupCopy): void {
  setTimeout(() => {
    void (async () => {
      const [{ restoreFromBackup }, { repairBackup }] = await Promise.all([
        restoring(),
        import("./repairBackup.ts"),
      ]);
      // Found after the first screen: edits a crash left in the copy only, or records the database dropped
      // without a word. Said more plainly than a lost database, since either may be the case.
      let recovered = 0;
      try {
        const restored = await restoreFromBackup(db(), copy);
        if (restored) recovered += restored.sessions + restored.communities;
      } catch {
        // Tried again at the next start, before the first screen.
      }
      recovered += (await repairBackup(db(), copy)).restored.length;
      if (recovered > 0)
        notify({ kind: "info", key: "restore.recovered", params: { n: recovered }, sticky: true });
      await noteHeld(db());
    })();
  }, REPAIR_AFTER_MS);
  onDeviceRecordChange(db().name, () => writeDeviceRecord(db(), copy));
  globalThis.document?.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") void writeDeviceRecord(db(), copy);
  });
}
