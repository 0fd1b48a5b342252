import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { UserManager } from 'oidc-client-ts';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

// The floor: the four mandated libraries, each used once, nothing else.
const manager = new UserManager({
  authority: window.location.origin,
  client_id: 'floor',
  redirect_uri: `${window.location.origin}/callback`,
});
const queryClient = new QueryClient();

function Floor() {
  const [clicks, setClicks] = useState(0);
  const user = useQuery({ queryKey: ['user'], queryFn: () => manager.getUser() });
  return (
    <button
      type="button"
      onClick={() => {
        setClicks(clicks + 1);
        void manager.signinRedirect();
      }}
    >
      {user.data?.profile.sub ?? 'Sign in'} {clicks}
    </button>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Floor />
      </QueryClientProvider>
    </StrictMode>,
  );
