/** The `{name}` placeholders of a message, as a union of their names (never for a message without any). */
export type Placeholders<Message extends string> = Message extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Each key of `Source` with its translation: a different set of placeholders turns into a readable type error. */
type Checked<Source extends Record<string, string>, Translated> = {
  [Key in keyof Source]: Key extends keyof Translated
    ? Translated[Key] extends string
      ? SameUnion<Placeholders<Source[Key]>, Placeholders<Translated[Key]>> extends true
        ? Translated[Key]
        : { placeholdersMustBe: Placeholders<Source[Key]> }
      : string
    : string;
};

/**
 * A translation checked against the catalogue it translates, at compile time only: every key present, no key
 * the source lacks, and the same `{name}` placeholders in every message. Use it as the type of the exported
 * catalogue, assigned from the `as const` object: `export const zh: Translation<typeof en, typeof texts> = texts`.
 */
export type Translation<Source extends Record<string, string>, Translated extends Record<string, string>> = Translated &
  Checked<Source, Translated> &
  Record<Exclude<keyof Translated, keyof Source>, never>;
