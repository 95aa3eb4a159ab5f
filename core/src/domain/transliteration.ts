/**
 * Arabic-script names → the Latin letters a worker would type from the French spelling used
 * in Morocco (`فاطمة` → FATIMA, `محمد` → MOHAMED). Documented in docs/code-unique.md.
 *
 * Three steps, each a table below:
 * 1. the usual French spelling of common first names and honorifics (`moroccanNames`), looked
 *    up on the whole word (harakat and tatweel removed);
 * 2. `عبد ال…` compounds: ABDEL + the rest, the article assimilated before a sun letter as
 *    French spelling writes it (عبد الرحيم → ABDERRAHIM);
 * 3. otherwise letter by letter (`arabicToLatin`), with the vowel rules of French spelling:
 *    a written haraka gives its vowel; an unwritten short vowel after the first consonant is
 *    A (كريم → KARIM); و and ي are consonants (W, Y) first in a word or after ا, vowels (OU, I)
 *    elsewhere; عا is one A (عادل → ADIL); the article ال is dropped.
 * The matcher (code-scheme.ts) treats the remaining differences with other spellings
 * (MO/MU, OU/U, CH/SH, a dropped vowel) as spelling variants.
 */

/** One Arabic letter → Latin, as French spelling writes it. */
export const arabicToLatin: Readonly<Record<string, string>> = {
  'ا': 'A', 'أ': 'A', 'إ': 'I', 'آ': 'A', 'ٱ': 'A', 'ء': '', 'ؤ': 'OU', 'ئ': 'I',
  'ب': 'B', 'ت': 'T', 'ث': 'T', 'ج': 'J', 'ح': 'H', 'خ': 'KH', 'د': 'D', 'ذ': 'D',
  'ر': 'R', 'ز': 'Z', 'س': 'S', 'ش': 'CH', 'ص': 'S', 'ض': 'D', 'ط': 'T', 'ظ': 'D',
  'ع': 'A', 'غ': 'GH', 'ف': 'F', 'ق': 'K', 'ك': 'K', 'ل': 'L', 'م': 'M', 'ن': 'N',
  'ه': 'H', 'ة': 'A', 'و': 'OU', 'ي': 'I', 'ى': 'A', 'پ': 'P', 'ڤ': 'V', 'گ': 'G', 'ڭ': 'G',
};

/**
 * The usual French spelling of common Moroccan first names (and of the honorifics and
 * particles the name normaliser drops), by their Arabic spelling. A synthetic list of
 * names, not of persons. Keys carry no harakat; `ـ` and spaces are removed before lookup.
 */
export const moroccanNames: Readonly<Record<string, string>> = {
  // Women
  'فاطمة': 'FATIMA', 'فاطنة': 'FATNA', 'فتيحة': 'FATIHA', 'خديجة': 'KHADIJA', 'خدوج': 'KHADOUJ',
  'عائشة': 'AICHA', 'عايشة': 'AICHA', 'مريم': 'MERYEM', 'زينب': 'ZINEB', 'أمينة': 'AMINA', 'امينة': 'AMINA',
  'نعيمة': 'NAIMA', 'حليمة': 'HALIMA', 'لطيفة': 'LATIFA', 'مليكة': 'MALIKA', 'سعاد': 'SOUAD',
  'بشرى': 'BOUCHRA', 'نجاة': 'NAJAT', 'حنان': 'HANANE', 'سناء': 'SANAA', 'إيمان': 'IMANE', 'ايمان': 'IMANE',
  'وفاء': 'WAFAE', 'سميرة': 'SAMIRA', 'كريمة': 'KARIMA', 'رشيدة': 'RACHIDA', 'زهرة': 'ZAHRA', 'الزهرة': 'ZAHRA',
  'حفيظة': 'HAFIDA', 'ربيعة': 'RABIA', 'سلمى': 'SALMA', 'هند': 'HIND', 'نادية': 'NADIA', 'سكينة': 'SAKINA',
  'يامنة': 'YAMNA', 'السعدية': 'SAADIA', 'سعدية': 'SAADIA', 'ثورية': 'TOURIA', 'كلثوم': 'KALTOUM',
  'غيثة': 'GHITA', 'أسماء': 'ASMAA', 'اسماء': 'ASMAA', 'هدى': 'HOUDA', 'جميلة': 'JAMILA', 'ليلى': 'LAILA',
  'لبنى': 'LOUBNA', 'نوال': 'NAOUAL', 'حسناء': 'HASNAA', 'سهام': 'SIHAM', 'شيماء': 'CHAIMAE', 'هاجر': 'HAJAR',
  'ياسمين': 'YASMINE', 'كوثر': 'KAOUTAR', 'رقية': 'ROKAYA', 'منى': 'MOUNA', 'نزهة': 'NEZHA', 'دنيا': 'DOUNIA',
  'أمال': 'AMAL', 'امال': 'AMAL', 'آمال': 'AMAL', 'مباركة': 'MBARKA', 'إكرام': 'IKRAM', 'اكرام': 'IKRAM',
  // Men
  'محمد': 'MOHAMED', 'أحمد': 'AHMED', 'احمد': 'AHMED', 'محمود': 'MAHMOUD', 'مصطفى': 'MUSTAPHA', 'المصطفى': 'MUSTAPHA',
  'يوسف': 'YOUSSEF', 'حسن': 'HASSAN', 'الحسن': 'LAHCEN', 'حسين': 'HOUSSINE', 'الحسين': 'HOUSSINE',
  'إبراهيم': 'BRAHIM', 'ابراهيم': 'BRAHIM', 'إدريس': 'DRISS', 'ادريس': 'DRISS', 'عمر': 'OMAR', 'علي': 'ALI',
  'سعيد': 'SAID', 'رشيد': 'RACHID', 'كريم': 'KARIM', 'خالد': 'KHALID', 'إسماعيل': 'ISMAIL', 'اسماعيل': 'ISMAIL',
  'ياسين': 'YASSINE', 'أيوب': 'AYOUB', 'ايوب': 'AYOUB', 'هشام': 'HICHAM', 'جمال': 'JAMAL', 'عادل': 'ADIL',
  'نورالدين': 'NOUREDDINE', 'عزيز': 'AZIZ', 'حميد': 'HAMID', 'مبارك': 'MBAREK', 'العربي': 'LARBI',
  'الطيب': 'TAIB', 'المهدي': 'MEHDI', 'مهدي': 'MEHDI', 'الهاشمي': 'HACHMI', 'عثمان': 'OTHMANE', 'يونس': 'YOUNES',
  'أسامة': 'OUSSAMA', 'اسامة': 'OUSSAMA', 'أنس': 'ANAS', 'انس': 'ANAS', 'أمين': 'AMINE', 'امين': 'AMINE', 'بوشعيب': 'BOUCHAIB', 'الحبيب': 'HABIB',
  'عبدالله': 'ABDELLAH', 'عبدالرحيم': 'ABDERRAHIM', 'عبدالرحمن': 'ABDERRAHMANE', 'عبدالعزيز': 'ABDELAZIZ',
  'عبدالكريم': 'ABDELKRIM', 'عبدالحق': 'ABDELHAK', 'عبداللطيف': 'ABDELLATIF', 'عبدالقادر': 'ABDELKADER',
  'عبدالإله': 'ABDELILAH', 'عبدالاله': 'ABDELILAH', 'عبدالصمد': 'ABDESSAMAD', 'عبدالمجيد': 'ABDELMAJID',
  // Honorifics and particles, spelled as the normaliser's list of prefixes
  'لالة': 'LALLA', 'للا': 'LALLA', 'مولاي': 'MOULAY', 'سيدي': 'SIDI', 'الحاج': 'HAJ', 'الحاجة': 'HAJJA',
  'بن': 'BEN', 'بنت': 'BENT', 'آيت': 'AIT', 'ايت': 'AIT', 'ولد': 'OULD',
};

