// Keeping data safe, in English (typed against the Chinese master).
import type { KeepMessages } from "./zh.ts";

export const keepEn: KeepMessages = {
  "keep.onlyCopy.heading": "This tablet holds the community's only copy",
  "keep.onlyCopy.explain":
    "No relay is set for this community and no other tablet of it has been seen for {days, plural, one {# day} other {# days}}. If this tablet is lost or broken, everything of the community is gone. Export a backup and keep it somewhere else.",
  "keep.export": "Export a backup",
  "keep.exportOf": "Export a backup of {name}",
  "keep.exporting": "Exporting…",
  "keep.imported": "The backup of {name} was imported.",
  "keep.tooLarge":
    "The file is too large (over 200 MB) to be an archive or a community backup. Nothing was imported.",
  "keep.importHint": "A community's backup file is imported here too.",
  "keep.persisted.yes": "Storage kept by the browser: yes",
  "keep.persisted.no": "Storage kept by the browser: no (the browser may clear it under pressure)",
  "keep.askAgain": "Ask again",
  "keep.persistAgain": "Ask the browser again to keep this tablet's storage",
};
