// Who handles something, what kind of owner that is and by when: the fields of a new follow-up, a
// follow-up's edit form, and a matter's start and assign steps in the register.
import type { OwnerKind } from "../../doc/session/schema.ts";
import { t } from "../../i18n/i18n.ts";

/** Owner, kind of owner and due date, as three labelled fields (the caller lays them out). */
export function OwnerFields(props: {
  owner: string;
  kind: OwnerKind;
  due: string;
  onOwner: (v: string) => void;
  onKind: (v: OwnerKind) => void;
  onDue: (v: string) => void;
}) {
  return (
    <>
      <label>
        {t("field.owner")}
        <input
          value={props.owner}
          placeholder={t("followUp.ownerPlaceholder")}
          onInput={(e) => props.onOwner(e.currentTarget.value)}
        />
      </label>
      <label>
        {t("field.ownerKind")}
        <select value={props.kind} onChange={(e) => props.onKind(e.currentTarget.value as OwnerKind)}>
          <option value="person">{t("ownerKind.person")}</option>
          <option value="unit">{t("ownerKind.unit")}</option>
        </select>
      </label>
      <label>
        {t("field.due")}
        <input type="date" value={props.due} onInput={(e) => props.onDue(e.currentTarget.value)} />
      </label>
    </>
  );
}
