import { createSignal, Show } from "solid-js";
import { t } from "../../i18n/i18n.ts";

interface Props {
  label: string;
  count: number;
  /** False when counting is closed: the numbers show but cannot change. */
  enabled: boolean;
  /** Shown instead of buttons when the count is derived (count-the-minority mode). */
  derived?: boolean;
  onTap: (delta: 1 | -1) => void;
  onSet: (total: number) => void;
  /** No "type a total" correction (an informal count). */
  noTotal?: boolean;
}

/** One option's show-of-hands count: big − and + targets, and a typed total as a correction. */
export function TallyCounter(props: Props) {
  const [editing, setEditing] = createSignal(false);
  let input!: HTMLInputElement;
  return (
    <div class="tally" classList={{ derived: props.derived }}>
      <div class="tally-label">{props.label}</div>
      <div class="tally-row">
        <Show when={props.enabled && !props.derived}>
          <button
            type="button"
            class="tap minus"
            aria-label={t("vote.tapMinus", { option: props.label })}
            disabled={props.count <= 0}
            onClick={() => props.onTap(-1)}
          >
            −
          </button>
        </Show>
        <output class="tally-count" aria-label={t("vote.countOf", { option: props.label, n: props.count })}>
          {props.count}
        </output>
        <Show when={props.enabled && !props.derived}>
          <button
            type="button"
            class="tap plus"
            aria-label={t("vote.tapPlus", { option: props.label })}
            onClick={() => props.onTap(1)}
          >
            +
          </button>
        </Show>
      </div>
      <Show when={props.enabled && !props.derived && !props.noTotal}>
        <Show
          when={editing()}
          fallback={
            <button
              type="button"
              class="link"
              aria-label={t("vote.typeTotalFor", { option: props.label })}
              onClick={() => setEditing(true)}
            >
              {t("vote.typeTotal")}
            </button>
          }
        >
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              props.onSet(Number(input.value));
              setEditing(false);
            }}
          >
            <input
              ref={input}
              type="number"
              inputmode="numeric"
              min="0"
              value={props.count}
              aria-label={t("vote.totalFor", { option: props.label })}
            />
            <button type="submit">{t("action.set")}</button>
          </form>
        </Show>
      </Show>
    </div>
  );
}
