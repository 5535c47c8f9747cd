import { createSignal, Show } from "solid-js";
import { t, type MessageKey } from "../../i18n/i18n.ts";
import { notify, reportError } from "../../reactive/notices.ts";
import { StorageError } from "../../persistence/errors.ts";
import { useApp } from "../appContext.ts";
import { go } from "../router.ts";

/** Reading an archive file from another device; a bad file is refused with the reason, storage untouched. */
export function ImportArchive() {
  const { db, catalogue, communities } = useApp();
  const [problem, setProblem] = createSignal<MessageKey | null>(null);
  const importBackup = async (text: string) => {
    const { importCommunityBackupText } = await import("../../reactive/communityBackup.ts");
    const result = await importCommunityBackupText(db, communities, text);
    if (!result.ok)
      return setProblem(result.error === "tooLarge" ? "keep.tooLarge" : `import.${result.error}`);
    await catalogue.refresh();
    notify({ kind: "info", key: "keep.imported", params: { name: result.name } });
    go({ page: "community", id: result.id });
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      // Too large to be ours (a community's backup is the largest): refused before reading it into memory.
      if (file.size > 200 * 1024 * 1024) return setProblem("keep.tooLarge");
      const text = await file.text();
      const { looksLikeBackup } = await import("../../export/communityBackup.ts");
      if (looksLikeBackup(text)) return await importBackup(text);
      const result = await (await import("../../reactive/importArchive.ts")).importArchiveText(db, text);
      if (!result.ok) return setProblem(`import.${result.error}`);
      await catalogue.refresh();
      go({ page: "session", id: result.id });
    } catch (error) {
      // Nothing was stored (the import is one transaction): say so, rather than "something went wrong".
      if (error instanceof StorageError) notify({ kind: "error", key: "error.storage.writeImport" });
      else reportError(error);
    }
  };
  return (
    <div class="import">
      <label>
        {t("import.label")}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
      </label>
      <p class="muted">{t("keep.importHint")}</p>
      <Show when={problem()}>
        {(key) => (
          <p class="error" role="alert">
            {t(key())}
          </p>
        )}
      </Show>
    </div>
  );
}
