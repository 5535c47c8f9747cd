import { For } from "solid-js";
import { t } from "../../../i18n/i18n.ts";
import type { MetaPatch } from "../../../doc/session/session.ts";
import { SyncedTextarea } from "../../components/SyncedTextarea.tsx";
import { useSession } from "./sessionContext.ts";

const FIELDS = ["title", "place", "facilitator", "recorder"] as const;

/** The session header fields and free-text notes (shared text: two secretaries can type at once). */
export function NotesPanel() {
  const { handle } = useSession();
  const { state, actions } = handle;
  return (
    <div class="panel">
      <div class="grid-2">
        <For each={FIELDS}>
          {(field) => (
            <label>
              {t(`field.${field}`)}
              <input
                value={state.meta[field]}
                onChange={(e) => {
                  const patch: MetaPatch = { [field]: e.currentTarget.value };
                  if (actions.session.updateMeta(patch) === undefined)
                    e.currentTarget.value = state.meta[field];
                }}
              />
            </label>
          )}
        </For>
      </div>
      <label for="session-notes">{t("field.sessionNotes")}</label>
      <SyncedTextarea
        id="session-notes"
        label={t("field.sessionNotes")}
        rows={12}
        value={state.notes}
        onChange={(v) => actions.session.setSessionNotes(v) !== undefined}
        caret={handle.caret("notes")}
      />
    </div>
  );
}
