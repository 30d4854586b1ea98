// POSIX shell quoting: git runs diff.<driver>.command through sh, so a word with a space or a quote is quoted.

/** Characters no POSIX shell treats specially: a word made only of these needs no quotes. */
const SAFE = /^[A-Za-z0-9_/.,:+@%=-]+$/;

/** One word for sh: as it is when it is safe, else in single quotes (a ' inside becomes '\''). */
export function shellQuote(word: string): string {
  return SAFE.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** A command line for sh, each word quoted as needed. */
export function shellCommand(words: string[]): string {
  return words.map(shellQuote).join(' ');
}
