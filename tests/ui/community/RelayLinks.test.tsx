// @vitest-environment happy-dom
// Pairing links through the relay are offered only once the relay took this tablet's token: refused or
// unreachable, the panel says what to do and carries no link (a link would hold a token that fails).
import { describe, expect, it } from "vitest";
import { render } from "solid-js/web";
import { createSignal } from "solid-js";
import type { RelayState } from "../../../src/sync/relaySync.ts";
import { RelayLinks } from "../../../src/ui/pages/community/RelayLinks.tsx";
import { englishDom } from "../../helpers/englishDom.ts";

const cleanups = englishDom();
const TOKEN = `${"w".repeat(43)}.${"r".repeat(43)}`;

function mount(initial: RelayState) {
  const host = document.createElement("div");
  document.body.append(host);
  const [state, setState] = createSignal(initial);
  cleanups.push(
    render(
      () => (
        <RelayLinks
          state={state()}
          communityId="c-chunshu"
          name="椿树社区"
          url="wss://relay.example"
          token={TOKEN}
        />
      ),
      host,
    ),
  );
  const links = () => [...host.querySelectorAll("a")].map((a) => a.textContent);
  return { host, setState, links };
}

describe("relay pairing links", () => {
  it("a refused relay offers no link, only what to do", () => {
    const { host, links, setState } = mount("refused");
    expect(links()).toEqual([]);
    expect(host.innerHTML).not.toContain(TOKEN.slice(0, 20));
    expect(host.querySelector("[role=alert]")?.textContent).toContain("refused this tablet's token");
    setState("connected");
    expect(links()).toEqual(["Link for a staff tablet", "Link for a display (read-only)"]);
  });

  it("an unreachable or still connecting relay offers none either", () => {
    const { host, links, setState } = mount("unreachable");
    expect(links()).toEqual([]);
    expect(host.querySelector("[role=alert]")?.textContent).toContain("cannot be reached");
    setState("connecting");
    expect(links()).toEqual([]);
    expect(host.querySelector("[role=status]")).not.toBeNull();
  });
});
