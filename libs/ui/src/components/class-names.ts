/** Joins the truthy class names; enough for a kit that never needs conditional objects. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
