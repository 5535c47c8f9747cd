import { createSignal, Show } from "solid-js";
import { t, type MessageKey } from "../../i18n/i18n.ts";
import { notify, reportError } from "../../reactive/notices.ts";
import { StorageError } from "../../persistence/errors.ts";
import { useApp } from "../appContext.ts";
import { go } from "../router.ts";

/** Reading an archive file from another device; a bad file is refused with the reason, storage untouched. */
export function ImportArchive() {
  const { db, catalogue } = useApp();
  const [problem, setProblem] = createSignal<MessageKey | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      // Too large to be ours: refused before reading it into memory.
      const result =
        file.size > 20 * 1024 * 1024
          ? ({ ok: false, error: "tooLarge" } as const)
          : await (await import("../../reactive/importArchive.ts")).importArchiveText(db, await file.text());
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
