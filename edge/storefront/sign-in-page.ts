import { field, hidden } from './components.ts';
import { h, type Html } from './html.ts';
import { layout } from './layout.ts';

// Sign in and register: one form each, errors beside their fields, the email kept.
export type AuthForm = { email?: string; next: string; errors: Record<string, string>; message?: string };

export function signInPage(kind: 'sign-in' | 'register', form: AuthForm): Html {
  const signIn = kind === 'sign-in';
  const title = signIn ? 'Sign in' : 'Create an account';
  const body = h`<h1>${title}</h1>
${form.message ? h`<p class="alert" role="alert">${form.message}</p>` : ''}
<form method="post" action="/shop/${kind}" novalidate>
${hidden('next', form.next)}
${field({ name: 'email', label: 'Email', type: 'email', autocomplete: 'email', value: form.email, error: form.errors.email, required: true })}
${field({
  name: 'password',
  label: 'Password',
  type: 'password',
  autocomplete: signIn ? 'current-password' : 'new-password',
  error: form.errors.password,
  required: true,
})}
${signIn ? '' : h`<p>At least 8 characters.</p>`}
<p><button type="submit">${signIn ? 'Sign in' : 'Create account'}</button></p>
</form>
<p>${
    signIn
      ? h`New here? <a href="/shop/register?next=${encodeURIComponent(form.next)}">Create an account</a>`
      : h`Have an account? <a href="/shop/sign-in?next=${encodeURIComponent(form.next)}">Sign in</a>`
  }</p>`;
  return layout({ title, csrf: null }, body);
}
