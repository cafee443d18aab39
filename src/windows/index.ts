// Windows: value objects and window math.
export { Window, TimeWindow, SessionWindow } from './window.js';
export { Windowed } from './windowed.js';
export { TimeWindows } from './time-windows.js';
export { SlidingWindows } from './sliding-windows.js';
export { SessionWindows } from './session-windows.js';
export { JoinWindows } from './join-windows.js';
export { EmitStrategy } from './emit-strategy.js';
export { durationMs, type DurationLike } from './duration-ms.js';
