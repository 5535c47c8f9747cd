import { For, Show } from "solid-js";
import { t } from "../../../i18n/i18n.ts";

export interface MatterListGroup {
  communityId: string;
  name: string;
  /** The community's register filtered to these matters. */
  registerHref: string;
  /** The first matters (title and link), at most `limit`. */
  matters: { id: string; title: string; href: string }[];
  total: number;
}

/**
 * The matters behind a figure whose matters are in several communities: per community, a link to its
 * register filtered to them and the first of them by name.
 */
export function ReportMatterList(props: { heading: string; groups: MatterListGroup[]; onClose: () => void }) {
  return (
    <section class="card report-matters" aria-labelledby="report-matters-heading" tabIndex={-1}>
      <div class="row wrap report-matters-head">
        <h2 id="report-matters-heading">{props.heading}</h2>
        <button type="button" onClick={() => props.onClose()}>
          {t("report.list.close")}
        </button>
      </div>
      <For each={props.groups}>
        {(g) => (
          <section class="report-matters-group" aria-labelledby={`matters-of-${g.communityId}`}>
            <h3 id={`matters-of-${g.communityId}`}>
              <a href={g.registerHref}>{t("report.list.openIn", { name: g.name, n: g.total })}</a>
            </h3>
            <ul>
              <For each={g.matters}>
                {(m) => (
                  <li>
                    <a href={m.href}>{m.title}</a>
                  </li>
                )}
              </For>
            </ul>
            <Show when={g.total > g.matters.length}>
              <p class="muted">{t("report.list.more", { n: g.total - g.matters.length })}</p>
            </Show>
          </section>
        )}
      </For>
    </section>
  );
}
