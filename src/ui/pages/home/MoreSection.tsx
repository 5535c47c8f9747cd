import { t } from "../../../i18n/i18n.ts";
import { routeHash } from "../../router.ts";
import { DeviceSection } from "../DeviceSection.tsx";

/**
 * The rarer things, behind one button at the foot of the home screen: joining a session shared from another
 * tablet, importing an archive, this tablet's settings, and making or pairing a community.
 */
export function MoreSection() {
  return (
    <details class="home-more">
      <summary>{t("home.more.summary")}</summary>
      <div class="home-more-body">
        <DeviceSection />
        <section class="card" aria-labelledby="add-community-heading">
          <h2 id="add-community-heading">{t("home.more.communities")}</h2>
          <div class="row wrap">
            <a class="button" href={routeHash({ page: "community", id: null })}>
              {t("community.new")}
            </a>
            <a class="button" href={routeHash({ page: "pair", code: "" })}>
              {t("pair.joinHeading")}
            </a>
          </div>
        </section>
      </div>
    </details>
  );
}
