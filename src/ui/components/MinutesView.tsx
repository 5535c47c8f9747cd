import { For, Show } from "solid-js";
import type { Minutes } from "../../export/minutesModel.ts";
import { dirOf, format, LOCALES } from "../../i18n/i18n.ts";

/** The minutes as a printable document (A4 via the print stylesheet). Text is rendered as text, never HTML. */
export function MinutesView(props: { minutes: Minutes }) {
  const m = () => props.minutes;
  const t = () => props.minutes.text;
  return (
    <article class="minutes" lang={LOCALES[m().lang]} dir={dirOf(m().lang)}>
      <header>
        <h1>{m().title}</h1>
        <p class={`minutes-status ${m().status}`}>
          {m().status === "final" ? t().final : t().draft}
          <Show when={m().finalNote}> · {m().finalNote}</Show>
        </p>
      </header>
      <h2>{t().info}</h2>
      <table class="minutes-table">
        <tbody>
          <For each={m().header}>
            {(h) => (
              <tr>
                <th scope="row">{h.label}</th>
                <td>{h.value}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <h2>{t().attendance}</h2>
      <p>{format(t().headcount, { n: m().attendance.headcount })}</p>
      <ul>
        <For each={m().attendance.named}>
          {(a) => <li>{format(t().attendee, { name: a.name, role: a.role })}</li>}
        </For>
      </ul>
      <h2>{t().agenda}</h2>
      <For each={m().agenda}>
        {(a) => (
          <section class="minutes-item">
            <h3>
              {a.index}. {a.title} — {a.status}
            </h3>
            <Show when={a.notes}>
              <p class="pre">{a.notes}</p>
            </Show>
          </section>
        )}
      </For>
      <h2>{t().issues}</h2>
      <Show when={m().issues.length > 0} fallback={<p>{t().none}</p>}>
        <table class="minutes-table">
          <thead>
            <tr>
              <th scope="col">{t().issues}</th>
              <th scope="col">{t().category}</th>
              <th scope="col">{t().raisedBy}</th>
              <th scope="col">{t().location}</th>
            </tr>
          </thead>
          <tbody>
            <For each={m().issues}>
              {(i) => (
                <tr>
                  <td>
                    <Show when={i.urgent}>
                      <strong>{format(t().urgentMark, { urgent: t().urgent })}</strong>
                    </Show>
                    {i.text}
                  </td>
                  <td>{i.category}</td>
                  <td>{i.raisedBy}</td>
                  <td>{i.location}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <h2>{t().votes}</h2>
      <Show when={m().votes.length > 0} fallback={<p>{t().none}</p>}>
        <For each={m().votes}>
          {(v) => (
            <section class="minutes-item">
              <h3>{v.motion}</h3>
              <table class="minutes-table narrow">
                <tbody>
                  <For each={v.tallies}>
                    {(x) => (
                      <tr>
                        <th scope="row">{x.option}</th>
                        <td>{x.count}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <p>{v.quorumText}</p>
              <p>{v.thresholdText}</p>
              <p>
                <strong>
                  {t().verdict}: {v.verdict}
                </strong>
              </p>
            </section>
          )}
        </For>
      </Show>
      <h2>{t().decisions}</h2>
      <Show when={m().decisions.length > 0} fallback={<p>{t().none}</p>}>
        <ul>
          <For each={m().decisions}>{(d) => <li>{d}</li>}</For>
        </ul>
      </Show>
      <h2>{t().followUps}</h2>
      <Show when={m().followUps.length > 0} fallback={<p>{t().none}</p>}>
        <table class="minutes-table">
          <thead>
            <tr>
              <th scope="col">{t().action}</th>
              <th scope="col">{t().owner}</th>
              <th scope="col">{t().due}</th>
              <th scope="col">{t().status}</th>
              <th scope="col">{t().escalatedTo}</th>
            </tr>
          </thead>
          <tbody>
            <For each={m().followUps}>
              {(f) => (
                <tr>
                  <td>{f.action}</td>
                  <td>{f.owner}</td>
                  <td>{f.due}</td>
                  <td>{f.status}</td>
                  <td>{f.escalatedTo}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={m().reportBack.length > 0}>
        <h2>{t().reportBack}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t().reportBackMatter}</th>
              <th scope="col">{t().reportBackThen}</th>
              <th scope="col">{t().reportBackSaid}</th>
            </tr>
          </thead>
          <tbody>
            <For each={m().reportBack}>
              {(r) => (
                <tr>
                  <td>{r.text}</td>
                  <td>{r.statusThen}</td>
                  <td class="pre">{r.said}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <h2>{t().summary}</h2>
      <p>{m().summary.text}</p>
      <Show when={m().amendments.trim()}>
        <h2>{t().amendments}</h2>
        <p class="pre">{m().amendments}</p>
      </Show>
      <Show when={m().late.length > 0}>
        <section class="late-edits">
          <h2>{t().late}</h2>
          <p>{t().lateIntro}</p>
          <ul>
            <For each={m().late}>{(line) => <li>{line}</li>}</For>
          </ul>
        </section>
      </Show>
    </article>
  );
}
