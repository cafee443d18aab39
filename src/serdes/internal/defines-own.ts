/**
 * Whether the class of `instance` itself defines `method` (not a subclass inheriting it).
 * The built-in serdes' fast paths (`serializeScratch`, `deserializeRange`) are used only
 * then, so a subclass that overrides `serialize` or `deserialize` is never bypassed.
 */
export function definesOwn(instance: object, method: string): boolean {
  const proto: unknown = Object.getPrototypeOf(instance);
  return proto !== null && Object.prototype.hasOwnProperty.call(proto, method);
}

/** Whether `value` is an instance of exactly `type` (a subclass may serialize differently). */
export function isExactly<T>(value: unknown, type: new () => T): value is T {
  return typeof value === 'object' && value !== null && value.constructor === type;
}
