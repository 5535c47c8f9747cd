// A follow-up's owner, the kind of owner and the due date: the fields the new follow-up form and a
// follow-up's edit form both ask for.
import type { Accessor, Setter } from "solid-js";
import type { OwnerKind } from "../../../doc/session/schema.ts";
import { t } from "../../../i18n/i18n.ts";

export function FollowUpOwnerFields(props: {
  owner: Accessor<string>;
  setOwner: Setter<string>;
  ownerKind: Accessor<OwnerKind>;
  setOwnerKind: Setter<OwnerKind>;
  due: Accessor<string>;
  setDue: Setter<string>;
}) {
  return (
    <>
      <label>
        {t("field.owner")}
        <input
          value={props.owner()}
          placeholder={t("followUp.ownerPlaceholder")}
          onInput={(e) => props.setOwner(e.currentTarget.value)}
        />
      </label>
      <label>
        {t("field.ownerKind")}
        <select
          value={props.ownerKind()}
          onChange={(e) => props.setOwnerKind(e.currentTarget.value as OwnerKind)}
        >
          <option value="person">{t("ownerKind.person")}</option>
          <option value="unit">{t("ownerKind.unit")}</option>
        </select>
      </label>
      <label>
        {t("field.due")}
        <input type="date" value={props.due()} onInput={(e) => props.setDue(e.currentTarget.value)} />
      </label>
    </>
  );
}
