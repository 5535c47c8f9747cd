import type { RestoreMessages } from "./zh.ts";

export const restoreEn: RestoreMessages = {
  "restore.done":
    "This tablet's browser lost its storage; everything was restored from the tablet's backup copy: {talkPoints, plural, one {# talk point} other {# talk points}}, {sessions, plural, one {# session} other {# sessions}}.",
  "restore.recovered":
    "Recovered from the tablet's backup copy: changes to {n, plural, one {# session or register} other {# sessions or registers}} that the database had not kept.",
  "restore.waiting": "Still waiting for these communities from paired tablets or the relay: {names}.",
  "restore.nothing":
    "This tablet's browser lost its storage and no backup copy was found. Paired tablets and the relay will send the communities back.",
  "restore.failed": "Could not restore from the backup copy: {error}",
  "backup.heading": "Backup copy",
  "backup.on":
    "Every save is also written to a second copy on this tablet (used if the browser loses its database).",
  "backup.unavailable": "This browser cannot keep a second copy: export a backup regularly.",
  "backup.starting": "Checking the backup copy…",
};
