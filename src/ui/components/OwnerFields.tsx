// Who handles something, what kind of owner that is and by when: the fields of a new follow-up, a
// follow-up's edit form, and a matter's start and assign steps in the register.
import { createSignal } from "solid-js";
import type { OwnerKind } from "../../doc/session/schema.ts";
import { t } from "../../i18n/i18n.ts";

export interface Owner {
  owner: string;
  ownerKind: OwnerKind;
  due: string;
}

/** What the fields hold: read as one value, each field set on its own. */
export interface OwnerDraft {
  value(): Owner;
  setOwner(v: string): void;
  setOwnerKind(v: OwnerKind): void;
  setDue(v: string): void;
  /** Empties owner and due (the kind stays as chosen), after a form was submitted. */
  clear(): void;
  /** Only the fields changed since the draft started (or since `rebase`): what an edit should send. */
  changes(): Partial<Owner>;
  /** The current values become the ones `changes` compares with (after they were saved). */
  rebase(): void;
}

/** A draft starting from `from` (a copy: later edits are the user's), empty by default. */
export function createOwnerDraft(from: Owner = { owner: "", ownerKind: "person", due: "" }): OwnerDraft {
  const [owner, setOwner] = createSignal(from.owner);
  const [ownerKind, setOwnerKind] = createSignal<OwnerKind>(from.ownerKind);
  const [due, setDue] = createSignal(from.due);
  let base: Owner = { ...from };
  const value = () => ({ owner: owner(), ownerKind: ownerKind(), due: due() });
  return {
    value,
    setOwner,
    setOwnerKind,
    setDue,
    clear: () => (setOwner(""), setDue("")),
    changes: () => {
      const now = value();
      const out: Partial<Owner> = {};
      if (now.owner !== base.owner) out.owner = now.owner;
      if (now.ownerKind !== base.ownerKind) out.ownerKind = now.ownerKind;
      if (now.due !== base.due) out.due = now.due;
      return out;
    },
    rebase: () => {
      base = value();
    },
  };
}

/** Owner, kind of owner and due date of `draft`, as three labelled fields (the caller lays them out). */
export function OwnerFields(props: { draft: OwnerDraft }) {
  const value = () => props.draft.value();
  return (
    <>
      <label>
        {t("field.owner")}
        <input
          value={value().owner}
          placeholder={t("followUp.ownerPlaceholder")}
          onInput={(e) => props.draft.setOwner(e.currentTarget.value)}
        />
      </label>
      <label>
        {t("field.ownerKind")}
        <select
          value={value().ownerKind}
          onChange={(e) => props.draft.setOwnerKind(e.currentTarget.value as OwnerKind)}
        >
          <option value="person">{t("ownerKind.person")}</option>
          <option value="unit">{t("ownerKind.unit")}</option>
        </select>
      </label>
      <label>
        {t("field.due")}
        <input type="date" value={value().due} onInput={(e) => props.draft.setDue(e.currentTarget.value)} />
      </label>
    </>
  );
}
