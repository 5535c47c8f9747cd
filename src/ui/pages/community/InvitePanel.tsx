import { createResource, createSignal, For, Show } from "solid-js";
import { formatDateTime, t } from "../../../i18n/i18n.ts";
import type { MemberRole } from "../../../doc/community/members.ts";
import type { CommunityMembers } from "../../../reactive/communityMembers.ts";
import { formatInvitationCode, invitationLink, type InvitationCode } from "../../../sync/invitation.ts";
import type { ShareCode } from "../../../sync/shareCode.ts";
import { reportError } from "../../../reactive/notices.ts";

interface Made {
  id: string;
  role: MemberRole;
  invitation: InvitationCode;
  expires: number;
}

/** Invitations into the community: a staff tablet's or a display's, shown once made, withdrawn at will. */
export function InvitePanel(props: { code: ShareCode; members: CommunityMembers; self: string | null }) {
  const [made, setMade] = createSignal<Made | null>(null);
  const open = () => props.members.openInvitations();
  const link = () => {
    const m = made();
    return m ? invitationLink(location.origin, m.invitation) : "";
  };
  const [qr] = createResource(link, async (url) => {
    const svg = await (await import("qrcode")).toString(url, { type: "svg", margin: 1 });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
  const invite = async (role: MemberRole) => {
    const by = props.self;
    if (!by) return;
    try {
      const m = await props.members.invite(props.code, role, by);
      setMade({ ...m, role });
    } catch (e) {
      reportError(e);
    }
  };
  const withdraw = (id: string) => {
    try {
      props.members.withdraw(id);
      if (made()?.id === id) setMade(null);
    } catch (e) {
      reportError(e);
    }
  };
  const when = (ms: number) => formatDateTime(ms, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div class="invite">
      <div class="row wrap">
        <button type="button" class="primary" disabled={!props.self} onClick={() => void invite("staff")}>
          {t("access.inviteStaff")}
        </button>
        <button type="button" disabled={!props.self} onClick={() => void invite("display")}>
          {t("access.inviteDisplay")}
        </button>
      </div>
      <Show when={made()}>
        {(m) => (
          <div class="share-body">
            <div>
              <h3>{t(m().role === "staff" ? "access.invitation.staff" : "access.invitation.display")}</h3>
              <p>{t("access.invitationInstructions")}</p>
              <p class="share-code">
                <span class="visually-hidden">{t("access.invitationCode")} </span>
                {formatInvitationCode(m().invitation)}
              </p>
              <p class="share-link">
                <a href={link()}>{link()}</a>
              </p>
              <p class="muted">{t("access.expires", { time: when(m().expires) })}</p>
            </div>
            <Show when={qr()}>{(src) => <img class="qr" src={src()} alt={t("access.invitationQr")} />}</Show>
          </div>
        )}
      </Show>
      <Show when={open().length > 0}>
        <ul class="invitations">
          <For each={open()}>
            {(inv) => (
              <li>
                <span>
                  {t(inv.role === "staff" ? "access.role.staff" : "access.role.display")} ·{" "}
                  {inv.id.slice(0, 8)} · {t("access.expires", { time: when(inv.expires) })}
                </span>
                <button type="button" onClick={() => withdraw(inv.id)}>
                  {t("access.withdraw", { code: inv.id.slice(0, 8) })}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
