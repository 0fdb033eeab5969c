import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { useApi, useSessionStore } from '../../session/session-context';
import { AuthFrame } from './auth-frame';

/** Sign up: creates the user and their first organization, then logs them in. */
export function RegisterPage() {
  const api = useApi();
  const store = useSessionStore();
  const navigate = useNavigate();
  const [form, setForm] = useState({ first_name: '', last_name: '', email: '', password: '' });
  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    required: true,
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });
  const register = useMutation({
    mutationFn: async () => {
      const registration = await unwrap(api.POST('/register', { body: form }));
      store.signedIn(await unwrap(api.POST('/auth/login', { body: { email: form.email, password: form.password } })));
      return registration;
    },
    onSuccess: async (registration) => navigate(`/organizations/${registration.organization_id}`, { replace: true }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  return (
    <AuthFrame title="Sign up">
      <form onSubmit={onSubmit}>
        <div className="grid">
          <label>
            First name
            <input autoComplete="given-name" {...field('first_name')} />
          </label>
          <label>
            Last name
            <input autoComplete="family-name" {...field('last_name')} />
          </label>
        </div>
        <label>
          Email
          <input type="email" autoComplete="email" {...field('email')} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="new-password" {...field('password')} />
        </label>
        <ErrorNotice error={register.error} />
        <button type="submit" aria-busy={register.isPending} disabled={register.isPending}>
          Create account
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </AuthFrame>
  );
}
