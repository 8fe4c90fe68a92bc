import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';

export default defineContentScript({
  matches: DEFAULT_ARCHIVE_HOSTS.flatMap((host) => [`http://${host}/*`, `https://${host}/*`]),
  runAt: 'document_idle',
  main() {
    document.documentElement.dataset.svCompanion = 'loaded';
  },
});
