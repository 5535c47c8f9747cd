import { For, Show } from "solid-js";
import type { ReportFigureKey, ReportFigures } from "../../../doc/community/report.ts";
import { t, type MessageKey } from "../../../i18n/i18n.ts";
import { allRegisterHrefOf } from "../../reportFigures.ts";
import { figureName, figureValueText } from "../../reportText.ts";
import "../../allRegister.css";

/** The figures in groups, in the order the subdistrict reads them. */
export const FIGURE_GROUPS: readonly { group: string; figures: readonly ReportFigureKey[] }[] = [
  { group: "sessions", figures: ["sessions", "attendance", "visitors"] },
  {
    group: "matters",
    figures: [
      "raised",
      "urgent",
      "resolved",
      "resolutionRate",
      "resolvedInPeriod",
      "daysToResolveMedian",
      "daysToResolveP90",
      "overdueNow",
    ],
  },
  { group: "escalation", figures: ["escalated", "ackWithin", "ackLate", "ackNotYet", "ackOverdueNow"] },
  {
    group: "feedback",
    figures: [
      "feedback",
      "satisfied",
      "notSatisfied",
      "everNotSatisfied",
      "firstTimeSatisfied",
      "firstTimeSatisfactionRate",
    ],
  },
];

/** Figures that read as a warning when they are not zero. */
const ALERTS: ReadonlySet<ReportFigureKey> = new Set([
  "overdueNow",
  "ackOverdueNow",
  "ackLate",
  "notSatisfied",
]);

/**
 * The report's figures, each with its definition under it and a link to the matters behind it (`hrefOf` gives it; a figure without
 * matters is plain text). The link's name says the figure, its value and how many matters it opens. A
 * figure whose matters are in several communities also links to the combined register filtered to them.
 */
export function ReportFigureList(props: {
  figures: ReportFigures;
  hrefOf: (key: ReportFigureKey) => string | undefined;
}) {
  return (
    <div class="report-figures">
      <For each={FIGURE_GROUPS}>
        {(group) => (
          <section class="figure-group" aria-labelledby={`figures-${group.group}`}>
            <h2 id={`figures-${group.group}`}>{t(`report.group.${group.group}` as MessageKey)}</h2>
            <ul class="figure-list">
              <For each={group.figures}>
                {(key) => {
                  const figure = () => props.figures[key];
                  const value = () => figureValueText(key, figure().value);
                  const alert = () => ALERTS.has(key) && (figure().value ?? 0) > 0;
                  const body = () => (
                    <>
                      <span class="figure-value">{value()}</span>
                      <span class="figure-name">{figureName(key)}</span>
                    </>
                  );
                  return (
                    <li class="figure" classList={{ alert: alert() }} data-figure={key}>
                      <Show when={props.hrefOf(key)} fallback={<span class="figure-box">{body()}</span>}>
                        {(href) => (
                          <a
                            class="figure-box"
                            href={href()}
                            aria-label={t("report.figureLink", {
                              figure: figureName(key),
                              value: value(),
                              n: figure().ids.length,
                            })}
                          >
                            {body()}
                          </a>
                        )}
                      </Show>
                      <span class="figure-def">{t(`report.def.${key}` as MessageKey)}</span>
                      <Show when={allRegisterHrefOf(props.hrefOf(key), figure().ids)}>
                        {(href) => (
                          <a
                            class="figure-all-register no-print"
                            href={href()}
                            aria-label={t("allRegister.figureLink", {
                              figure: figureName(key),
                              n: figure().ids.length,
                            })}
                          >
                            {t("allRegister.figureLinkShort")}
                          </a>
                        )}
                      </Show>
                    </li>
                  );
                }}
              </For>
            </ul>
          </section>
        )}
      </For>
    </div>
  );
}
