// Messages of the register's filters folded into a summary line on narrow and portrait screens (typed against the Chinese master).
import type { FiltersMessages } from "./zh.ts";

export const filtersUg: FiltersMessages = {
};
