import { For, Match, Show, Switch } from "solid-js";
import { EMPTY_CELL, minutesBlocks, runsText, type Block, type Run } from "../../export/minutesBlocks.ts";
import type { Minutes } from "../../export/minutesModel.ts";
import { dirOf, LOCALES } from "../../i18n/i18n.ts";

const GROUP_CLASS = { item: "minutes-item", vote: "minutes-item minutes-vote", late: "late-edits" } as const;

function Runs(props: { runs: Run[] }) {
  return <For each={props.runs}>{(r) => (r.bold ? <strong>{r.text}</strong> : <>{r.text}</>)}</For>;
}

/** One block of the minutes (minutesBlocks.ts), as the Word and Markdown exports have it. */
function BlockView(props: { block: Block }) {
  // eslint-disable-next-line solid/reactivity -- a block never changes: new minutes make new blocks
  const b = props.block;
  return (
    <Switch>
      <Match when={b.kind === "title" && b}>{(x) => <h1>{x().text}</h1>}</Match>
      <Match when={b.kind === "status" && b}>
        {(x) => (
          <p class={`minutes-status ${x().final ? "final" : "draft"}`}>
            {x().text}
            <Show when={x().note}> · {x().note}</Show>
          </p>
        )}
      </Match>
      <Match when={b.kind === "heading" && b}>
        {(x) => (x().level === 2 ? <h2>{x().text}</h2> : <h3>{x().text}</h3>)}
      </Match>
      <Match when={b.kind === "para" && b}>
        {(x) => (
          <p classList={{ pre: x().pre === true }}>
            <Runs runs={x().runs} />
          </p>
        )}
      </Match>
      <Match when={b.kind === "list" && b}>
        {(x) => (
          <ul>
            <For each={x().items}>{(item) => <li>{item}</li>}</For>
          </ul>
        )}
      </Match>
      <Match when={b.kind === "fields" && b}>
        {(x) => (
          <table class="minutes-table">
            <tbody>
              <For each={x().rows}>
                {(r) => (
                  <tr>
                    <th scope="row">{r.label}</th>
                    <td>{r.value}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </Match>
      <Match when={b.kind === "table" && b}>
        {(x) => (
          <table class="minutes-table" classList={{ narrow: x().head.length === 2 }}>
            <thead>
              <tr>
                <For each={x().head}>{(h) => <th scope="col">{h}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={x().rows}>
                {(row) => (
                  <tr>
                    <For each={row}>
                      {(c) => (
                        <td class="pre">
                          <Show when={runsText(c).trim()} fallback={EMPTY_CELL}>
                            <Runs runs={c} />
                          </Show>
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </Match>
      <Match when={b.kind === "group" && b}>
        {(x) => (
          <section class={GROUP_CLASS[x().role]}>
            <For each={x().blocks}>{(inner) => <BlockView block={inner} />}</For>
          </section>
        )}
      </Match>
    </Switch>
  );
}

/** The minutes as a printable document (A4 via the print stylesheet). Text is rendered as text, never HTML. */
export function MinutesView(props: { minutes: Minutes }) {
  const m = () => props.minutes;
  return (
    <article class="minutes" lang={LOCALES[m().lang]} dir={dirOf(m().lang)}>
      <For each={minutesBlocks(m())}>{(block) => <BlockView block={block} />}</For>
    </article>
  );
}
