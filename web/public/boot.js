// Runs before the first paint (a classic script in index.html's head; cached by the service
// worker): the language and direction of the last visit, and whether a session is remembered on
// this device, so that the login page written into index.html at build (ADR 0025) shows in the
// right language, or not at all when the app will open on the worker's session.
(function () {
  try {
    var locale = localStorage.getItem('relais.locale');
    if (locale === 'fr' || locale === 'ar' || locale === 'en') {
      document.documentElement.lang = locale;
      document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
    }
    if (localStorage.getItem('relais.session')) document.documentElement.classList.add('relais-session');
  } catch {
    // No storage (private mode, disabled): French, the login page.
  }
})();
