// What every page needs: the open database and the catalogue. Provided once by App.
import { createContext, useContext } from "solid-js";
import type { Catalogue } from "../reactive/catalogueStore.ts";
import type { AppDb } from "../reactive/appDb.ts";

export interface AppServices {
  db: AppDb;
  catalogue: Catalogue;
}

export const AppContext = createContext<AppServices>();

export function useApp(): AppServices {
  const app = useContext(AppContext);
  if (!app) throw new Error("useApp outside AppContext");
  return app;
}
