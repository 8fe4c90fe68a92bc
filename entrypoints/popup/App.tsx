import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '@/components/api';

export function App() {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    void callBackground('ui.ping', {}).then((r) => setVersion(r.ok ? r.value.version : null));
  }, []);
  return (
    <main>
      <h1>SecurityVibes Companion</h1>
      <p data-testid="version">{version ?? '…'}</p>
    </main>
  );
}
