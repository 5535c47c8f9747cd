// One attempt of a join form (a session by code, a community by code or through its relay): this tablet's
// name kept, the attempt run with a way to cancel it, the lists refreshed and the joined page opened, or the
// refusal shown. Cancelling (or leaving the page) aborts it.
import { createSignal, onCleanup } from "solid-js";
import type { MessageKey } from "../i18n/i18n.ts";
import { JoinError } from "../reactive/joinSession.ts";
import { reportError } from "../reactive/notices.ts";
import { setDeviceName } from "../sync/deviceSettings.ts";
import { useApp } from "./appContext.ts";
import { go, type Route } from "./router.ts";

/**
 * What a failed attempt shows: a refusal's message, null for one that says nothing (cancelled), undefined
 * for an error that is not a refusal (reported as a bug).
 */
export type Refusal = (error: unknown) => MessageKey | null | undefined;

export function createJoinAttempt(firstProblem: MessageKey | null = null) {
  const { catalogue } = useApp();
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<MessageKey | null>(firstProblem);
  let abort: AbortController | null = null;
  onCleanup(() => abort?.abort());

  /** Runs `attempt` as the tablet named `name`; resolves once it joined (and went there) or failed. */
  const run = async (name: string, attempt: (signal: AbortSignal) => Promise<Route>, refusal: Refusal) => {
    setProblem(null);
    setDeviceName(name);
    abort = new AbortController();
    setBusy(true);
    try {
      const route = await attempt(abort.signal);
      await catalogue.refresh();
      go(route);
    } catch (error) {
      const key = refusal(error);
      if (key === undefined) reportError(error);
      else if (key !== null) setProblem(key);
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, run, cancel: () => abort?.abort() };
}

/** A refused join or pairing by code (JoinError), as its message; cancelled: nothing. */
export const joinRefusal: Refusal = (error) =>
  error instanceof JoinError ? (error.reason === "cancelled" ? null : `join.${error.reason}`) : undefined;
