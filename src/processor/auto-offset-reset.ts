/** Where a source starts reading when the group has no committed offset. */
export type AutoOffsetReset = 'earliest' | 'latest';
