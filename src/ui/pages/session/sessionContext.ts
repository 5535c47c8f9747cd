// The open session, for the session page's panels: its state, actions and a tab switcher.
import { createContext, useContext } from "solid-js";
import type { SessionHandle } from "../../../reactive/sessionHandle.ts";

export type Tab = "issues" | "votes" | "followUps" | "attendance" | "notes";
export const TABS: readonly Tab[] = ["issues", "votes", "followUps", "attendance", "notes"];

export interface SessionUi {
  handle: SessionHandle;
  showTab(tab: Tab): void;
}

export const SessionContext = createContext<SessionUi>();

export function useSession(): SessionUi {
  const ui = useContext(SessionContext);
  if (!ui) throw new Error("useSession outside SessionContext");
  return ui;
}
