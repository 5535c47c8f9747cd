import { createSignal, For } from "solid-js";
import { DIRECTORY_KINDS, type DirectoryEntry, type DirectoryKind } from "../../doc/community/schema.ts";
import { t } from "../../i18n/i18n.ts";

export interface DirectoryEditorProps {
  entries: readonly DirectoryEntry[];
  /** Each returns undefined when refused (the message is shown by the caller's bound action). */
  onAdd: (input: { name: string; kind: DirectoryKind }) => unknown;
  onUpdate: (id: string, patch: { name?: string; kind?: DirectoryKind; retired?: boolean }) => unknown;
  readOnly?: boolean;
}

/** The departments and units matters can be escalated to (吹哨): add, rename, change kind, retire. */
export function DirectoryEditor(props: DirectoryEditorProps) {
  const [name, setName] = createSignal("");
  const [kind, setKind] = createSignal<DirectoryKind>("department");
  const kindName = (k: DirectoryKind) => t(`directoryKind.${k}`);
  return (
    <section class="card" aria-labelledby="directory-heading">
      <h2 id="directory-heading">{t("directory.heading", { n: props.entries.length })}</h2>
      <ul class="directory-list">
        <For each={props.entries}>
          {(d) => (
            <li classList={{ retired: d.retired }}>
              <input
                value={d.name}
                aria-label={t("directory.nameOf", { name: d.name })}
                disabled={props.readOnly}
                onChange={(e) => {
                  const next = e.currentTarget.value.trim();
                  if (next !== d.name) props.onUpdate(d.id, { name: next });
                }}
              />
              <select
                value={d.kind}
                aria-label={t("directory.kindOf", { name: d.name })}
                disabled={props.readOnly}
                onChange={(e) => props.onUpdate(d.id, { kind: e.currentTarget.value as DirectoryKind })}
              >
                <For each={DIRECTORY_KINDS}>{(k) => <option value={k}>{kindName(k)}</option>}</For>
              </select>
              <label class="choice">
                <input
                  type="checkbox"
                  checked={d.retired}
                  disabled={props.readOnly}
                  aria-label={t("directory.retireOf", { name: d.name })}
                  onChange={(e) => props.onUpdate(d.id, { retired: e.currentTarget.checked })}
                />
                {t("directory.retired")}
              </label>
            </li>
          )}
        </For>
      </ul>
      <form
        class="inline-form wrap"
        aria-label={t("directory.add")}
        onSubmit={(e) => {
          e.preventDefault();
          if (props.onAdd({ name: name().trim(), kind: kind() }) !== undefined) setName("");
        }}
      >
        <input
          value={name()}
          aria-label={t("directory.newName")}
          placeholder={t("followUp.departmentPlaceholder")}
          disabled={props.readOnly}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <select
          value={kind()}
          aria-label={t("directory.newKind")}
          disabled={props.readOnly}
          onChange={(e) => setKind(e.currentTarget.value as DirectoryKind)}
        >
          <For each={DIRECTORY_KINDS}>{(k) => <option value={k}>{kindName(k)}</option>}</For>
        </select>
        <button type="submit" disabled={props.readOnly}>
          {t("directory.add")}
        </button>
      </form>
    </section>
  );
}
