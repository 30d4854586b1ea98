// Narrowing helpers for raw YAML values, so the plan builder never trusts a shape it has not checked.
export type Obj = Record<string, unknown>;

export const asObj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
export const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const asNum = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
export const asStrs = (v: unknown): string[] => asArr(v).filter((x): x is string => typeof x === 'string');
