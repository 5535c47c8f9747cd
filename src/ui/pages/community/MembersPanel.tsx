import { createEffect, For, Show } from "solid-js";
import { formatDateTime, t } from "../../../i18n/i18n.ts";
import type { CommunityMembers } from "../../../reactive/communityMembers.ts";
import type { CommunitySync } from "../../../reactive/communitySync.ts";
import { reportError } from "../../../reactive/notices.ts";
import { lastSeen, noteSeen } from "./lastSeen.ts";

/**
 * The community's member list: each tablet's name, role and when it was last seen, with a way for staff to
 * remove one for good; and the tablets asking to join, to admit or turn away.
 */
export function MembersPanel(props: {
  communityId: string;
  members: CommunityMembers;
  sync: CommunitySync | null;
  staff: boolean;
}) {
  const members = () => props.members.members();
  const self = () => props.sync?.self() ?? null;
  const online = () => new Set((props.sync?.presence() ?? []).filter((p) => p.online).map((p) => p.key));
  createEffect(() => noteSeen(props.communityId, [...online()]));
  const seen = (device: string) => {
    if (online().has(device)) return t("access.online");
    const at = lastSeen(props.communityId, device);
    return at
      ? t("access.lastSeen", { time: formatDateTime(at, { dateStyle: "medium", timeStyle: "short" }) })
      : t("access.notSeen");
  };
  const remove = (device: string, name: string) => {
    const by = self();
    if (!by || !confirm(t("access.removeConfirm", { name }))) return;
    try {
      props.members.remove(device, by);
    } catch (e) {
      reportError(e);
    }
  };
  const nameOf = (name: string) => name || t("access.unnamed");
  return (
    <section class="card members" aria-labelledby="members-heading">
      <h2 id="members-heading">{t("access.heading")}</h2>
      <p class="muted">{t("access.explain")}</p>
      <Show when={props.staff && (props.sync?.strangers() ?? []).length > 0}>
        <h3>{t("access.strangers")}</h3>
        <p>{t("access.strangerExplain")}</p>
        <ul class="strangers">
          <For each={props.sync?.strangers() ?? []}>
            {(s) => (
              <li>
                <span>{nameOf(s.name)}</span>
                <span class="row wrap">
                  <button type="button" onClick={() => props.sync?.answerStranger(s.device, "staff")}>
                    {t("access.admitStaff", { name: nameOf(s.name) })}
                  </button>
                  <button type="button" onClick={() => props.sync?.answerStranger(s.device, "display")}>
                    {t("access.admitDisplay", { name: nameOf(s.name) })}
                  </button>
                  <button type="button" onClick={() => props.sync?.answerStranger(s.device, null)}>
                    {t("access.turnAway", { name: nameOf(s.name) })}
                  </button>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>{t("access.members")}</h3>
      <ul class="member-list">
        <For each={members()}>
          {(m) => (
            <li classList={{ removed: m.removed }}>
              <span>{nameOf(m.name)}</span>
              <span class="muted">
                {t(m.role === "staff" ? "access.role.staff" : "access.role.display")} ·{" "}
                {m.removed
                  ? t("access.removed")
                  : m.device === self()
                    ? t("access.thisTablet")
                    : seen(m.device)}
              </span>
              <Show when={props.staff && !m.removed && m.device !== self()}>
                <button type="button" class="danger" onClick={() => remove(m.device, nameOf(m.name))}>
                  {t("access.remove", { name: nameOf(m.name) })}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
