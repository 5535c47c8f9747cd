// @vitest-environment happy-dom
// The community page's only-copy warning: shown with its one export button (named after the community) when
// no relay is set and no other tablet was seen for 14 days; gone once a relay is set or a peer was seen lately.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "solid-js/web";
import { createSignal } from "solid-js";
import { noteSeen } from "../../../src/ui/pages/community/lastSeen.ts";
import { OnlyCopyWarning } from "../../../src/ui/pages/community/OnlyCopyWarning.tsx";
import { englishDom } from "../../helpers/englishDom.ts";

const cleanups = englishDom();
const DAY = 24 * 60 * 60 * 1000;
const ID = "c-chunshu";
const MEMBERS = [
  { device: "self", removed: false },
  { device: "peer", removed: false },
];

function mount(opts: { relay?: boolean; members?: typeof MEMBERS } = {}) {
  const host = document.createElement("div");
  document.body.append(host);
  const onExport = vi.fn(() => Promise.resolve());
  const [relay, setRelay] = createSignal(opts.relay ?? false);
  cleanups.push(
    render(
      () => (
        <OnlyCopyWarning
          communityId={ID}
          name="椿树社区"
          relay={relay()}
          members={opts.members ?? MEMBERS}
          self="self"
          online={[]}
          onExport={onExport}
        />
      ),
      host,
    ),
  );
  return { host, onExport, setRelay, alert: () => host.querySelector("[role=alert]") };
}

beforeEach(() => localStorage.clear());

describe("OnlyCopyWarning", () => {
  it("warns with one button that exports a backup of the community", () => {
    const { alert, onExport } = mount();
    expect(alert()?.querySelector("h2")?.textContent).toBe("This tablet holds the community's only copy");
    expect(alert()?.textContent).toContain("14 days");
    const buttons = alert()!.querySelectorAll("button");
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.getAttribute("aria-label")).toBe("Export a backup of 椿树社区");
    expect(buttons[0]!.textContent).toBe("Export a backup");
    buttons[0]!.click();
    expect(onExport).toHaveBeenCalledTimes(1);
  });

  it("warns for a community with no other tablet, and when the peer was last seen 20 days ago", () => {
    expect(mount({ members: [MEMBERS[0]!] }).alert()).not.toBeNull();
    document.body.innerHTML = "";
    noteSeen(ID, ["peer"], Date.now() - 20 * DAY);
    expect(mount().alert()).not.toBeNull();
  });

  it("is gone when a relay is set", () => {
    const { alert, setRelay } = mount();
    expect(alert()).not.toBeNull();
    setRelay(true);
    expect(alert()).toBeNull();
  });

  it("is not shown when the peer was seen 3 days ago", () => {
    noteSeen(ID, ["peer"], Date.now() - 3 * DAY);
    expect(mount().alert()).toBeNull();
  });
});
