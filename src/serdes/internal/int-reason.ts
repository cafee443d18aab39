/** Why a value is not a signed integer of `bits` bits; for the Integer and Short serializers' errors. */
export function intReason(data: unknown, bits: number, wider: string): string {
  if (typeof data !== 'number') {
    return `expected a number${data === undefined ? ' (use null for a tombstone)' : ''}`;
  }
  if (!Number.isInteger(data)) return 'it is not an integer; round it first or use Serdes.Double()';
  const max = 2 ** (bits - 1);
  return `it is outside the signed ${bits}-bit range (${-max}..${max - 1}); use ${wider}`;
}
