// Who did something, by account: the server sends an approval's answer with its account id only.
import {oneLine} from './text.js';

/** Account id → e-mail from the org's accounts list; entries without both are left out. */
export function accountEmails(accounts: unknown): ReadonlyMap<string, string> {
	const emails = new Map<string, string>();
	if (!Array.isArray(accounts)) return emails;
	for (const account of accounts) {
		const {id, email} = (account ?? {}) as {id?: unknown; email?: unknown};
		if (typeof id === 'string' && id && typeof email === 'string' && email) emails.set(id, oneLine(email));
	}
	return emails;
}

/**
 * An account as a person reads it: its e-mail where the org's accounts name it (or the answer came
 * with one), else its id, cut short and labelled so it does not read as a name.
 */
export function accountLabel(
	id: unknown,
	emails: ReadonlyMap<string, string>,
	email?: unknown,
): string | undefined {
	if (typeof email === 'string' && email) return oneLine(email);
	if (typeof id !== 'string' || !id) return undefined;
	const known = emails.get(id);
	if (known) return known;
	return `account ${id.length > 12 ? `${id.slice(0, 10)}…` : id}`;
}

/** The e-mail of a `created_by` an answer may come with (the contract has none; a newer server may). */
export const createdByEmail = (value: unknown): unknown =>
	(value as {created_by?: {email?: unknown}} | null)?.created_by?.email;
