// The actions the step forms of a matter take, from an open community: its matter mutators and the one
// directory mutator the escalation form offers (add a department that is missing).
import type { CommunityHandle } from "../reactive/communityHandle.ts";
import type { MatterStepActions } from "./components/MatterSteps.tsx";

/** The step actions of an open community. */
export function matterStepActions(handle: Pick<CommunityHandle, "actions">): MatterStepActions {
  const { matters, directory } = handle.actions;
  return { ...matters, addDirectoryEntry: directory.addDirectoryEntry };
}
