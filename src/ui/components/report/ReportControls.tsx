import { For, Show } from "solid-js";
import type { Period } from "../../../doc/civilTime.ts";
import { t, type MessageKey } from "../../../i18n/i18n.ts";
import { REPORT_PERIODS, type ReportPeriodKind } from "../../reportAddress.ts";

export interface Choice {
  value: string;
  label: string;
}

/** The report's scope and period, and its print and CSV buttons. */
export function ReportControls(props: {
  scopes: Choice[];
  scope: string;
  onScope: (value: string) => void;
  periodKind: ReportPeriodKind;
  onPeriodKind: (kind: ReportPeriodKind) => void;
  quarters: Choice[];
  quarter: string;
  onQuarter: (quarter: string) => void;
  period: Period;
  onRange: (from: string, to: string) => void;
  onPrint: () => void;
  onFiguresCsv: () => void;
  onMattersCsv: () => void;
}) {
  return (
    <section class="card report-controls no-print" aria-label={t("report.controls")}>
      <div class="row wrap">
        <label>
          {t("report.scope")}
          <select value={props.scope} onChange={(e) => props.onScope(e.currentTarget.value)}>
            <For each={props.scopes}>
              {(s) => (
                <option value={s.value} selected={s.value === props.scope}>
                  {s.label}
                </option>
              )}
            </For>
          </select>
        </label>
        <label>
          {t("report.period")}
          <select
            value={props.periodKind}
            onChange={(e) => props.onPeriodKind(e.currentTarget.value as ReportPeriodKind)}
          >
            <For each={REPORT_PERIODS}>
              {(k) => (
                <option value={k} selected={k === props.periodKind}>
                  {t(`report.period.${k}` as MessageKey)}
                </option>
              )}
            </For>
          </select>
        </label>
        <Show when={props.periodKind === "quarter"}>
          <label>
            {t("report.quarter")}
            <select value={props.quarter} onChange={(e) => props.onQuarter(e.currentTarget.value)}>
              <For each={props.quarters}>
                {(q) => (
                  <option value={q.value} selected={q.value === props.quarter}>
                    {q.label}
                  </option>
                )}
              </For>
            </select>
          </label>
        </Show>
        <Show when={props.periodKind === "range"}>
          <label>
            {t("report.from")}
            <input
              type="date"
              value={props.period.from}
              onChange={(e) => e.currentTarget.value && props.onRange(e.currentTarget.value, props.period.to)}
            />
          </label>
          <label>
            {t("report.to")}
            <input
              type="date"
              value={props.period.to}
              onChange={(e) =>
                e.currentTarget.value && props.onRange(props.period.from, e.currentTarget.value)
              }
            />
          </label>
        </Show>
      </div>
      <div class="row wrap">
        <button type="button" class="primary" onClick={() => props.onPrint()}>
          {t("report.print")}
        </button>
        <button type="button" onClick={() => props.onFiguresCsv()}>
          {t("report.csv.figures")}
        </button>
        <button type="button" onClick={() => props.onMattersCsv()}>
          {t("report.csv.matters")}
        </button>
      </div>
    </section>
  );
}
