export const en = {} as const; export const id: Record<keyof typeof en, string> = {};
