/**
 * Whether the class of `instance` itself defines `method` (not a subclass inheriting it).
 * The built-in serdes' fast paths (`serializeScratch`, `deserializeRange`) are used only
 * then, so a subclass that overrides `serialize` or `deserialize` is never bypassed.
 */
export function definesOwn(instance: object, method: string): boolean {
  const proto: unknown = Object.getPrototypeOf(instance);
  return proto !== null && Object.prototype.hasOwnProperty.call(proto, method);
}
