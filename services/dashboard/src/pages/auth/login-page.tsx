import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi, useSessionStore, useSignedInUser } from '../../session/session-context';
import { AuthFrame } from './auth-frame';

export function LoginPage() {
  const api = useApi();
  const store = useSessionStore();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => unwrap(api.POST('/auth/login', { body: { email, password } })),
    onSuccess: async (answer) => {
      store.signedIn(answer);
      await navigate(from, { replace: true });
    },
  });
  if (user && !login.isPending) return <Navigate to={from} replace />;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  return (
    <AuthFrame title="Log in">
      <form onSubmit={onSubmit}>
        <label>
          Email
          <input type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorNotice error={login.error} />
        <button type="submit" aria-busy={login.isPending} disabled={login.isPending}>
          Log in
        </button>
      </form>
      <p>
        No account yet? <Link to="/register">Sign up</Link>
      </p>
    </AuthFrame>
  );
}
