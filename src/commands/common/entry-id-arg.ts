// Whether a command-line argument names a progress entry (its id, or a prefix of one) rather than an indicator.

/** 6 to 10 characters of the entry ids' alphabet (lowercase Crockford base32, any case); indicator ids have dots. */
export const isEntryIdLike = (id: string): boolean => /^[0-9a-hjkmnp-tv-z]{6,10}$/i.test(id);
