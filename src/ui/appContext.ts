// What every page needs: the open database, the catalogue and the communities. Provided once by App.
import { createContext, useContext } from "solid-js";
import type { Catalogue } from "../reactive/catalogueStore.ts";
import type { AppDb } from "../reactive/appDb.ts";
import type { Communities } from "../reactive/communities.ts";

export interface AppServices {
  db: AppDb;
  catalogue: Catalogue;
  communities: Communities;
}

export const AppContext = createContext<AppServices>();

export function useApp(): AppServices {
  const app = useContext(AppContext);
  if (!app) throw new Error("useApp outside AppContext");
  return app;
}
