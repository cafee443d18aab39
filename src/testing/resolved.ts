/** The one settled Promise the driver returns when work completed synchronously (compared by identity). */
export const RESOLVED: Promise<void> = Promise.resolve();
