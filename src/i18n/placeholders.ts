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
 * Checks a translation against the catalogue it translates, at compile time: every key present, no key the
 * source lacks, and the same `{name}` placeholders in every message. Costs nothing at run time.
 */
export function translationOf<Source extends Record<string, string>>() {
  return <const Translated extends Record<string, string>>(
    catalogue: Translated & Checked<Source, Translated> & Record<Exclude<keyof Translated, keyof Source>, never>,
  ): Record<keyof Source, string> => catalogue;
}
