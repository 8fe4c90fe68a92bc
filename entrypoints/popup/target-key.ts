/** storage.session key where the context menu leaves the article the popup should show. */
export const PENDING_TARGET_KEY = 'sv.pendingTarget';
