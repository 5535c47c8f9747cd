import { createResource, createSignal, Show } from "solid-js";
import { requestPersistentStorage, storageEstimate } from "../../persistence/catalogue.ts";
import { t } from "../../i18n/i18n.ts";
import { backupOf } from "../../persistence/backup/backupCopy.ts";
import { DEFAULT_DB_NAME } from "../../persistence/db.ts";

const MB = 1024 * 1024;
/** Below this much free space the app warns: a long session with much typing needs a few MB. */
const LOW_SPACE_BYTES = 50 * MB;
import {
  customSignalingUrl,
  deviceName,
  peerToPeerOn,
  setDeviceName,
  setPeerToPeer,
  setSignalingUrl,
} from "../../sync/deviceSettings.ts";
import { go } from "../router.ts";
import { ImportArchive } from "./ImportArchive.tsx";

/** Whether the browser keeps this origin's storage (never clears it under pressure); false where it cannot tell. */
async function storagePersisted(): Promise<boolean> {
  try {
    return (await globalThis.navigator?.storage?.persisted?.()) === true;
  } catch {
    return false;
  }
}

/** Join a session shared from another tablet or import an archive; this device's name, signalling server and storage. */
export function DeviceSection() {
  const [code, setCode] = createSignal("");
  const [storage] = createResource(storageEstimate);
  const [persisted, { refetch: refetchPersisted }] = createResource(storagePersisted);
  const [backup] = createResource(async () => {
    const copy = backupOf(DEFAULT_DB_NAME);
    await copy?.ready;
    return copy?.state ?? null;
  });
  const askAgain = async () => {
    await requestPersistentStorage();
    await refetchPersisted();
  };
  return (
    <>
      <section class="card device" aria-labelledby="device-heading">
        <h2 id="device-heading">{t("device.heading")}</h2>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            go({ page: "join", code: code() });
          }}
        >
          <input
            value={code()}
            aria-label={t("field.shareCode")}
            placeholder={t("join.codePlaceholder")}
            class="code-input"
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <button type="submit" class="primary">
            {t("join.action")}
          </button>
        </form>
        <ImportArchive />
      </section>
      <section class="card device" aria-labelledby="device-settings-heading">
        <h2 id="device-settings-heading">{t("device.settings")}</h2>
        <label>
          {t("field.deviceName")}
          <input value={deviceName()} onChange={(e) => setDeviceName(e.currentTarget.value)} />
        </label>
        <label>
          {t("field.signalingUrl")}
          <input
            value={customSignalingUrl()}
            placeholder={t("device.signalingDefault")}
            onChange={(e) => setSignalingUrl(e.currentTarget.value)}
          />
        </label>
        <label class="choice">
          <input
            type="checkbox"
            checked={peerToPeerOn()}
            aria-describedby="p2p-hint"
            onChange={(e) => setPeerToPeer(e.currentTarget.checked)}
          />
          {t("device.peerToPeer")}
        </label>
        <p id="p2p-hint" class="muted">
          {t("device.peerToPeerHint")}
        </p>
        <Show when={storage()}>
          {(s) => (
            <p role={s().quota - s().usage < LOW_SPACE_BYTES ? "alert" : undefined}>
              {t("device.storage", {
                used: (s().usage / MB).toFixed(1),
                free: ((s().quota - s().usage) / MB).toFixed(0),
              })}
              <Show when={s().quota - s().usage < LOW_SPACE_BYTES}> {t("device.storageLow")}</Show>
            </p>
          )}
        </Show>
        <Show when={persisted.latest !== undefined}>
          <p class="persisted">
            {persisted.latest ? t("keep.persisted.yes") : t("keep.persisted.no")}
            <Show when={!persisted.latest}>
              {" "}
              <button type="button" aria-label={t("keep.persistAgain")} onClick={() => void askAgain()}>
                {t("keep.askAgain")}
              </button>
            </Show>
          </p>
        </Show>
        <Show when={backup()}>
          {(state) => (
            <p class="backup-state" role={state() === "unavailable" ? "alert" : undefined}>
              <strong>{t("backup.heading")}:</strong>{" "}
              {t(state() === "on" ? "backup.on" : `backup.${state()}`)}
            </p>
          )}
        </Show>
      </section>
    </>
  );
}
