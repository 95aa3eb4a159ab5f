// Before the first paint (ADR 0025, 0043): the last visit's language; a remembered session hides
// the written login form; that language's catalogue asked for at once (beside the app's script).
(function () {
  var h = document.documentElement;
  var l = 'fr';
  try {
    var saved = localStorage.getItem('relais.locale');
    if (saved === 'fr' || saved === 'ar' || saved === 'en') l = saved;
    if (localStorage.getItem('relais.session')) h.classList.add('relais-session');
  } catch {
    // no storage: French, the login page
  }
  h.lang = l;
  h.dir = l === 'ar' ? 'rtl' : 'ltr';

  // The build lists each language's catalogue files in a meta of the head (web/field-assets.ts).
  var catalogue = document.querySelector('meta[name="relais-catalogue-' + l + '"]');
  (catalogue ? catalogue.content.split(' ') : []).forEach(function (href) {
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  });
})();
