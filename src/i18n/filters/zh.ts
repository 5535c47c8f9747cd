// Messages of the register's filters folded into a summary line on narrow and portrait screens. Chinese: the master; the other languages are typed against it.
export const filtersZh = {
} as const;

export type FiltersMessages = Record<keyof typeof filtersZh, string>;