/** Letters assimilating the article in French spelling (عبد الرحيم → ABDERRAHIM). */
const sunLetters = new Set([...'تثدذرزسشصضطظلن']);
/** Written long vowels: after them و and ي are consonants. */
const longVowels = new Set([...'اأإآٱىة']);
/** Harakat written over a consonant, and the vowel each gives. */
const harakat: Readonly<Record<string, string>> = { '\u064E': 'A', '\u064F': 'OU', '\u0650': 'I' };
const marks = /[\u064B-\u065F\u0670\u0640]/u;

/** Does this Arabic letter sound as a vowel here? */
function isVowelAt(letters: readonly string[], i: number): boolean {
  const ch = letters[i]!;
  if (longVowels.has(ch) || ch === 'ع' || ch === 'ئ' || ch === 'ؤ') return true;
  if (ch === 'و' || ch === 'ي') return i > 0 && !longVowels.has(letters[i - 1]!);
  return false;
}

function letterByLetter(word: string): string {
  const letters: string[] = [];
  const vowelAfter = new Map<number, string>();
  for (const ch of word) {
    if (harakat[ch] && letters.length) vowelAfter.set(letters.length - 1, harakat[ch]);
    if (!marks.test(ch)) letters.push(ch);
  }
  let out = '';
  let voweled = false; // has the first syllable its vowel yet?
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i]!;
    const vowel = isVowelAt(letters, i);
    if (ch === 'ع' && letters[i + 1] === 'ا') continue; // عا is one A
    if ((ch === 'و' || ch === 'ي') && !vowel) out += ch === 'و' ? 'W' : 'Y';
    else out += arabicToLatin[ch] ?? ch;
    if (vowel) {
      voweled = true;
      continue;
    }
    const written = vowelAfter.get(i);
    if (written) out += written;
    // The first syllable has a short vowel that Arabic does not write: French spelling puts A.
    else if (!voweled && i + 1 < letters.length && !isVowelAt(letters, i + 1)) out += 'A';
    voweled = true;
  }
  return out;
}

/** One Arabic-script word (or a joined `عبد ال…` compound) in Latin letters, upper case. */
export function transliterateArabicName(word: string): string {
  const bare = [...word].filter((ch) => !marks.test(ch)).join('');
  const known = moroccanNames[bare];
  if (known) return known;
  if (bare.startsWith('عبدال') && bare.length > 5) {
    const rest = bare.slice(5);
    const first = arabicToLatin[rest[0]!] ?? '';
    return sunLetters.has(rest[0]!) && rest[0] !== 'ل' ? `ABDE${first}${transliterateArabicName(rest)}` : `ABDEL${transliterateArabicName(rest)}`;
  }
  if (bare.startsWith('ال') && bare.length > 3) return transliterateArabicName(bare.slice(2));
  return letterByLetter(word.startsWith('ال') && bare.length > 3 ? word.slice(2) : word);
}

/** Joins `عبد` to the word after it (`عبد الله` → `عبدالله`) and `نور الدين` likewise: one name each. */
export function joinArabicCompounds(raw: string): string {
  return raw.replace(/(عبد|نور)\s+(?=ال)/gu, '$1');
}
