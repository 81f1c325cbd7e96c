// Sign-up and login forms. Sign-up answers with the secret, shown once.
import { api } from './api';
import { byTestId, formValue } from './dom';

interface Issued {
  merchant_code: string;
  api_key: string;
  api_secret: string;
}

export function authSection(onSignedIn: (issuedSecret: string | null) => void) {
  const signup = byTestId<HTMLFormElement>('signup-form');
  const login = byTestId<HTMLFormElement>('login-form');
  const error = byTestId('auth-error');

  signup.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await api<Issued>('POST', '/console/api/signup', {
      email: formValue(signup, 'email'),
      password: formValue(signup, 'password'),
      name: formValue(signup, 'name'),
    });
    error.textContent = result.ok ? '' : result.message;
    if (result.ok) {
      signup.reset();
      onSignedIn(result.data.api_secret);
    }
  });

  login.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await api('POST', '/console/api/login', { email: formValue(login, 'email'), password: formValue(login, 'password') });
    error.textContent = result.ok ? '' : result.message;
    if (result.ok) {
      login.reset();
      onSignedIn(null);
    }
  });
}
