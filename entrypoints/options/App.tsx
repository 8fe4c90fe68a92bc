export function App() {
  return (
    <main>
      <h1>SecurityVibes Companion</h1>
    </main>
  );
}
