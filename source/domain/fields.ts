// Reading server fields calmly: the contract says what a field should hold, the server may send
// anything (a newer server, a proxy, a bug). These return the value when it has the expected type
// and `undefined` otherwise, so a wrong type reads as a missing field instead of a crash.
export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const number = (value: unknown): number | undefined =>
	typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export const list = <T = unknown>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

export const record = (value: unknown): Record<string, unknown> | undefined =>
	value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;

/** The objects of a list field: a list of another type reads as empty, and items that are not objects are
 * left out. */
export function items<T extends object>(value: readonly T[] | null | undefined): T[];
export function items<T extends object>(value: unknown): T[];
export function items(value: unknown): object[] {
	return Array.isArray(value)
		? value.filter(item => item !== null && typeof item === 'object' && !Array.isArray(item))
		: [];
}
