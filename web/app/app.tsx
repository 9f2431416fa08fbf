import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { I18nProvider } from '../i18n/i18n';
import { SessionProvider } from '../lib/session';
import { createRouter } from './router';

/** The app's providers: language first (the session applies the user's saved language), then session. */
export function App() {
  const [router] = useState(createRouter);
  return (
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  );
}
