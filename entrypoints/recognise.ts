import { recognise } from '@/lib/archive/recognise';

/**
 * "Check this page" (popup): injected on demand with scripting.executeScript({ files: ['/recognise.js'] })
 * into the active tab (activeTab permission, any host). The value main() returns is the injection
 * result; the background re-validates it with the PageInfo schema before answering the popup.
 * `anyHost`: the user asked about this page, so it is judged by its content, whatever its host.
 */
export default defineUnlistedScript(() => recognise(document, location.href, { anyHost: true }));
