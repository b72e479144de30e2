// Whisper's languages (the codes its tokenizer knows) and its model sizes, as the settings offer them.

/** Whisper models, smallest first; the same list as the proxy's WHISPER_MODELS (a test checks they agree). */
export const WHISPER_MODELS = ['tiny', 'base', 'small', 'medium', 'large-v1', 'large-v2', 'large-v3', 'turbo'] as const;

/** One of Whisper's model sizes. */
export type WhisperModel = (typeof WHISPER_MODELS)[number];

/** What each model trades, in the candidate's words. */
export const MODEL_HINTS: Record<WhisperModel, string> = {
  tiny: 'fastest, least accurate',
  base: 'fast, rough',
  small: 'balanced (recommended)',
  medium: 'slower, more accurate',
  'large-v1': 'slow, accurate (older)',
  'large-v2': 'slow, accurate',
  'large-v3': 'slowest, most accurate',
  turbo: 'large-v3 quality, faster',
};

/** Whisper's languages by code, in the order of its tokenizer (English first). */
export const WHISPER_LANGUAGES: Readonly<Record<string, string>> = {
  en: 'English', zh: 'Chinese', de: 'German', es: 'Spanish', ru: 'Russian', ko: 'Korean', fr: 'French', ja: 'Japanese',
  pt: 'Portuguese', tr: 'Turkish', pl: 'Polish', ca: 'Catalan', nl: 'Dutch', ar: 'Arabic', sv: 'Swedish', it: 'Italian',
  id: 'Indonesian', hi: 'Hindi', fi: 'Finnish', vi: 'Vietnamese', he: 'Hebrew', uk: 'Ukrainian', el: 'Greek', ms: 'Malay',
  cs: 'Czech', ro: 'Romanian', da: 'Danish', hu: 'Hungarian', ta: 'Tamil', no: 'Norwegian', th: 'Thai', ur: 'Urdu',
  hr: 'Croatian', bg: 'Bulgarian', lt: 'Lithuanian', la: 'Latin', mi: 'Maori', ml: 'Malayalam', cy: 'Welsh', sk: 'Slovak',
  te: 'Telugu', fa: 'Persian', lv: 'Latvian', bn: 'Bengali', sr: 'Serbian', az: 'Azerbaijani', sl: 'Slovenian', kn: 'Kannada',
  et: 'Estonian', mk: 'Macedonian', br: 'Breton', eu: 'Basque', is: 'Icelandic', hy: 'Armenian', ne: 'Nepali', mn: 'Mongolian',
  bs: 'Bosnian', kk: 'Kazakh', sq: 'Albanian', sw: 'Swahili', gl: 'Galician', mr: 'Marathi', pa: 'Punjabi', si: 'Sinhala',
  km: 'Khmer', sn: 'Shona', yo: 'Yoruba', so: 'Somali', af: 'Afrikaans', oc: 'Occitan', ka: 'Georgian', be: 'Belarusian',
  tg: 'Tajik', sd: 'Sindhi', gu: 'Gujarati', am: 'Amharic', yi: 'Yiddish', lo: 'Lao', uz: 'Uzbek', fo: 'Faroese',
  ht: 'Haitian Creole', ps: 'Pashto', tk: 'Turkmen', nn: 'Nynorsk', mt: 'Maltese', sa: 'Sanskrit', lb: 'Luxembourgish',
  my: 'Myanmar', bo: 'Tibetan', tl: 'Tagalog', mg: 'Malagasy', as: 'Assamese', tt: 'Tatar', haw: 'Hawaiian', ln: 'Lingala',
  ha: 'Hausa', ba: 'Bashkir', jw: 'Javanese', su: 'Sundanese', yue: 'Cantonese',
};

/** The languages sorted by name, for a picker. */
export function languagesByName(): { code: string; name: string }[] {
  // Warning: plain code-unit order, not localeCompare: the names are English words in ASCII, where both agree (a test
  // holds that), and locale-aware comparing of a hundred names held up the first screen of a phone for a moment.
  return Object.entries(WHISPER_LANGUAGES)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
