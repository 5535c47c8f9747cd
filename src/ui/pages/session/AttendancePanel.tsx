import { createSignal, For } from "solid-js";
import { ATTENDEE_ROLES, type AttendeeRole } from "../../../doc/session/schema.ts";
import { t } from "../../../i18n/i18n.ts";
import { TallyCounter } from "../../components/TallyCounter.tsx";
import { useSession } from "./sessionContext.ts";

/** Attendance: a head count tapped like a tally, and optional named attendees with their role. */
export function AttendancePanel() {
  const { handle } = useSession();
  const { state, actions } = handle;
  const [name, setName] = createSignal("");
  const [role, setRole] = createSignal<AttendeeRole>("resident");
  const add = (e: Event) => {
    e.preventDefault();
    if (actions.session.addAttendee({ name: name(), role: role() })) setName("");
  };
  return (
    <div class="panel">
      <TallyCounter
        label={t("attendance.headcount")}
        count={state.headcount}
        enabled={!state.readOnly}
        onTap={(delta) => actions.session.tapHeadcount(delta)}
        onSet={(total) => actions.session.setHeadcount(total)}
      />
      <h3>{t("attendance.named", { n: state.attendees.length })}</h3>
      <form class="inline-form" onSubmit={add}>
        <input
          value={name()}
          aria-label={t("field.attendeeName")}
          placeholder={t("field.attendeeName")}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <select
          aria-label={t("field.role")}
          value={role()}
          onChange={(e) => setRole(e.currentTarget.value as AttendeeRole)}
        >
          <For each={ATTENDEE_ROLES}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
        </select>
        <button type="submit" class="primary">
          {t("action.add")}
        </button>
      </form>
      <ul class="attendees">
        <For each={state.attendees}>
          {(a) => (
            <li>
              <span>{a.name}</span>
              <select
                aria-label={t("attendance.roleOf", { name: a.name })}
                value={a.role}
                onChange={(e) =>
                  actions.session.updateAttendee(a.id, { role: e.currentTarget.value as AttendeeRole })
                }
              >
                <For each={ATTENDEE_ROLES}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
              </select>
              <button
                type="button"
                class="danger"
                aria-label={t("attendance.remove", { name: a.name })}
                onClick={() => handle.remove("attendees", a.id, a.name)}
              >
                ×
              </button>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
