import { describe, expect, it } from 'vitest';
import { buildCode, compareCodes, defaultCodeScheme as scheme, neighbourCodes, normaliseName } from './code-scheme.ts';
import { moroccanNames, transliterateArabicName } from './transliteration.ts';

/**
 * Common Moroccan first names (a synthetic list, no persons): the Arabic spelling, the
 * French spellings workers use (the usual one first), and the two letters of the code.
 */
const names: Array<[arabic: string, french: string[], letters: string]> = [
  ['فاطمة', ['Fatima', 'Fatema'], 'FA'],
  ['خديجة', ['Khadija', 'Khadidja', 'Kadija'], 'KH'],
  ['عائشة', ['Aicha', 'Aïcha', 'Aisha'], 'AI'],
  ['مريم', ['Meryem', 'Mariam', 'Meriem'], 'ME'],
  ['زينب', ['Zineb', 'Zaynab'], 'ZI'],
  ['أمينة', ['Amina'], 'AM'],
  ['نعيمة', ['Naima', 'Naïma'], 'NA'],
  ['سعاد', ['Souad', 'Suad'], 'SO'],
  ['بشرى', ['Bouchra', 'Bushra'], 'BO'],
  ['حنان', ['Hanane', 'Hanan'], 'HA'],
  ['إيمان', ['Imane', 'Iman'], 'IM'],
  ['وفاء', ['Wafae', 'Ouafae', 'Wafaa'], 'WA'],
  ['زهرة', ['Zahra', 'Zohra'], 'ZA'],
  ['ثورية', ['Touria', 'Thouria'], 'TO'],
  ['غيثة', ['Ghita', 'Ghyta'], 'GH'],
  ['هدى', ['Houda', 'Huda'], 'HO'],
  ['شيماء', ['Chaimae', 'Shaimaa', 'Chaymae'], 'CH'],
  ['محمد', ['Mohamed', 'Mohammed', 'Muhammad', 'Mhamed'], 'MO'],
  ['أحمد', ['Ahmed', 'Ahmad'], 'AH'],
  ['يوسف', ['Youssef', 'Youcef', 'Yusuf'], 'YO'],
  ['عبد الله', ['Abdellah', 'Abdallah', 'Abdullah'], 'AB'],
  ['عبد الرحيم', ['Abderrahim', 'Abderahim'], 'AB'],
  ['مصطفى', ['Mustapha', 'Moustapha', 'Mostafa'], 'MU'],
  ['حسن', ['Hassan', 'Hasan'], 'HA'],
  ['الحسين', ['Houssine', 'Houcine', 'Hussein'], 'HO'],
  ['إدريس', ['Driss', 'Idriss'], 'DR'],
  ['إبراهيم', ['Brahim', 'Ibrahim'], 'BR'],
  ['عمر', ['Omar', 'Umar'], 'OM'],
  ['سعيد', ['Said', 'Saïd', 'Saaid'], 'SA'],
  ['رشيد', ['Rachid', 'Rashid'], 'RA'],
  ['خالد', ['Khalid', 'Khaled'], 'KH'],
  ['هشام', ['Hicham', 'Hisham'], 'HI'],
  ['أسامة', ['Oussama', 'Ousama', 'Usama'], 'OU'],
  ['عثمان', ['Othmane', 'Otmane', 'Outhmane'], 'OT'],
  ['جمال', ['Jamal', 'Djamal'], 'JA'],
  ['نور الدين', ['Noureddine', 'Nourdine', 'Nur Eddine'], 'NO'],
  // Not in the names table: the letter rules give the French spelling's first letters.
  ['نبيل', ['Nabil'], 'NA'],
  ['سلوى', ['Saloua', 'Salwa'], 'SA'],
  ['شكيب', ['Chakib'], 'CH'],
  ['خليل', ['Khalil'], 'KH'],
  ['توفيق', ['Toufik', 'Taoufik', 'Tawfiq'], 'TO'],
  ['حمزة', ['Hamza'], 'HA'],
  ['وليد', ['Walid', 'Oualid'], 'WA'],
  ['يونس', ['Younes', 'Younouss'], 'YO'],
  ['منير', ['Mounir', 'Munir'], 'MA'],
  ['سفيان', ['Soufiane', 'Sofiane', 'Sufyan'], 'SA'],
];

const codeOf = (mother: string) => buildCode(scheme, { mother_first_name: mother, father_first_name: 'Karim', birth_year: 1990, sex: 'F' });

describe('Arabic-script first names', () => {
  it.each(names)('%s gives the letters of its French spelling', (arabic, french, letters) => {
    expect(normaliseName(arabic).slice(0, 2)).toBe(letters);
    // The code from the Arabic spelling is the code from the usual French one, or close to it.
    for (const spelling of french) {
      const a = codeOf(arabic);
      const b = codeOf(spelling);
      if (a === b) continue;
      expect(compareCodes(scheme, a, b), `${arabic} ${a} ~ ${spelling} ${b}`).not.toBeNull();
      expect(neighbourCodes(scheme, a), `${arabic} ${a} → ${spelling} ${b}`).toContain(b);
    }
  });

  it('follows the vowel rules of French spelling where the table does not know the name', () => {
    expect(transliterateArabicName('كمال')).toBe('KAMAL'); // short vowel after the first consonant: A
    expect(transliterateArabicName('عادل')).toBe('ADIL'); // عا is one A
    expect(transliterateArabicName('وداد')).toBe('WADAD'); // و first: W
    expect(transliterateArabicName('أيمن')).toBe('AYMN'); // ي after ا: Y
    expect(transliterateArabicName('بُشرى')).toBe('BOUCHRA'); // known name
    expect(transliterateArabicName('سُكينة')).toBe('SAKINA');
    expect(transliterateArabicName('ضُحى')).toBe('DOUHA'); // a written damma gives OU
    expect(transliterateArabicName('عبدالصبور')).toBe('ABDESSABOUR'); // the article assimilated (sun letter)
    expect(transliterateArabicName('عبدالغني')).toBe('ABDELGHANI');
    expect(transliterateArabicName('الغالية')).toBe('GHALIA'); // the article dropped
  });

  it('spells the honorifics as the normaliser drops them', () => {
    expect(normaliseName('مولاي أحمد')).toBe('AHMED');
    expect(normaliseName('سيدي محمد')).toBe('MOHAMED');
    expect(normaliseName('لالة زهرة')).toBe('ZAHRA');
  });

  it('keeps its table in upper-case Latin letters', () => {
    for (const [arabic, latin] of Object.entries(moroccanNames)) expect(latin, arabic).toMatch(/^[A-Z]+$/);
  });
});
