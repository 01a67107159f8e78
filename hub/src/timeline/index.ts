export { ensureTimelineStream, timelineStreamConfig, TIMELINE_EVENTS_PER_DECLARATION, type TimelineLimits } from './timeline-stream.js';
export { NatsTimelineRecorder, type TimelineEventInput, type TimelineRecorder } from './timeline.recorder.js';
export { TimelineReader, TIMELINE_READ_LIMIT, type TimelineReaderOptions } from './timeline.reader.js';
export { timelineRoutes, type TimelineRoutesOptions } from './timeline.routes.js';
export { TIMELINE_ERROR_CODES, TimelineError } from './timeline-error.js';
export * from './timeline-events.js';
