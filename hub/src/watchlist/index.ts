export { followWatchList, type WatchListFollower } from './watch-list.follower.js';
export { watchListRoutes, type WatchListRoutesOptions } from './watch-list.routes.js';
export { normaliseWatchValue, watchListEntryId, WatchListStore } from './watch-list.store.js';
export { WATCH_LIST_ERROR_CODES } from './watch-list.errors.js';
