// Before the first paint: last visit's language; a remembered session hides the written login (ADR 0025).
(function () {
  try {
    var l = localStorage.getItem('relais.locale'), h = document.documentElement;
    if (l === 'fr' || l === 'ar' || l === 'en') {
      h.lang = l;
      h.dir = l === 'ar' ? 'rtl' : 'ltr';
    }
    if (localStorage.getItem('relais.session')) h.classList.add('relais-session');
  } catch {
    // no storage: French, the login page
  }
})();
